package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** The cohort starts: closes the waitlist with a kind email to those still on it. */
@Component
class CloseWaitlistDelegate implements JavaDelegate {

  private final SelectionService selection;

  CloseWaitlistDelegate(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    selection.closeWaitlist((Long) execution.getVariable(CohortProcess.COHORT_ID));
  }
}
