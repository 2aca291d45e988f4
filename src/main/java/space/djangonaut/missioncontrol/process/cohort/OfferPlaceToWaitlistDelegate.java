package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.SelectionService;

/** A place was freed: offers it to the best-ranked waitlisted applicant, if any. */
@Component
class OfferPlaceToWaitlistDelegate implements JavaDelegate {

  private final SelectionService selection;

  OfferPlaceToWaitlistDelegate(SelectionService selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean offered = selection.offerToNextWaitlisted((Long) execution.getVariable(CohortProcess.COHORT_ID));
    execution.setVariable(CohortProcess.PLACE_REOFFERED, offered);
  }
}
