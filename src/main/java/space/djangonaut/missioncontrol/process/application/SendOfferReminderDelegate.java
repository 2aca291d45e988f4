package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.mail.Step;

/** Two days before the deadline: reminds the applicant, with a fresh link to the same offer. */
@Component
class SendOfferReminderDelegate implements JavaDelegate {

  private final OfferService offers;

  SendOfferReminderDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    offers.remind((Long) execution.getVariable(ApplicationProcess.APPLICATION_ID), Step.of(execution));
  }
}
