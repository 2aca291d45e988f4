package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.OfferService;

/** The deadline passed without an answer: the place goes back to the cohort. */
@Component
class ExpireOfferDelegate implements JavaDelegate {

  private final OfferService offers;

  ExpireOfferDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    offers.expire((Long) execution.getVariable(ApplicationProcess.APPLICATION_ID));
  }
}
