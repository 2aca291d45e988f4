package space.djangonaut.missioncontrol.process.application;

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
import space.djangonaut.missioncontrol.application.ApplyFormSchema;
import space.djangonaut.missioncontrol.application.ApplyForms;

/**
 * The application form's schemas as deployed to the engine (Camunda 7.24 has no public query for Camunda Form
 * definitions: its form definition manager is what {@code camunda:formRef} resolves with). A schema is read once
 * per definition and kept: a deployed definition never changes.
 */
@Component
class ApplyFormsOnEngine implements ApplyForms {

  private final ProcessEngineConfigurationImpl engine;
  private final RepositoryService repository;
  private final Map<String, ApplyFormSchema> read = new ConcurrentHashMap<>();

  ApplyFormsOnEngine(ProcessEngineConfiguration engine, RepositoryService repository) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.repository = repository;
  }

  @Override
  public ApplyFormSchema latest() {
    CamundaFormDefinitionEntity definition = engine.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(ApplyFormSchema.FORM_ID));
    if (definition == null) {
      throw new IllegalStateException("No Camunda Form " + ApplyFormSchema.FORM_ID + " is deployed.");
    }
    return schema(definition);
  }

  @Override
  public Optional<ApplyFormSchema> version(int version) {
    CamundaFormDefinitionEntity definition = engine.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager()
            .findDefinitionByKeyVersionAndTenantId(ApplyFormSchema.FORM_ID, version, null));
    return Optional.ofNullable(definition).map(this::schema);
  }

  private ApplyFormSchema schema(CamundaFormDefinitionEntity definition) {
    return read.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
          definition.getResourceName())) {
        return ApplyFormSchema.parse(in.readAllBytes(), definition.getVersion());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + definition.getResourceName(), e);
      }
    });
  }
}
