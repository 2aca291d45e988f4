package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** On completing Task_FinaliseSelection: records the proposal with the organiser's changes, or refuses them. */
@Component
class FinaliseSelectionListener implements TaskListener {

  private final SelectionService selection;

  FinaliseSelectionListener(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void notify(DelegateTask task) {
    selection.finalise((Long) task.getVariable(CohortProcess.COHORT_ID),
        (String) task.getVariable(CohortProcess.SELECTION_CHANGES));
  }
}
