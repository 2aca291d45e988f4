package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.OfferService;

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
