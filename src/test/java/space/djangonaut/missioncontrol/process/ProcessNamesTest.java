package space.djangonaut.missioncontrol.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import space.djangonaut.missioncontrol.application.ApplicantAnswers;
import space.djangonaut.missioncontrol.application.EarlierReviews;
import space.djangonaut.missioncontrol.application.ReviewScores;
import space.djangonaut.missioncontrol.application.SelectionChanges;
import space.djangonaut.missioncontrol.application.SelectionSummary;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.mentorship.CheckInContext;
import space.djangonaut.missioncontrol.mentorship.CheckInReport;
import space.djangonaut.missioncontrol.mentorship.OneToOneContext;
import space.djangonaut.missioncontrol.mentorship.OneToOneReport;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.rules.ProgrammeDecision;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;
import space.djangonaut.missioncontrol.team.PlacementContext;
import space.djangonaut.missioncontrol.survey.ConcernFollowUp;
import space.djangonaut.missioncontrol.survey.MidpointService;
import space.djangonaut.missioncontrol.team.ReplacementChoice;
import space.djangonaut.missioncontrol.team.ReplacementContext;
import space.djangonaut.missioncontrol.team.TeamAdjustmentRequest;
import space.djangonaut.missioncontrol.team.TeamPlacement;
import space.djangonaut.missioncontrol.team.TeamPlanView;
import space.djangonaut.missioncontrol.volunteer.VolunteerAnswers;
import space.djangonaut.missioncontrol.volunteer.VolunteerDecision;

/**
 * Proves the Java names of the process layer against the diagrams in {@code bpmn/} and the Camunda Forms in
 * {@code forms/}, without Spring or an engine: the files are parsed ({@link Bpmn#readModelFromFile}, Jackson) and the
 * names read by reflection, so a name that drifted from the Modeler fails here in a second, not in a process test
 * or in production. Each test collects every problem, each naming the constant, bean or field and the file.
 *
 * <ol>
 *   <li>Each names class ({@link #PROCESSES}) has a {@code KEY} that is the id of the one process of
 *       {@code bpmn/<KEY>.bpmn}, and every diagram in {@code bpmn/} has a names class.</li>
 *   <li>Each element constant ({@code TASK_}, {@code EVENT_}, {@code START_EVENT_}, {@code END_EVENT_},
 *       {@code BOUNDARY_EVENT_}, {@code GATEWAY_}, {@code SUB_PROCESS_}, {@code CALL_ACTIVITY_}) is the id of an
 *       element of that kind in its diagram. Each {@code MESSAGE_} constant is the name of a message of its diagram that an event or receive task
 *       there waits for; a message sent by another process (the application process sends the cohort's
 *       {@code PlaceReleased}) is named by the class of the diagram that catches it. A public constant of no known
 *       kind is a problem too, so nothing escapes these rules.</li>
 *   <li>Each {@code FORM_} constant is a {@code camunda:formRef} of its diagram, and every form a diagram refers to
 *       is a file {@code forms/<id>.form} whose {@code "id"} is that id. Each {@code FIELD_} constant is a field key
 *       (nested ones included) of a form of its diagram.</li>
 *   <li>Each typed {@link Variable} is read or written by its diagram or its forms: its name appears in an expression
 *       anywhere in the diagram (a condition, timer, loop cardinality, collection, assignee, due date, input or output
 *       parameter, ...), or the diagram defines it (the name of an input or output parameter, an element variable),
 *       or it is a field key of one of the diagram's forms. Otherwise it is a dead name. The exception is the
 *       variable that is the process's business identity ({@code applicationId}, {@code cohortId},
 *       {@code volunteerId}, declared in {@link #PROCESSES}): the engine's callers and the steps use it, not the
 *       diagram, so it must be used in an expression of the diagram or else be documented as the identity by the
 *       diagram itself, in the process's documentation (its name in words, as "business key = application id").
 *       A declared identity that is not a variable of the names class is a problem as well.</li>
 *   <li>Each {@code ${beanName}} of a {@code delegateExpression} (service tasks, task and execution listeners) is a
 *       {@code @Bean} method of a {@code @Configuration} class of the {@code process} package, of the right type
 *       ({@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener}); and every such step bean is named
 *       by a diagram. Each {@code ${someBean.method(...)}} in any expression calls a component of the application
 *       (a {@code @Component}, {@code @Service}, {@code @Configuration}, ... class under the base package, named as
 *       Spring names it, or a {@code @Bean} method) that has a public method of that name taking that many
 *       arguments. Names the engine provides ({@code execution}, {@code task}, ...) and the process's own variables
 *       are not beans.</li>
 *   <li>Each element with a {@code camunda:formRef} has an entry in {@link #FORM_USES}: the record (or form bean)
 *       its step binds with {@link TaskForms#bind} and the record it shows with {@link TaskForms#show}. Every
 *       component of those records (every writable property of a bean) is a field key of that form. A form added to
 *       a diagram without an entry fails, as does a {@code forms.bind(..., X.class)} in the process sources whose
 *       {@code X} is in no entry.</li>
 *   <li>Each element with a {@code camunda:formRef} also sets {@code camunda:formRefBinding}: without it the engine
 *       takes the latest deployed version of the form, not the one deployed with the diagram.</li>
 *   <li>Each decision table {@code bpmn/<key>.dmn} is a {@link ProgrammeDecision} whose key is its file name and the
 *       id of its one decision, and every {@link ProgrammeDecision} has its file. Every input expression of the table,
 *       and every name its rules compare with ({@code <= places}), is a variable Mission Control provides
 *       ({@link ProgrammeDecision#variables}), and each of those is an input expression; its one output is the one
 *       Mission Control reads ({@link ProgrammeDecision#output}). Each decision has a
 *       {@code camunda:historyTimeToLive} and hit policy FIRST or UNIQUE (one rule decides, and history names it), and
 *       each rule an id of its own and an annotation saying the rule in words.</li>
 * </ol>
 *
 * <p>The test runs from the project's directory (as Maven runs it) and reads the diagrams and forms where the
 * organisers edit them.
 */
class ProcessNamesTest {

  private static final String BASE_PACKAGE = "space.djangonaut.missioncontrol";
  private static final Path DIAGRAMS = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final Path PROCESS_SOURCES = Path.of("src/main/java/space/djangonaut/missioncontrol/process");
  private static final String CAMUNDA_NS = BpmnModelConstants.CAMUNDA_NS;

  /** The names class of each diagram, and the variable that is the process's business identity. */
  private static final List<Names> PROCESSES = List.of(
      new Names(ApplicationProcess.class, "applicationId"),
      new Names(CohortProcess.class, "cohortId"),
      new Names(TeamProcess.class, "teamId"),
      new Names(VolunteerProcess.class, "volunteerId"));

  /**
   * What the steps of each element with a form bind and show: read off the {@code *Steps} classes (the complete
   * listener binds, the create listener shows). {@code null} where a step binds or shows nothing.
   */
  private static final List<FormUse> FORM_USES = List.of(
      new FormUse(ApplicationProcess.KEY, ApplicationProcess.TASK_REVIEW_APPLICATION,
          ApplicationProcess.FORM_REVIEW_APPLICATION, ReviewScores.class, ApplicantAnswers.class),
      // The tie-break shows the applicant's answers too, as the review does (the same form).
      new FormUse(ApplicationProcess.KEY, ApplicationProcess.TASK_RESOLVE_DISAGREEMENT,
          ApplicationProcess.FORM_REVIEW_APPLICATION, ReviewScores.class, EarlierReviews.class),
      new FormUse(ApplicationProcess.KEY, ApplicationProcess.TASK_PLACE_IN_TEAM,
          ApplicationProcess.FORM_PLACE_IN_TEAM, TeamPlacement.class, PlacementContext.class),
      new FormUse(CohortProcess.KEY, CohortProcess.START_EVENT_COHORT_OPENED,
          CohortProcess.FORM_OPEN_COHORT, CohortForm.class, null),
      new FormUse(CohortProcess.KEY, CohortProcess.TASK_FINALISE_SELECTION,
          CohortProcess.FORM_FINALISE_SELECTION, SelectionChanges.class, SelectionSummary.class),
      new FormUse(CohortProcess.KEY, CohortProcess.TASK_CONFIRM_TEAMS,
          CohortProcess.FORM_CONFIRM_TEAMS, TeamAdjustmentRequest.class, TeamPlanView.class),
      new FormUse(TeamProcess.KEY, TeamProcess.TASK_RECORD_CHECK_IN,
          TeamProcess.FORM_RECORD_CHECK_IN, CheckInReport.class, CheckInContext.class),
      new FormUse(TeamProcess.KEY, TeamProcess.TASK_HOLD_ONE_TO_ONE,
          TeamProcess.FORM_HOLD_ONE_TO_ONE, OneToOneReport.class, OneToOneContext.class),
      new FormUse(TeamProcess.KEY, TeamProcess.TASK_REPLACE_VOLUNTEER,
          TeamProcess.FORM_REPLACE_VOLUNTEER, ReplacementChoice.class, ReplacementContext.class),
      new FormUse(TeamProcess.KEY, TeamProcess.TASK_FOLLOW_UP_CONCERN,
          TeamProcess.FORM_FOLLOW_UP_CONCERN, ConcernFollowUp.class, MidpointService.ConcernContext.class),
      // Nothing bound or shown: the report's path is an input parameter, the announcement link stays a variable.
      new FormUse(CohortProcess.KEY, CohortProcess.TASK_PUBLISH_REPORT,
          CohortProcess.FORM_PUBLISH_REPORT, null, null),
      new FormUse(VolunteerProcess.KEY, VolunteerProcess.TASK_APPROVE_VOLUNTEER,
          VolunteerProcess.FORM_APPROVE_VOLUNTEER, VolunteerDecision.class, VolunteerAnswers.class));

  /** The element kind each prefix of an element constant promises. */
  private static final Map<String, Class<? extends FlowElement>> ELEMENT_KINDS = new LinkedHashMap<>();

  static {
    ELEMENT_KINDS.put("START_EVENT_", StartEvent.class);
    ELEMENT_KINDS.put("END_EVENT_", EndEvent.class);
    ELEMENT_KINDS.put("BOUNDARY_EVENT_", BoundaryEvent.class);
    ELEMENT_KINDS.put("EVENT_", Event.class);
    ELEMENT_KINDS.put("TASK_", Task.class);
    ELEMENT_KINDS.put("GATEWAY_", Gateway.class);
    ELEMENT_KINDS.put("SUB_PROCESS_", SubProcess.class);
    ELEMENT_KINDS.put("CALL_ACTIVITY_", CallActivity.class);
  }

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  /** A name at the top of an expression: not a property or method after a dot. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([A-Za-z_]\\w*)");
  private static final Pattern CALL = Pattern.compile("(?<![\\w.$])([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
  private static final Pattern SIMPLE_EXPRESSION = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*");
  private static final Pattern BIND = Pattern.compile("\\.bind\\([^;]*?\\b(\\w+)\\.class\\s*\\)");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** Names an expression may use that the engine provides, not Spring. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
      "variableScope", "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  private static final Map<Names, Diagram> diagrams = new LinkedHashMap<>();
  /** The application's components by bean name (main code only, not the tests'). */
  private static final Map<String, Class<?>> components = new TreeMap<>();
  /** The {@code @Bean} methods of the application's configurations, by bean name. */
  private static final Map<String, Method> beanMethods = new TreeMap<>();
  /** The {@code @Bean} methods of the configurations of the {@code process} package: the steps. */
  private static final Map<String, Method> stepBeans = new TreeMap<>();

  @BeforeAll
  static void readDiagramsFormsAndComponents() throws ClassNotFoundException {
    for (Names names : PROCESSES) {
      Path file = DIAGRAMS.resolve(names.key() + ".bpmn");
      if (Files.isRegularFile(file)) {
        diagrams.put(names, Diagram.read(file));
      }
    }
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    URL mainCode = TaskForms.class.getProtectionDomain().getCodeSource().getLocation();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type = Class.forName(definition.getBeanClassName(), false, ProcessNamesTest.class.getClassLoader());
      if (!mainCode.equals(type.getProtectionDomain().getCodeSource().getLocation())) {
        continue;
      }
      components.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry), type);
      boolean configuration = ((AnnotatedBeanDefinition) definition).getMetadata()
          .hasAnnotation(Configuration.class.getName());
      if (!configuration) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        Bean bean = AnnotatedElementUtils.findMergedAnnotation(method, Bean.class);
        if (bean != null) {
          String name = bean.name().length > 0 ? bean.name()[0] : method.getName();
          beanMethods.put(name, method);
          if ((type.getPackageName() + ".").startsWith(BASE_PACKAGE + ".process.")) {
            stepBeans.put(name, method);
          }
        }
      }
    }
  }

  // 1. Keys

  @Test
  void everyKeyIsTheProcessIdOfItsDiagram() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Names names : PROCESSES) {
      Path file = DIAGRAMS.resolve(names.key() + ".bpmn");
      Diagram diagram = diagrams.get(names);
      if (diagram == null) {
        problems.add(names.constant("KEY") + " = \"" + names.key() + "\": there is no " + file);
        continue;
      }
      List<String> ids = diagram.model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .stream().map(BaseElement::getId).toList();
      if (!ids.equals(List.of(names.key()))) {
        problems.add(names.constant("KEY") + " = \"" + names.key() + "\": the process ids of " + file + " are "
            + ids);
      }
    }
    Set<String> keys = PROCESSES.stream().map(Names::key).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
          .filter(name -> !keys.contains(name.substring(0, name.length() - ".bpmn".length())))
          .forEach(name -> problems.add(DIAGRAMS.resolve(name) + " has no names class in this test's PROCESSES"));
    }
    List<Class<?>> tested = PROCESSES.stream().<Class<?>>map(Names::names).toList();
    if (!Set.copyOf(tested).equals(Set.copyOf(ProcessNames.ALL))) {
      problems.add("ProcessNames.ALL " + ProcessNames.ALL + " is not the list of names classes tested here " + tested);
    }
    assertNoProblems(problems);
  }

  // 2. Elements and messages

  @Test
  void everyElementConstantIsAnElementOfItsKindInItsDiagram() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> {
      for (Field field : names.constants()) {
        Class<? extends FlowElement> kind = elementKind(field.getName());
        if (kind == null) {
          continue;
        }
        String id = (String) value(field);
        ModelElementInstance element = diagram.model.getModelElementById(id);
        if (element == null) {
          problems.add(names.constant(field) + " = \"" + id + "\" is no element of " + diagram.file);
        } else if (!kind.isInstance(element)) {
          problems.add(names.constant(field) + " = \"" + id + "\" is a bpmn:" + element.getElementType().getTypeName()
              + " in " + diagram.file + ", not a " + kind.getSimpleName());
        }
      }
    });
    assertNoProblems(problems);
  }

  @Test
  void everyMessageConstantIsAMessageCaughtInItsDiagram() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> {
      Set<String> declared = diagram.model.getModelElementsByType(Message.class).stream().map(Message::getName)
          .filter(Objects::nonNull).collect(Collectors.toSet());
      Set<String> caught = new HashSet<>();
      diagram.model.getModelElementsByType(MessageEventDefinition.class).stream()
          .filter(definition -> definition.getMessage() != null)
          .forEach(definition -> caught.add(definition.getMessage().getName()));
      diagram.model.getModelElementsByType(ReceiveTask.class).stream()
          .filter(task -> task.getMessage() != null)
          .forEach(task -> caught.add(task.getMessage().getName()));
      for (Field field : names.constants()) {
        if (!field.getName().startsWith("MESSAGE_")) {
          continue;
        }
        String message = (String) value(field);
        if (!declared.contains(message)) {
          problems.add(names.constant(field) + " = \"" + message + "\" is no message name of " + diagram.file
              + " (its messages: " + new TreeSet<>(declared) + ")");
        } else if (!caught.contains(message)) {
          problems.add(names.constant(field) + " = \"" + message + "\" is a message of " + diagram.file
              + " that no event or receive task there waits for");
        }
      }
    });
    assertNoProblems(problems);
  }

  @Test
  void everyPublicConstantIsOfAKnownKind() {
    List<String> problems = new ArrayList<>();
    for (Names names : PROCESSES) {
      for (Field field : names.constants()) {
        String name = field.getName();
        boolean known = name.equals("KEY") || elementKind(name) != null || name.startsWith("MESSAGE_")
            || name.startsWith("FORM_") || name.startsWith("FIELD_") || field.getType() == Variable.class;
        if (!known) {
          problems.add(names.constant(field) + " is of no kind this test checks (KEY, element, MESSAGE_, FORM_, "
              + "FIELD_ or Variable)");
        } else if (field.getType() != Variable.class && !(value(field) instanceof String)) {
          problems.add(names.constant(field) + " is not a String");
        }
      }
    }
    assertNoProblems(problems);
  }

  // 3. Forms and fields

  @Test
  void everyFormConstantIsAFormOfItsDiagramAndEveryFieldConstantAFieldOfOne() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> {
      Map<String, String> constants = new TreeMap<>();
      for (Field field : names.constants()) {
        if (field.getName().startsWith("FORM_")) {
          constants.put((String) value(field), names.constant(field) + " = \"" + value(field) + "\"");
        }
      }
      diagram.forms.values().forEach(form -> form.problems.forEach(problem -> problems.add(diagram.file + ", "
          + constants.getOrDefault(form.id, "form \"" + form.id + "\"") + ": " + problem)));
      for (Field field : names.constants()) {
        String value = field.getName().startsWith("FORM_") || field.getName().startsWith("FIELD_")
            ? (String) value(field) : null;
        if (field.getName().startsWith("FORM_") && !diagram.forms.containsKey(value)) {
          problems.add(names.constant(field) + " = \"" + value + "\" is no camunda:formRef of " + diagram.file
              + " (its forms: " + diagram.forms.keySet() + ")");
        }
        if (field.getName().startsWith("FIELD_") && !diagram.formKeys().contains(value)) {
          problems.add(names.constant(field) + " = \"" + value + "\" is no field key of the forms of "
              + diagram.file + " " + diagram.forms.keySet());
        }
      }
    });
    assertNoProblems(problems);
  }

  // 4. Variables

  @Test
  void everyVariableIsReadOrWrittenByItsDiagramOrItsForms() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> {
      Set<String> variables = new HashSet<>();
      for (Field field : names.constants()) {
        if (field.getType() != Variable.class) {
          continue;
        }
        String name = ((Variable<?>) value(field)).name();
        variables.add(name);
        String described = names.constant(field) + " = \"" + name + "\"";
        if (name.equals(names.identity())) {
          String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
          String documentation = diagram.documentation.toLowerCase(Locale.ROOT);
          if (!diagram.identifiers.contains(name) && !documentation.contains(words)
              && !documentation.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(described + ", the business identity, is in no expression of " + diagram.file
                + " and its process documentation does not name it (\"" + words + "\")");
          }
        } else if (!diagram.identifiers.contains(name) && !diagram.defined.contains(name)
            && !diagram.formKeys().contains(name)) {
          problems.add(described + " is a dead name: no expression, parameter or element variable of "
              + diagram.file + " and no field of its forms " + diagram.forms.keySet());
        }
      }
      if (!variables.contains(names.identity())) {
        problems.add(names.names.getSimpleName() + " has no Variable named \"" + names.identity()
            + "\", the business identity this test declares for " + diagram.file);
      }
    });
    assertNoProblems(problems);
  }

  // 5. Beans

  @Test
  void everyDelegateExpressionIsAStepBeanOfTheRightType() {
    List<String> problems = new ArrayList<>();
    Set<String> named = new HashSet<>();
    forEachDiagram((names, diagram) -> {
      for (Delegate delegate : diagram.delegates) {
        Matcher simple = SIMPLE_EXPRESSION.matcher(delegate.expression);
        if (!simple.matches()) {
          continue; // a method call, checked with the other expressions
        }
        String bean = simple.group(1);
        named.add(bean);
        Method method = stepBeans.get(bean);
        if (method == null) {
          problems.add(diagram.file + ", " + delegate.element + ": " + delegate.expression + " is no @Bean method of "
              + "a @Configuration in the process package");
        } else if (!delegate.type.isAssignableFrom(method.getReturnType())) {
          problems.add(diagram.file + ", " + delegate.element + ": " + delegate.expression + " is "
              + method.getDeclaringClass().getSimpleName() + "." + bean + "(), a "
              + method.getReturnType().getSimpleName() + ", not a " + delegate.type.getSimpleName());
        }
      }
    });
    stepBeans.forEach((bean, method) -> {
      boolean step = Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
          .anyMatch(type -> type.isAssignableFrom(method.getReturnType()));
      if (step && !named.contains(bean)) {
        problems.add(method.getDeclaringClass().getSimpleName() + "." + bean + "() is a step no diagram's "
            + "delegateExpression names");
      }
    });
    assertNoProblems(problems);
  }

  @Test
  void everyBeanCalledInAnExpressionIsAComponentWithThatMethod() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> {
      Set<String> variables = new HashSet<>(diagram.defined);
      variables.addAll(diagram.formKeys());
      names.constants().stream().filter(field -> field.getType() == Variable.class)
          .forEach(field -> variables.add(((Variable<?>) value(field)).name()));
      for (Call call : diagram.calls) {
        if (ENGINE_NAMES.contains(call.bean) || variables.contains(call.bean)) {
          continue;
        }
        String where = diagram.file + ", " + call.element + ": " + call.expression;
        Class<?> type = components.containsKey(call.bean) ? components.get(call.bean)
            : beanMethods.containsKey(call.bean) ? beanMethods.get(call.bean).getReturnType() : null;
        if (type == null) {
          problems.add(where + ": \"" + call.bean + "\" is no Spring component of " + BASE_PACKAGE);
        } else if (Arrays.stream(type.getMethods()).noneMatch(method -> method.getName().equals(call.method)
            && method.getParameterCount() == call.arguments)) {
          problems.add(where + ": " + type.getSimpleName() + " (bean \"" + call.bean + "\") has no public method "
              + call.method + " taking " + call.arguments + " argument(s)");
        }
      }
    });
    assertNoProblems(problems);
  }

  // 6. Records and forms

  @Test
  void everyRecordAStepBindsOrShowsIsMadeOfFieldsOfTheTasksForm() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<FormUse> used = new HashSet<>();
    forEachDiagram((names, diagram) -> diagram.formRefs.forEach((element, formId) -> {
      FormUse use = FORM_USES.stream()
          .filter(candidate -> candidate.process.equals(names.key()) && candidate.element.equals(element))
          .findFirst().orElse(null);
      if (use == null) {
        problems.add(diagram.file + ", " + element + " (form \"" + formId + "\") has no entry in this test's "
            + "FORM_USES: say which record its steps bind and which they show");
        return;
      }
      used.add(use);
      if (!use.form.equals(formId)) {
        problems.add("FORM_USES says " + element + " has form \"" + use.form + "\", but in " + diagram.file
            + " its camunda:formRef is \"" + formId + "\"");
        return;
      }
      Form form = diagram.forms.get(formId);
      if (form.keys == null) {
        return; // reported with the forms
      }
      for (Class<?> type : Stream.of(use.binds, use.shows).filter(Objects::nonNull).toList()) {
        String verb = type == use.binds ? "binds" : "shows";
        for (String field : fieldsOf(type)) {
          if (!form.keys.contains(field)) {
            problems.add(element + " of " + diagram.file + " " + verb + " " + type.getSimpleName() + "." + field
                + ", which is no field key of " + form.file);
          }
        }
      }
    }));
    FORM_USES.stream().filter(use -> !used.contains(use)).forEach(use -> problems.add("FORM_USES entry " + use
        + " is no element with a camunda:formRef in " + DIAGRAMS.resolve(use.process + ".bpmn")));
    Set<String> inTable = FORM_USES.stream().map(FormUse::binds).filter(Objects::nonNull).map(Class::getSimpleName)
        .collect(Collectors.toSet());
    try (Stream<Path> sources = Files.walk(PROCESS_SOURCES)) {
      for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
        Matcher bind = BIND.matcher(Files.readString(source));
        while (bind.find()) {
          if (!inTable.contains(bind.group(1))) {
            problems.add(source + " binds " + bind.group(1) + ", which no entry of this test's FORM_USES binds");
          }
        }
      }
    }
    assertNoProblems(problems);
  }

  // 7. Form bindings

  @Test
  void everyFormRefHasAFormRefBinding() {
    List<String> problems = new ArrayList<>();
    forEachDiagram((names, diagram) -> diagram.formRefs.keySet().forEach(element -> {
      ModelElementInstance instance = diagram.model.getModelElementById(element);
      String binding = instance.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
      if (binding == null || binding.isBlank()) {
        problems.add(diagram.file + ", " + element + ": camunda:formRef \"" + diagram.formRefs.get(element)
            + "\" without camunda:formRefBinding");
      }
    }));
    assertNoProblems(problems);
  }

  // 8. Decision tables

  /** FEEL words and built-in functions a rule may use besides the variables. */
  private static final Set<String> FEEL_WORDS = Set.of("not", "null", "true", "false", "and", "or", "in", "between",
      "if", "then", "else", "for", "some", "every", "satisfies", "instance", "of", "return");
  private static final Pattern FEEL_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*+)(?!\\s*\\()");

  @Test
  void everyDecisionTableIsAProgrammeDecisionNamedByItsFile() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> files;
    try (Stream<Path> list = Files.list(DIAGRAMS)) {
      files = list.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".dmn"))
          .map(name -> name.substring(0, name.length() - ".dmn".length())).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> keys = Arrays.stream(ProgrammeDecision.values()).map(ProgrammeDecision::key)
        .collect(Collectors.toSet());
    files.stream().filter(file -> !keys.contains(file)).forEach(file -> problems.add(DIAGRAMS.resolve(file + ".dmn")
        + " is no ProgrammeDecision: Mission Control would deploy it but never evaluate it"));
    for (ProgrammeDecision decision : ProgrammeDecision.values()) {
      Path file = DIAGRAMS.resolve(decision.key() + ".dmn");
      if (!files.contains(decision.key())) {
        problems.add("ProgrammeDecision." + decision + " = \"" + decision.key() + "\": there is no " + file);
        continue;
      }
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      List<String> ids = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
      if (!ids.equals(List.of(decision.key()))) {
        problems.add(file + ": the decision ids are " + ids + ", not [" + decision.key() + "]");
      }
      for (Decision element : model.getModelElementsByType(Decision.class)) {
        if (element.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ", " + element.getId() + ": no camunda:historyTimeToLive");
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void everyDecisionTableReadsTheVariablesMissionControlProvidesAndGivesTheOutputItReads() {
    List<String> problems = new ArrayList<>();
    for (ProgrammeDecision decision : ProgrammeDecision.values()) {
      Path file = DIAGRAMS.resolve(decision.key() + ".dmn");
      if (!Files.isRegularFile(file)) {
        continue; // reported above
      }
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
        String where = file + ", " + table.getId();
        Set<String> expressions = new LinkedHashSet<>();
        for (Input input : table.getInputs()) {
          String expression = input.getInputExpression().getText() == null ? ""
              : input.getInputExpression().getText().getTextContent().strip();
          expressions.add(expression);
          if (!decision.variables().contains(expression)) {
            problems.add(where + ", " + input.getId() + ": input expression \"" + expression + "\" is no variable "
                + "Mission Control provides " + decision.variables());
          }
        }
        decision.variables().stream().filter(variable -> !expressions.contains(variable)).forEach(variable ->
            problems.add(where + ": no input column reads " + variable + ", which Mission Control provides"));
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        if (!outputs.equals(List.of(decision.output()))) {
          problems.add(where + ": the outputs are " + outputs + ", but Mission Control reads exactly ["
              + decision.output() + "]");
        }
        if (table.getHitPolicy() != HitPolicy.FIRST && table.getHitPolicy() != HitPolicy.UNIQUE) {
          problems.add(where + ": hit policy " + table.getHitPolicy() + "; a programme rule is FIRST or UNIQUE, so "
              + "that one rule decides and history names it");
        }
        Set<String> ruleIds = new HashSet<>();
        for (org.camunda.bpm.model.dmn.instance.Rule rule : table.getRules()) {
          if (rule.getId() == null || !rule.getId().startsWith("Rule_") || !ruleIds.add(rule.getId())) {
            problems.add(where + ": rule " + rule.getId() + " needs an id of its own, Rule_<what it says>");
          }
          if (rule.getDescription() == null || rule.getDescription().getTextContent().isBlank()) {
            problems.add(where + ", " + rule.getId() + ": no annotation saying the rule in words");
          }
          for (InputEntry entry : rule.getInputEntries()) {
            String text = entry.getText() == null ? "" : entry.getText().getTextContent();
            Matcher name = FEEL_NAME.matcher(STRING_LITERAL.matcher(text).replaceAll("0"));
            while (name.find()) {
              if (!FEEL_WORDS.contains(name.group(1)) && !decision.variables().contains(name.group(1))) {
                problems.add(where + ", " + rule.getId() + ": \"" + text.strip() + "\" names " + name.group(1)
                    + ", which Mission Control does not provide " + decision.variables());
              }
            }
          }
        }
      }
    }
    assertNoProblems(problems);
  }

  // The files, read once

  /** A names class and the variable that is its process's business identity. */
  private record Names(Class<?> names, String identity) {

    String key() {
      try {
        return (String) names.getField("KEY").get(null);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(names.getSimpleName() + " has no public KEY", e);
      }
    }

    List<Field> constants() {
      return Arrays.stream(names.getDeclaredFields())
          .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
              && !field.isSynthetic())
          .toList();
    }

    String constant(Field field) {
      return constant(field.getName());
    }

    String constant(String field) {
      return names.getSimpleName() + "." + field;
    }
  }

  /** Which record the steps of an element with a form bind, and which they show ({@code null}: none). */
  private record FormUse(String process, String element, String form, Class<?> binds, Class<?> shows) {}

  private record Form(String id, Path file, Set<String> keys, List<String> problems) {

    static Form read(String id) {
      Path file = FORMS.resolve(id + ".form");
      if (!Files.isRegularFile(file)) {
        return new Form(id, file, null, List.of("there is no " + file));
      }
      try {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        Set<String> keys = new LinkedHashSet<>();
        collectKeys(form.path("components"), "", keys);
        List<String> problems = id.equals(form.path("id").asText())
            ? List.of() : List.of(file + " has \"id\": \"" + form.path("id").asText() + "\", not \"" + id + "\"");
        return new Form(id, file, keys, problems);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void collectKeys(JsonNode components, String prefix, Set<String> keys) {
      for (JsonNode component : components) {
        String key = component.path("key").asText("");
        if (!key.isEmpty()) {
          keys.add(prefix + key);
        }
        String path = component.path("path").asText("");
        if (component.has("components")) {
          collectKeys(component.get("components"), path.isEmpty() ? prefix : prefix + path + ".", keys);
        }
      }
    }
  }

  /** A {@code delegateExpression} and the type its place calls for. */
  private record Delegate(String element, String expression, Class<?> type) {}

  /** A {@code name.method(...)} at the top of an expression. */
  private record Call(String element, String expression, String bean, String method, int arguments) {}

  /** What one diagram declares and uses, with the forms it refers to. */
  private static final class Diagram {

    final Path file;
    final BpmnModelInstance model;
    final String documentation;
    /** Every name at the top of an expression of the diagram (documentation aside). */
    final Set<String> identifiers = new HashSet<>();
    /** Names the diagram itself defines: input and output parameters, element and result variables. */
    final Set<String> defined = new HashSet<>();
    final List<Call> calls = new ArrayList<>();
    final List<Delegate> delegates = new ArrayList<>();
    /** The elements with a camunda:formRef, and the form each refers to. */
    final Map<String, String> formRefs = new TreeMap<>();
    final Map<String, Form> forms = new TreeMap<>();

    private Diagram(Path file, BpmnModelInstance model, String documentation) {
      this.file = file;
      this.model = model;
      this.documentation = documentation;
    }

    static Diagram read(Path file) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String documentation = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .stream().flatMap(process -> process.getDocumentations().stream()).map(Documentation::getTextContent)
          .collect(Collectors.joining(" "));
      Diagram diagram = new Diagram(file, model, documentation);
      Document document = (Document) model.getDocument().getDomSource().getNode();
      diagram.scan(document.getDocumentElement(), null);
      diagram.formRefs.values().forEach(form -> diagram.forms.computeIfAbsent(form, Form::read));
      return diagram;
    }

    Set<String> formKeys() {
      return forms.values().stream().filter(form -> form.keys != null).flatMap(form -> form.keys.stream())
          .collect(Collectors.toSet());
    }

    private void scan(Element element, String owner) {
      String name = localName(element);
      if (BpmnModelConstants.BPMNDI_NS.equals(element.getNamespaceURI()) || name.equals("documentation")) {
        return;
      }
      String id = element.getAttribute("id");
      String where = id.isEmpty() ? owner : id;
      boolean camunda = CAMUNDA_NS.equals(element.getNamespaceURI());
      if (camunda && (name.equals("inputParameter") || name.equals("outputParameter"))) {
        defined.add(element.getAttribute("name"));
      }
      if (camunda && (name.equals("in") || name.equals("out")) && !element.getAttribute("target").isEmpty()) {
        defined.add(element.getAttribute("target"));
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String attributeName = localName(attribute);
        if (attributeName.equals("formRef") && CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
          formRefs.put(where, attribute.getValue());
        }
        if (attributeName.equals("elementVariable") || attributeName.equals("resultVariable")) {
          defined.add(attribute.getValue());
        }
        if (attributeName.equals("delegateExpression")) {
          Class<?> type = name.equals("taskListener") ? TaskListener.class
              : name.equals("executionListener") ? ExecutionListener.class : JavaDelegate.class;
          delegates.add(new Delegate(where, attribute.getValue(), type));
        }
        expressions(attribute.getValue(), where);
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          scan(childElement, where);
        } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          expressions(child.getNodeValue(), where);
        }
      }
    }

    private void expressions(String text, String element) {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        // A string literal becomes a number: its words are no names, and its commas no argument separators.
        String code = STRING_LITERAL.matcher(expression.group(1)).replaceAll("0");
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
          if (!EL_WORDS.contains(identifier.group(1))) {
            identifiers.add(identifier.group(1));
          }
        }
        Matcher call = CALL.matcher(code);
        while (call.find()) {
          calls.add(new Call(element, expression.group(), call.group(1), call.group(2), arguments(code, call.end())));
        }
      }
    }

    /** The number of arguments of the call whose opening parenthesis ends just before {@code start}. */
    private static int arguments(String code, int start) {
      int depth = 0;
      int commas = 0;
      boolean any = false;
      for (int i = start; i < code.length(); i++) {
        char c = code.charAt(i);
        if ((c == ')' || c == ']') && depth == 0) {
          break;
        }
        if (c == '(' || c == '[') {
          depth++;
        } else if (c == ')' || c == ']') {
          depth--;
        } else if (c == ',' && depth == 0) {
          commas++;
        }
        any |= !Character.isWhitespace(c);
      }
      return any ? commas + 1 : 0;
    }

    private static String localName(Node node) {
      return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
  }

  // Helpers

  private static void forEachDiagram(java.util.function.BiConsumer<Names, Diagram> check) {
    diagrams.forEach(check);
  }

  private static Class<? extends FlowElement> elementKind(String constant) {
    return ELEMENT_KINDS.entrySet().stream().filter(kind -> constant.startsWith(kind.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  private static Object value(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** A record's component names, or the writable properties of a form bean: the form fields it is made of. */
  private static List<String> fieldsOf(Class<?> type) {
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    return Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(property -> property.getWriteMethod() != null)
        .map(PropertyDescriptor::getName).toList();
  }

  private static void assertNoProblems(List<String> problems) {
    assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
  }
}
