package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;

/** Creates the cohort from the start form; the timers read its dates; the business key becomes its slug. */
@Component
class CreateCohortDelegate implements JavaDelegate {

  private final CohortLifecycle lifecycle;

  CreateCohortDelegate(CohortLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CohortLifecycle.CreatedCohort cohort = lifecycle.create(execution.getVariables());
    execution.setVariable(CohortProcess.COHORT_ID, cohort.cohortId());
    execution.setVariable(CohortProcess.APPLICATIONS_CLOSE_AT, cohort.applicationsCloseAt());
    execution.setVariable(CohortProcess.STARTS_AT, cohort.startsAt());
    execution.setProcessBusinessKey(cohort.slug());
  }
}
