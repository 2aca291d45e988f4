package space.djangonaut.missioncontrol.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.process.ProcessNames;
import space.djangonaut.missioncontrol.process.Variable;

/**
 * Refuses a deployment whose diagrams would break at run time, whatever door it comes through: Camunda Modeler and
 * any other client of the REST API ({@code POST /engine-rest/deployment/create}, a redeploy, the webapps' own API),
 * the Java API, and {@link ProcessDeployer} at start-up. The engine parses every diagram with {@link CheckedBpmnParse},
 * which adds each problem below to the parse; the engine then throws one {@link org.camunda.bpm.engine.ParseException}
 * listing them all, the deploy command's transaction rolls back and nothing of the deployment is stored. The REST API
 * answers it with HTTP 400: {@code {"type":"ParseException", "details":{"<resource>":{"errors":[{"message",
 * "mainElementId", "line", "column"}, ...]}}}}, one error per problem, its {@code mainElementId} the task, event,
 * sequence flow or process at fault; at start-up the application does not start.
 *
 * <p>Only new deployments are checked: a diagram deployed before is re-read as it is when the engine loads it again.
 * The rules, each derived from how Camunda 7.24 resolves the name at run time:
 *
 * <ol>
 *   <li><b>Forms.</b> A {@code camunda:formRef} with {@code camunda:formRefBinding="deployment"} must name the
 *       {@code "id"} of a {@code .form} resource of the same deployment: the engine looks nowhere else, and a diagram
 *       deployed without its forms gives every new task a form that cannot be found (HTTP 404 in Tasklist). With
 *       {@code latest} (the engine's default) the form must be in the deployment or deployed before; with
 *       {@code version} that version must be deployed, or be the version the deployment's own copy becomes. A
 *       {@code camunda:formKey} {@code camunda-forms:deployment:<resource>} (or {@code embedded:deployment:}) must
 *       name a resource of the deployment. A form reference that is an expression is resolved at run time and not
 *       checked.</li>
 *   <li><b>Beans.</b> A {@code delegateExpression} of the form {@code ${name}} (service, send and business rule
 *       tasks, message events, task and execution listeners) must name a Spring bean of Mission Control of the type
 *       its place calls for ({@code JavaDelegate} or {@code ActivityBehavior}, {@code TaskListener},
 *       {@code ExecutionListener}); variables cannot hold delegates, since Java serialization is off. A
 *       {@code camunda:class} must be on the class path. In every expression of a diagram (attributes and texts,
 *       documentation and scripts aside), the name before a member access or call ({@code x} in
 *       {@code ${x.method(...)}}, {@code ${x.property}}, {@code ${x['key']}}) must be, in the order the engine
 *       resolves it: a name the engine provides ({@code execution}, {@code task}, ...); a variable declared by a
 *       {@code *Process} class ({@link Variable}), whose Java type must then have a public method of that name and
 *       number of arguments; a variable the diagram defines (input or output parameter, element or result variable,
 *       {@code camunda:in}/{@code out} target, generated form field) or a field key of a form of the deployment; or
 *       a Spring bean, whose type must have the method called. A bare name ({@code ${reviewersDisagree}}) is a
 *       variable the process sets at run time and is not checked.</li>
 *   <li><b>Messages.</b> A message that a start event, intermediate catch event, boundary event or receive task
 *       waits for must be one Mission Control sends: the {@code MESSAGE_} names of the {@code *Process} classes,
 *       with which the Java code correlates, or a message a throw event or send task of a diagram of the same
 *       deployment throws. A message name that is an expression is not checked.</li>
 *   <li><b>History.</b> Every executable process has a {@code camunda:historyTimeToLive} (the README's personal data
 *       rules: history is cleaned up), whatever the engine's {@code enforceHistoryTimeToLive}.</li>
 * </ol>
 */
@Component
class DeploymentChecks extends AbstractCamundaConfiguration {

  private final ListableBeanFactory beans;
  private final Set<String> messages = new TreeSet<>();
  private final Map<String, Class<?>> variables = new HashMap<>();

  DeploymentChecks(ListableBeanFactory beans) {
    this.beans = beans;
    for (Class<?> names : ProcessNames.ALL) {
      for (Field field : names.getFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value = constant(field);
        if (field.getName().startsWith("MESSAGE_") && value instanceof String message) {
          messages.add(message);
        } else if (value instanceof Variable<?> variable) {
          variables.put(variable.name(), variable.type());
        }
      }
    }
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setBpmnParseFactory(parser -> new CheckedBpmnParse(parser, this));
  }

  /** The names of the messages Mission Control's Java code sends (correlates), sorted. */
  Set<String> messageNames() {
    return Collections.unmodifiableSet(messages);
  }

  /** The variables the {@code *Process} classes declare, with their Java types. */
  Map<String, Class<?>> variables() {
    return Collections.unmodifiableMap(variables);
  }

  boolean isBean(String name) {
    return beans.containsBean(name);
  }

  /** The bean's type, or null when Spring cannot tell it without creating the bean. */
  Class<?> beanType(String name) {
    return beans.getType(name, false);
  }

  boolean isBeanOf(String name, Class<?> type) {
    return beans.isTypeMatch(name, type);
  }

  private static Object constant(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }
}
