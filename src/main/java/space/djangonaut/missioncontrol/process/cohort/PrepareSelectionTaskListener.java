package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** On creating Task_FinaliseSelection: a summary of the proposal; the ranking itself is on the selection page. */
@Component
class PrepareSelectionTaskListener implements TaskListener {

  private final SelectionService selection;

  PrepareSelectionTaskListener(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void notify(DelegateTask task) {
    long cohortId = (Long) task.getVariable(CohortProcess.COHORT_ID);
    task.setVariableLocal("selectionSummary", selection.summary(cohortId));
  }
}
