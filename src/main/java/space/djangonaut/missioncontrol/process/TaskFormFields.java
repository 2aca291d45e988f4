package space.djangonaut.missioncontrol.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The variables a task's deployed Camunda Form submits: what a person working on the task may write.
 *
 * <p>The form is the one the engine itself resolves for the task (its {@code camunda:formRef} with its binding:
 * {@code deployment} looks in the deployment of the task's diagram), and its variables are the keys of its
 * components, nested ones included, as Tasklist's form-js sends them: a key {@code a.b} and a group or list with the
 * path {@code a} submit the variable {@code a}; buttons and disabled fields submit nothing. Read-only fields count,
 * because form-js submits them too.
 *
 * <p>If the form is not where the binding looks (a diagram deployed before deployments were checked, see
 * {@code config/DeploymentChecks}; Tasklist then cannot show the form either), the task has no fields to write.
 *
 * <p>A deployed form never changes, so the keys are parsed once per form definition (its id names one version of one
 * form in one deployment) and kept for the life of the application: a few entries per deployment.
 */
@Component
public class TaskFormFields {

  private static final Set<String> TYPES_WITHOUT_DATA = Set.of("button", "text", "spacer", "separator", "image",
      "html", "iframe", "table", "documentPreview");

  private final ProcessEngineConfigurationImpl engine;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentMap<String, Set<String>> fieldsByFormDefinition = new ConcurrentHashMap<>();

  TaskFormFields(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * The variable names the task's form submits.
   *
   * <p>The task and its form are looked up as the engine, whoever asks: authorizations and tenants decide later
   * whether the caller may work on the task at all.
   *
   * @return empty if there is no such task; an empty set if the task has no Camunda Form (a standalone task, an
   *     embedded or generated form, or a form key that no deployment has)
   * @throws UncheckedIOException if the deployed form is not JSON
   */
  public Optional<Set<String>> of(String taskId) {
    return engine.getCommandExecutorTxRequired().execute(commandContext -> {
      commandContext.disableAuthorizationCheck();
      commandContext.disableTenantCheck();
      if (commandContext.getTaskManager().findTaskById(taskId) == null) {
        return Optional.empty();
      }
      TaskFormData form = new GetTaskFormCmd(taskId).execute(commandContext);
      CamundaFormRef reference = form == null ? null : form.getCamundaFormRef();
      if (reference == null) {
        return Optional.of(Set.of());
      }
      CamundaFormDefinition definition =
          new GetCamundaFormDefinitionCmd(reference, form.getDeploymentId()).execute(commandContext);
      if (definition == null) {
        return Optional.of(Set.of());
      }
      return Optional.of(fieldsByFormDefinition.computeIfAbsent(definition.getId(),
          id -> parse(commandContext, definition)));
    });
  }

  private Set<String> parse(CommandContext commandContext, CamundaFormDefinition definition) {
    try (InputStream form = new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName())
        .execute(commandContext)) {
      return fieldsOf(json.readTree(form));
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + definition.getResourceName() + " of deployment "
          + definition.getDeploymentId() + " is not JSON", e);
    }
  }

  /** The top-level variable names a Camunda Form (its schema as JSON) submits. */
  static Set<String> fieldsOf(JsonNode form) {
    Set<String> fields = new TreeSet<>();
    collect(form.path("components"), fields);
    return Set.copyOf(fields);
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false)
          || TYPES_WITHOUT_DATA.contains(component.path("type").asText())) {
        continue;
      }
      String path = component.path("path").asText("");
      if (!path.isBlank()) {
        // A group or dynamic list with a path submits its children inside one object named by the path.
        fields.add(firstSegment(path));
        continue;
      }
      String key = component.path("key").asText("");
      if (!key.isBlank()) {
        fields.add(firstSegment(key));
      }
      collect(component.path("components"), fields);
    }
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
