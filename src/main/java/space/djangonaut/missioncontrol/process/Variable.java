package space.djangonaut.missioncontrol.process;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and Java type, declared once per process (holunda camunda-bpm-data's
 * {@code VariableFactory} in miniature): {@code APPLICATION_ID.from(execution)} instead of a cast.
 *
 * @param name the variable's name in the diagrams and forms
 * @param type its Java type; whole numbers are read as {@link Long} whatever width the engine stored
 */
public record Variable<T>(String name, Class<T> type) {

  /** A whole-number variable (ids, counters); an {@code Integer} the engine stored (a loop counter) reads as a long. */
  public static Variable<Long> longVariable(String name) {
    return new Variable<>(name, Long.class);
  }

  /** A flag a gateway reads. */
  public static Variable<Boolean> booleanVariable(String name) {
    return new Variable<>(name, Boolean.class);
  }

  /** A text variable, e.g. an outcome a gateway compares. */
  public static Variable<String> stringVariable(String name) {
    return new Variable<>(name, String.class);
  }

  /** An instant a timer waits for (a {@code Date}, UTC). */
  public static Variable<Date> dateVariable(String name) {
    return new Variable<>(name, Date.class);
  }

  /**
   * The variable's value as seen from this scope (the scope's own, else its parents').
   *
   * @throws IllegalStateException if it is not set, or holds another type: a fault of the diagram, which the engine
   *     turns into an incident
   */
  public T from(VariableScope scope) {
    return optionalFrom(scope).orElseThrow(
        () -> new IllegalStateException("Process variable " + name + " is not set."));
  }

  /** The value, or empty when the variable is not set. */
  public Optional<T> optionalFrom(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (type == Long.class && value instanceof Number number) {
      return Optional.of(type.cast(number.longValue()));
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
          + ", not a " + type.getSimpleName() + ".");
    }
    return Optional.of(type.cast(value));
  }

  /**
   * The id the process runs for, read from its business key rather than from this variable: no task, form or REST
   * call of anyone but an organiser can change a business key, while a variable is data the process holds. The
   * variable, the copy the diagram's expressions read, must still agree with it.
   *
   * @param execution the step's execution (a task listener passes {@code task.getExecution()}: a task's own
   *     variables could shadow the process's)
   * @throws IllegalStateException if this is not a whole-number variable, the business key is missing or not a whole
   *     number, or the variable now holds another id (someone changed it): the step fails, so the engine rolls the
   *     transaction back (a completion is refused, a job raises an incident) until an organiser sets it right
   */
  public long fromBusinessKey(DelegateExecution execution) {
    if (type != Long.class) {
      throw new IllegalStateException("Process variable " + name + " is not an id.");
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || !businessKey.matches("\\d{1,18}")) {
      throw new IllegalStateException("The process's business key \"" + businessKey + "\" is not the " + name + ".");
    }
    long id = Long.parseLong(businessKey);
    optionalFrom(execution).filter(value -> !value.equals(id)).ifPresent(value -> {
      throw new IllegalStateException("Process variable " + name + " holds " + value + " but the process runs for "
          + id + " (its business key): someone changed it; set it back to " + id + " to continue.");
    });
    return id;
  }

  /** Sets the variable where the scope finds it (or on the process instance when it is new). */
  public void on(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }
}
