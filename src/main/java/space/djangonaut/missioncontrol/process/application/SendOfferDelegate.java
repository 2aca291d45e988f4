package space.djangonaut.missioncontrol.process.application;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.mail.Step;

/** Emails the applicant their personal link to accept or decline the place; the timers read its dates. */
@Component
class SendOfferDelegate implements JavaDelegate {

  private final OfferService offers;

  SendOfferDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = (Long) execution.getVariable(ApplicationProcess.APPLICATION_ID);
    OfferService.OfferTimes times = offers.offer(applicationId, Step.of(execution));
    execution.setVariable(ApplicationProcess.OFFER_DEADLINE, Date.from(times.deadline()));
    execution.setVariable(ApplicationProcess.OFFER_REMINDER_AT, Date.from(times.reminderAt()));
  }
}
