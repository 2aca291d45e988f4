package space.djangonaut.missioncontrol.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortProcess;

/** On creating Task_FinaliseSelection: the ranking with the default proposal, for the organiser to edit. */
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
    // On the task's execution, where the input mapping declares it, so that the form's submission replaces it.
    task.getExecution().setVariableLocal(CohortProcess.DECISIONS, selection.proposal(cohortId));
  }
}
