package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;

/**
 * Puts each application's process (and so its review tasks) in its cohort's tenant, so that reviewers see only
 * the cohorts they review ({@link CohortReviewers}). The diagrams stay shared: no tenant per deployment.
 */
@Component
public class ApplicationTenantIdProvider implements TenantIdProvider {

  private final ApplicationRepository applications;

  ApplicationTenantIdProvider(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (!ApplicationProcess.KEY.equals(context.getProcessDefinition().getKey())
        || !(context.getVariables().get(ApplicationProcess.APPLICATION_ID.name()) instanceof Long applicationId)) {
      return null;
    }
    return applications.findById(applicationId)
        .map(application -> CohortReviewers.tenantId(application.getCohort().getId())).orElse(null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return null;
  }
}
