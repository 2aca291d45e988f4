package space.djangonaut.missioncontrol.config;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplyFormSchema;

/**
 * Refuses a deployment whose public application form (the Camunda Form with id {@code apply}, normally
 * {@code forms/apply.form}) the public page could not use, whatever door it comes through (Camunda Modeler and the
 * REST API, the Java API, {@link ProcessDeployer}), as {@link DecisionTableChecks} does for decision tables: the
 * engine runs this before its own deployers; one {@link ParseException} names the resource and lists every reason of
 * {@link ApplyFormSchema#problems} (a fixed key missing or of another type, a component the page cannot draw, a
 * text question without a maximum length, ...; a tenant id, {@link #FOR_EVERY_COHORT}); the REST API answers HTTP
 * 400 with {@code details.<resource>.errors}, and nothing of the deployment is stored. Only new deployments are
 * checked.
 */
@Component
class ApplyFormChecks extends DeploymentCheck {

  /**
   * Why a public form may not be deployed for one tenant: its pages read the latest version shared by every cohort,
   * and the engine refuses to name a latest version once a tenant has its own (every public page would answer 500).
   */
  static final String FOR_EVERY_COHORT = "It is deployed for the tenant of one cohort: the public pages ask every"
      + " cohort the form deployed without a tenant, so deploy it without a tenant id (a cohort keeps the version"
      + " it opened with, and its page can ask the latest).";

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (!resource.getName().endsWith(".form") || !ApplyFormSchema.isApplyForm(resource.getBytes())) {
        continue;
      }
      List<String> reasons = new java.util.ArrayList<>(ApplyFormSchema.problems(resource.getBytes()));
      if (deployment.getTenantId() != null) {
        reasons.add(FOR_EVERY_COHORT);
      }
      if (!reasons.isEmpty()) {
        List<Problem> problems = reasons.stream().map(reason -> (Problem) new DeploymentProblem(null, reason))
            .toList();
        throw new ParseException("The application form " + resource.getName() + " cannot be deployed: "
            + String.join(" ", reasons), resource.getName(), problems, List.of());
      }
    }
  }

}
