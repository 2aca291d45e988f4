package space.djangonaut.missioncontrol.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Once the engine runs: deploy the diagrams and forms, then make sure the groups and Tasklist filters exist. */
@Component
class EngineSetup {

  private final ProcessDeployer deployer;
  private final GroupsAndFilters groupsAndFilters;

  EngineSetup(ProcessDeployer deployer, GroupsAndFilters groupsAndFilters) {
    this.deployer = deployer;
    this.groupsAndFilters = groupsAndFilters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void setUp() {
    deployer.deploy();
    groupsAndFilters.ensure();
  }
}
