package space.djangonaut.missioncontrol.config;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.Roles;

/**
 * Authorizations are on (application.yaml); organisers, like Camunda's administrators, are an admin group of the
 * engine: everything, Cockpit and Admin included. Other groups get what {@link Authorizations} grants them, and
 * candidate groups the right to work on their tasks ({@link TaskAuthorizationProvider}). History keeps what forms
 * submit once, as variables ({@link HistoryWithoutFormFields}).
 */
@Component
class EngineConfiguration extends AbstractCamundaConfiguration {

  private final TenantIdProvider tenantIdProvider;

  EngineConfiguration(TenantIdProvider tenantIdProvider) {
    this.tenantIdProvider = tenantIdProvider;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setAdminGroups(List.of(Groups.CAMUNDA_ADMIN, Roles.ORGANISERS));
    configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
    // Each application belongs to its cohort's tenant: reviewers see the cohorts they review (CohortReviewers).
    configuration.setTenantIdProvider(tenantIdProvider);
    // Submitted form fields are not kept a second time in history (see HistoryWithoutFormFields).
    configuration.setHistoryEventHandler(new HistoryWithoutFormFields());
  }
}
