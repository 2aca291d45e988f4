package space.djangonaut.missioncontrol.cohort;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;

/**
 * Who reviews which cohort. Each cohort is a Camunda tenant ({@code cohort} + id, named after the cohort): its
 * application processes and their review tasks belong to it, and a reviewer sees and works on a cohort's
 * applications only as a member of its tenant. Organisers add reviewers to a cohort in Camunda Admin (Tenants), or
 * add the whole group {@code reviewers}; they see every cohort themselves.
 */
@Service
public class CohortReviewers {

  private final IdentityService identityService;

  CohortReviewers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The tenant of a cohort: letters and digits, as Camunda requires. */
  public static String tenantId(long cohortId) {
    return "cohort" + cohortId;
  }

  /** Creates the cohort's tenant, with no reviewers yet, if it does not exist. */
  public void ensureTenant(Cohort cohort) {
    String id = tenantId(cohort.getId());
    if (identityService.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identityService.newTenant(id);
      tenant.setName(cohort.getName());
      identityService.saveTenant(tenant);
    }
  }

  /** Lets a reviewer review the cohort's applications. */
  public void add(Cohort cohort, String userId) {
    ensureTenant(cohort);
    String id = tenantId(cohort.getId());
    if (identityService.createTenantQuery().tenantId(id).userMember(userId).count() == 0) {
      identityService.createTenantUserMembership(id, userId);
    }
  }
}
