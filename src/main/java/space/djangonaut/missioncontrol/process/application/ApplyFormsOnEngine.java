package space.djangonaut.missioncontrol.process.application;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplyFormSchema;
import space.djangonaut.missioncontrol.application.ApplyForms;
import space.djangonaut.missioncontrol.common.DeployedForms;

/**
 * The application form's schemas as deployed to the engine ({@link DeployedForms}, which reads the engine's form
 * definitions). A version is parsed once and kept: a deployed definition never changes.
 */
@Component
class ApplyFormsOnEngine implements ApplyForms {

  private final DeployedForms forms;
  /**
   * By deployed definition ({@link DeployedForms} gives one {@code Deployed} per definition, whose schema array makes
   * it its own key): a version number alone may come back after its deployment is deleted.
   */
  private final Map<DeployedForms.Deployed, ApplyFormSchema> parsed = new ConcurrentHashMap<>();

  ApplyFormsOnEngine(DeployedForms forms) {
    this.forms = forms;
  }

  @Override
  public ApplyFormSchema latest() {
    return forms.latest(ApplyFormSchema.FORM_ID).map(this::schema)
        .orElseThrow(() -> new IllegalStateException("No Camunda Form " + ApplyFormSchema.FORM_ID + " is deployed."));
  }

  @Override
  public Optional<ApplyFormSchema> version(int version) {
    return forms.version(ApplyFormSchema.FORM_ID, version).map(this::schema);
  }

  private ApplyFormSchema schema(DeployedForms.Deployed deployed) {
    return parsed.computeIfAbsent(deployed, d -> ApplyFormSchema.parse(d.json(), d.version()));
  }
}
