package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** Tells each application's process the selection's decision. */
@Component
class SendSelectionDecisionsDelegate implements JavaDelegate {

  private final SelectionService selection;

  SendSelectionDecisionsDelegate(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    selection.sendDecisions((Long) execution.getVariable(CohortProcess.COHORT_ID));
  }
}
