package space.djangonaut.missioncontrol.process.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationEmails;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;

/**
 * Sends the applicant the email named by the task's input {@code template}. A failure to send is thrown, so the
 * engine retries the job (the email tasks are async) and ends in an incident when retries run out.
 */
@Component
class SendApplicationEmailDelegate implements JavaDelegate {

  private final ApplicationEmails emails;

  SendApplicationEmailDelegate(ApplicationEmails emails) {
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = (Long) execution.getVariable(ApplicationProcess.APPLICATION_ID);
    MailTemplate template = MailTemplate.valueOf((String) execution.getVariable(ApplicationProcess.TEMPLATE));
    emails.send(applicationId, template, Step.of(execution));
  }
}
