package space.djangonaut.missioncontrol.process.application;

import java.util.Optional;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplyFormSchema;
import space.djangonaut.missioncontrol.application.ApplyForms;
import space.djangonaut.missioncontrol.common.DeployedForms;

/**
 * The application form's schemas as deployed to the engine ({@link DeployedForms}, which reads the engine's form
 * definitions and keeps each version's schema parsed).
 */
@Component
class ApplyFormsOnEngine implements ApplyForms {

  private final DeployedForms forms;

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
    return ApplyFormSchema.of(forms.schema(deployed, ApplyFormSchema.RULES));
  }
}
