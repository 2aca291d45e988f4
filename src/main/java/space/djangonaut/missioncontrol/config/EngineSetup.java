package space.djangonaut.missioncontrol.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.cohort.CohortService;

/**
 * Once the engine runs: deploy the diagrams and forms, then make sure the groups, Tasklist filters and cohort
 * tenants exist.
 */
@Component
class EngineSetup {

  private final ProcessDeployer deployer;
  private final GroupsAndFilters groupsAndFilters;
  private final CohortService cohorts;
  private final CohortReviewers reviewers;

  EngineSetup(ProcessDeployer deployer, GroupsAndFilters groupsAndFilters, CohortService cohorts,
      CohortReviewers reviewers) {
    this.deployer = deployer;
    this.groupsAndFilters = groupsAndFilters;
    this.cohorts = cohorts;
    this.reviewers = reviewers;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void setUp() {
    deployer.deploy();
    groupsAndFilters.ensure();
    // Every cohort has its tenant, also those created before cohorts had one.
    cohorts.all().forEach(reviewers::ensureTenant);
  }
}
