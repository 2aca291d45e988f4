package space.djangonaut.missioncontrol.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The applicant accepted the place. */
@Component
class ConfirmPlaceDelegate implements JavaDelegate {

  private final OfferService offers;

  ConfirmPlaceDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    offers.confirm((Long) execution.getVariable(ApplicationProcess.APPLICATION_ID));
  }
}
