package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** Ranks the reviewed applications; the gateway waits while some are still in review. */
@Component
class RankApplicationsDelegate implements JavaDelegate {

  private final SelectionService selection;

  RankApplicationsDelegate(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean allReviewed = selection.rank((Long) execution.getVariable(CohortProcess.COHORT_ID));
    execution.setVariable(CohortProcess.ALL_REVIEWED, allReviewed);
  }
}
