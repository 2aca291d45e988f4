package space.djangonaut.missioncontrol.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.DeployedForms;
import space.djangonaut.missioncontrol.common.FormSchema;

/**
 * The Camunda Forms as deployed to the engine (Camunda 7.24 has no public query for Camunda Form definitions: its
 * form definition manager is what {@code camunda:formRef} resolves with). A version is read once, and its schema
 * parsed once for each set of rules, and kept: a deployed definition never changes.
 */
@Component
class DeployedFormsOnEngine implements DeployedForms {

  private final ProcessEngineConfigurationImpl engine;
  private final RepositoryService repository;
  private final Map<String, Deployed> read = new ConcurrentHashMap<>();
  /**
   * By deployed version and rules. A {@code Deployed} is read once per definition ({@link #read}), and its schema
   * array makes it its own key: a version number alone may come back after its deployment is deleted.
   */
  private final Map<Parsed, FormSchema> parsed = new ConcurrentHashMap<>();

  private record Parsed(Deployed deployed, FormSchema.Rules rules) {}

  DeployedFormsOnEngine(ProcessEngineConfiguration engine, RepositoryService repository) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.repository = repository;
  }

  @Override
  public Optional<Deployed> latest(String formId) {
    CamundaFormDefinitionEntity definition = engine.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId));
    return Optional.ofNullable(definition).map(this::deployed);
  }

  @Override
  public Optional<Deployed> version(String formId, int version) {
    CamundaFormDefinitionEntity definition = engine.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(formId, version, null));
    return Optional.ofNullable(definition).map(this::deployed);
  }

  @Override
  public FormSchema schema(Deployed deployed, FormSchema.Rules rules) {
    return parsed.computeIfAbsent(new Parsed(deployed, rules),
        key -> FormSchema.parse(deployed.json(), deployed.version(), rules));
  }

  private Deployed deployed(CamundaFormDefinitionEntity definition) {
    return read.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
          definition.getResourceName())) {
        var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
            .singleResult();
        return new Deployed(definition.getKey(), definition.getVersion(),
            deployment.getDeploymentTime().toInstant(), in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + definition.getResourceName(), e);
      }
    });
  }
}
