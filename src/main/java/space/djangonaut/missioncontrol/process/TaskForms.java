package space.djangonaut.missioncontrol.process;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicantAnswers;
import space.djangonaut.missioncontrol.application.EarlierReviews;
import space.djangonaut.missioncontrol.application.SelectionSummary;
import space.djangonaut.missioncontrol.common.FormText;
import space.djangonaut.missioncontrol.mentorship.CheckInContext;
import space.djangonaut.missioncontrol.mentorship.OneToOneContext;
import space.djangonaut.missioncontrol.survey.MidpointService.ConcernContext;
import space.djangonaut.missioncontrol.team.PlacementContext;
import space.djangonaut.missioncontrol.team.ReplacementContext;
import space.djangonaut.missioncontrol.team.TeamPlanView;
import space.djangonaut.missioncontrol.volunteer.VolunteerAnswers;

/**
 * The edge between a submitted Camunda Form and the domain: turns the task's variables into a record (or a form
 * bean) whose component names are the form's field keys, then validates it with Bean Validation. A service only
 * ever sees the checked object, never the variable map. The other way, {@link #show} puts what a form displays on
 * its task.
 *
 * <p>What {@link #show} puts on a task is a view of Mission Control's own records, drawn again whenever it is needed:
 * the engine keeps no history of it ({@link #isDrawn}), so that it is neither a second copy of an applicant's
 * answers to erase nor work for every task created (issue 14: two thirds of the history rows an application wrote).
 */
@Component
public class TaskForms {

  /**
   * A task's own variable beside the fields {@link #show} draws: the zone (an IANA id) they were drawn in, so that a
   * claim by someone reading in that zone draws nothing again.
   */
  public static final String DRAWN_IN_ZONE = "drawnInZone";

  /** The records {@link #show} draws on tasks, each component a read-only field of the task's form. */
  private static final List<Class<? extends Record>> VIEWS = List.of(ApplicantAnswers.class, EarlierReviews.class,
      SelectionSummary.class, TeamPlanView.class, PlacementContext.class, ReplacementContext.class,
      CheckInContext.class, OneToOneContext.class, ConcernContext.class, VolunteerAnswers.class);

  private static final Set<String> DRAWN = drawnNames();

  /** The records {@link #show} draws (for the test that each is read-only wherever a form shows it). */
  static List<Class<? extends Record>> views() {
    return VIEWS;
  }

  private static Set<String> drawnNames() {
    Set<String> names = new HashSet<>(Set.of(DRAWN_IN_ZONE));
    for (Class<? extends Record> view : VIEWS) {
      Arrays.stream(view.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
    }
    return Set.copyOf(names);
  }

  /**
   * Whether a variable is one {@link #show} draws: a task's own variable named after a component of one of the views
   * it draws (or {@link #DRAWN_IN_ZONE}). A form field of the same name that a task does not draw (an organiser's
   * {@code teamName} answer when placing a Djangonaut) is written by the form to the task's execution, not to the
   * task, so it is not one; and whatever is written to the task itself under such a name (the engine's REST API lets
   * an organiser) is never read as what was submitted ({@link #bind(DelegateTask, Class)}).
   *
   * @param taskId the task whose own variable it is; {@code null} for a variable of an execution
   */
  public static boolean isDrawn(String taskId, String variableName) {
    return taskId != null && DRAWN.contains(variableName);
  }

  private final Validator validator;

  TaskForms(Validator validator) {
    this.validator = validator;
  }

  /**
   * Binds and validates a submission.
   *
   * @param variables what the form submitted (the task's variables)
   * @param type a record whose components, or a bean whose properties, are named after the form's field keys;
   *     a field that is not submitted (or blank) stays {@code null}, or the bean's default
   * @throws BadUserRequestException naming each field that cannot be read or breaks a rule, as
   *     {@code "field: reason"} (a rule over several fields gives its reason alone); Tasklist shows it to the person
   *     who submitted the form
   */
  public <T> T bind(Map<String, Object> variables, Class<T> type) {
    Map<String, String> problems = new TreeMap<>();
    T bound = type.isRecord() ? bindRecord(variables, type, problems) : bindBean(variables, type, problems);
    if (problems.isEmpty()) {
      for (ConstraintViolation<T> violation : validator.validate(bound)) {
        problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      Set<String> fields = fieldNames(type);
      // A rule over several fields (an @AssertTrue method such as "windowOrdered") is no field of the form: its
      // message alone says what is wrong.
      throw new BadUserRequestException(problems.entrySet().stream()
          .map(problem -> fields.contains(problem.getKey()) ? problem.getKey() + ": " + problem.getValue()
              : problem.getValue())
          .collect(Collectors.joining(" ")));
    }
    return bound;
  }

  /**
   * Binds and validates what a person submitted on a task, as {@link #bind(Map, Class)} does with the task's
   * variables, but for those it draws: a task's own variable named as one {@link #show} draws ({@link #isDrawn}) is
   * a view that keeps no history (config/HistoryWithoutFormFields), never what a person submitted, even where a form
   * has a field of that name (Task_PlaceInTeam's {@code teamName}, which check-ins draw). Under such a name only the
   * value the task's execution holds counts: the form's own field (an input parameter of the task), whose every
   * value is in history.
   *
   * @throws BadUserRequestException as {@link #bind(Map, Class)}
   */
  public <T> T bind(DelegateTask task, Class<T> type) {
    Map<String, Object> variables = new HashMap<>(task.getVariables());
    for (String name : task.getVariableNamesLocal()) {
      if (isDrawn(task.getId(), name)) {
        variables.put(name, task.getExecution() == null ? null : task.getExecution().getVariable(name));
      }
    }
    return bind(variables, type);
  }

  /** The form's field keys: a record's components, or a bean's writable properties. */
  private static Set<String> fieldNames(Class<?> type) {
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
    return Arrays.stream(PropertyAccessorFactory.forBeanPropertyAccess(instantiate(type)).getPropertyDescriptors())
        .filter(property -> property.getWriteMethod() != null).map(property -> property.getName())
        .collect(Collectors.toSet());
  }

  /**
   * Puts a record's components on the task as its own variables, under their names: the form shows them read-only.
   *
   * @param view one of the records this class knows as views ({@link #isDrawn})
   * @throws IllegalArgumentException for any other record: its variables would be kept in history
   */
  public void show(VariableScope task, Record view) {
    if (!VIEWS.contains(view.getClass())) {
      throw new IllegalArgumentException(view.getClass().getName() + " is not one of the views TaskForms draws");
    }
    for (RecordComponent component : view.getClass().getRecordComponents()) {
      try {
        component.getAccessor().setAccessible(true);
        task.setVariableLocal(component.getName(), component.getAccessor().invoke(view));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + component, e);
      }
    }
  }

  /**
   * The other way round from {@link #bind}: the variables a form with these values would submit (a form bean's
   * writable properties; dates as ISO text, whole numbers as longs), for starting a process as its start form would.
   */
  public Map<String, Object> variablesOf(Object form) {
    Map<String, Object> variables = new TreeMap<>();
    BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(form);
    for (var property : bean.getPropertyDescriptors()) {
      if (property.getWriteMethod() != null && property.getReadMethod() != null) {
        Object value = bean.getPropertyValue(property.getName());
        variables.put(property.getName(), value instanceof LocalDate date ? date.toString()
            : value instanceof Integer number ? Long.valueOf(number) : value);
      }
    }
    return variables;
  }

  private static <T> T bindRecord(Map<String, Object> variables, Class<T> type, Map<String, String> problems) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = convert(components[i].getName(), variables.get(components[i].getName()), components[i].getType(),
          problems);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + type.getSimpleName(), e);
    }
  }

  private static <T> T bindBean(Map<String, Object> variables, Class<T> type, Map<String, String> problems) {
    BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(instantiate(type));
    for (var property : bean.getPropertyDescriptors()) {
      if (property.getWriteMethod() == null) {
        continue;
      }
      Object value = convert(property.getName(), variables.get(property.getName()), property.getPropertyType(),
          problems);
      if (value != null) {
        bean.setPropertyValue(property.getName(), value);
      }
    }
    return type.cast(bean.getWrappedInstance());
  }

  private static Object instantiate(Class<?> type) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + type.getSimpleName(), e);
    }
  }

  /** One submitted value as the target type; what cannot be read is noted in {@code problems}. */
  static Object convert(String field, Object value, Class<?> target, Map<String, String> problems) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    if (target == String.class) {
      // Counted as the form counted it: a line break is one character (common.FormText).
      return FormText.normaliseLineBreaks(text);
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
      Long number = wholeNumber(value, text);
      if (number == null) {
        problems.put(field, "give a whole number.");
        return null;
      }
      return target == Long.class || target == long.class ? number : (Object) (int) Math.max(Integer.MIN_VALUE,
          Math.min(Integer.MAX_VALUE, number));
    }
    if (target == Boolean.class || target == boolean.class) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      problems.put(field, "answer yes or no.");
      return null;
    }
    if (target == LocalDate.class) {
      if (value instanceof Date date) {
        return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      }
      try {
        // Camunda Forms send dates as 2026-12-01 (or a date-time whose day is what counts).
        return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
      } catch (DateTimeParseException e) {
        problems.put(field, "give a date as YYYY-MM-DD.");
        return null;
      }
    }
    if (target.isEnum()) {
      for (Object constant : target.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
      problems.put(field, "choose " + choices(target) + ".");
      return null;
    }
    throw new IllegalArgumentException("A form field of type " + target.getSimpleName() + " is not supported");
  }

  private static Long wholeNumber(Object value, String text) {
    if (value instanceof Number number) {
      // Exactly, or not at all: a BigInteger's longValue() would wrap 99999999999999999999 to 7766279631452241919.
      try {
        return new BigDecimal(number.toString()).longValueExact();
      } catch (NumberFormatException | ArithmeticException notAWholeLong) {
        return null;
      }
    }
    return text.matches("-?\\d{1,12}") ? Long.parseLong(text) : null;
  }

  private static String choices(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
    }
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
