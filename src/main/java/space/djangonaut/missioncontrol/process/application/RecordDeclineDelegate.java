package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.OfferService;

/** The applicant declined: the place goes back to the cohort. */
@Component
class RecordDeclineDelegate implements JavaDelegate {

  private final OfferService offers;

  RecordDeclineDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    offers.decline((Long) execution.getVariable(ApplicationProcess.APPLICATION_ID));
  }
}
