package space.djangonaut.missioncontrol.config;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.survey.SurveyForms;

/**
 * Refuses a deployment whose feedback survey (form id {@code feedback-survey}) or mid-point check (form id
 * {@code midpoint-check}) the public pages or the impact report could not use, whatever door it comes through, as
 * {@link ApplyFormChecks} does for the application form: one {@link ParseException} names the resource and lists
 * every reason of {@link SurveyForms#problems} (a fixed key the report or the trouble detection reads missing, of
 * another type, not required, with other option values or without its {@code respondents}; a component the page
 * cannot draw; ...; a tenant id, as {@link ApplyFormChecks#FOR_EVERY_COHORT}); the REST API answers HTTP 400 with
 * {@code details.<resource>.errors}, and nothing of the deployment is stored. Only new deployments are checked.
 */
@Component
class SurveyFormChecks extends DeploymentCheck {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      Optional<FormSchema.Rules> rules = SurveyForms.rulesOf(resource.getBytes());
      if (rules.isEmpty()) {
        continue;
      }
      List<String> reasons = new java.util.ArrayList<>(SurveyForms.problems(resource.getBytes(), rules.get()));
      if (deployment.getTenantId() != null) {
        reasons.add(ApplyFormChecks.FOR_EVERY_COHORT);
      }
      if (!reasons.isEmpty()) {
        List<Problem> problems = reasons.stream().map(reason -> (Problem) new DeploymentProblem(null, reason))
            .toList();
        throw new ParseException(rules.get().formName() + " " + resource.getName() + " cannot be deployed: "
            + String.join(" ", reasons), resource.getName(), problems, List.of());
      }
    }
  }
}
