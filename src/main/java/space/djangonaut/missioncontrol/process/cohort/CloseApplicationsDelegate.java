package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;

/** Closes the application window: the public form stops taking applications. */
@Component
class CloseApplicationsDelegate implements JavaDelegate {

  private final CohortLifecycle lifecycle;

  CloseApplicationsDelegate(CohortLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.closeApplications((Long) execution.getVariable(CohortProcess.COHORT_ID));
  }
}
