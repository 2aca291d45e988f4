package space.djangonaut.missioncontrol.process;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.context.annotation.Bean;

/**
 * Recording stand-ins for the steps of one diagram: one for each {@code @Bean} of its {@code *Steps} configuration,
 * under the bean's name, so that a step added there is stubbed here too. Each stand-in records that it ran, where and
 * with which variables, then does what the test told it to ({@link #whenRun}): usually set what the real step sets
 * for the gateways and timers after it.
 */
public final class StepStubs {

  /**
   * One run of a step.
   *
   * @param bean the step's bean name
   * @param elementId the element it ran for (the task's definition key, for a task listener)
   * @param event {@code "execute"} for a delegate, else the task event: create, assignment, complete, timeout
   * @param assignee the task's assignee, for a task listener
   * @param variables the variables the step saw, its own and its parents'
   */
  public record Run(String bean, String elementId, String event, String assignee, Map<String, Object> variables) {

    /** The value of a variable the step saw (whole numbers as longs, like {@link Variable#from}). */
    public <T> T variable(Variable<T> variable) {
      Object value = variables.get(variable.name());
      if (variable.type() == Long.class && value instanceof Number number) {
        value = number.longValue();
      }
      return variable.type().cast(value);
    }
  }

  private final String configuration;
  private final SortedMap<String, Class<?>> beans;
  private final Map<String, Consumer<VariableScope>> effects = new HashMap<>();
  private final List<Run> runs = new ArrayList<>();
  private final SortedSet<String> ranInClass = new TreeSet<>();

  private StepStubs(String configuration, SortedMap<String, Class<?>> beans) {
    this.configuration = configuration;
    this.beans = beans;
  }

  /**
   * Stand-ins for the beans of a steps configuration.
   *
   * @throws IllegalArgumentException if a bean is neither a {@link JavaDelegate} nor a {@link TaskListener}
   */
  public static StepStubs of(Class<?> stepsConfiguration) {
    SortedMap<String, Class<?>> beans = new TreeMap<>();
    for (Method method : stepsConfiguration.getDeclaredMethods()) {
      if (!method.isAnnotationPresent(Bean.class)) {
        continue;
      }
      Class<?> type = method.getReturnType();
      if (type != JavaDelegate.class && type != TaskListener.class) {
        throw new IllegalArgumentException(stepsConfiguration.getSimpleName() + "." + method.getName()
            + " is a " + type.getSimpleName() + ", not a JavaDelegate or TaskListener");
      }
      beans.put(method.getName(), type);
    }
    return new StepStubs(stepsConfiguration.getSimpleName(), beans);
  }

  /**
   * What the step does after recording its run, until the end of the test (by default nothing).
   *
   * @throws IllegalArgumentException if the steps configuration has no such bean
   */
  public StepStubs whenRun(String bean, Consumer<VariableScope> effect) {
    requireBean(bean);
    effects.put(bean, effect);
    return this;
  }

  /** The runs of all steps in this test, in order. */
  public List<Run> runs() {
    return Collections.unmodifiableList(runs);
  }

  /** The runs of one step in this test, in order. */
  public List<Run> runsOf(String bean) {
    requireBean(bean);
    return runs.stream().filter(run -> run.bean().equals(bean)).toList();
  }

  /** The names of all the stubbed beans. */
  public Set<String> names() {
    return Collections.unmodifiableSet(beans.keySet());
  }

  /** The beans that did not run in any test of the class so far. */
  public SortedSet<String> neverRan() {
    SortedSet<String> never = new TreeSet<>(beans.keySet());
    never.removeAll(ranInClass);
    return never;
  }

  /** Registers the stand-ins with {@link Mocks}, where the diagram engine's expressions find them. */
  void register() {
    beans.forEach((name, type) -> Mocks.register(name, type == JavaDelegate.class ? delegate(name) : listener(name)));
  }

  /** Forgets this test's runs and effects. */
  void reset() {
    runs.clear();
    effects.clear();
  }

  /** Forgets which beans ran in the class. */
  void resetClass() {
    reset();
    ranInClass.clear();
  }

  private JavaDelegate delegate(String name) {
    return execution -> ran(name, execution, new Run(name, execution.getCurrentActivityId(), "execute", null,
        snapshot(execution)));
  }

  private TaskListener listener(String name) {
    return task -> ran(name, task, new Run(name, task.getTaskDefinitionKey(), task.getEventName(), task.getAssignee(),
        snapshot(task)));
  }

  private void ran(String name, VariableScope scope, Run run) {
    runs.add(run);
    ranInClass.add(name);
    effects.getOrDefault(name, ignored -> { }).accept(scope);
  }

  private static Map<String, Object> snapshot(VariableScope scope) {
    // Input parameters without a value are null, which Map.copyOf refuses.
    return Collections.unmodifiableMap(new LinkedHashMap<>(scope.getVariables()));
  }

  private void requireBean(String bean) {
    if (!beans.containsKey(bean)) {
      throw new IllegalArgumentException(bean + " is not a step of " + configuration + ": " + beans.keySet());
    }
  }
}
