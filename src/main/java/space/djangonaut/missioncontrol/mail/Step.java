package space.djangonaut.missioncontrol.mail;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import space.djangonaut.missioncontrol.common.Tokens;

/**
 * The process step an email belongs to. With the recipient and template it makes the email's idempotency key: a
 * retried job or a second node running the same step writes the same key, and the email is sent once.
 */
public record Step(String processInstanceId, String activityInstanceId) {

  public static Step of(DelegateExecution execution) {
    return new Step(execution.getProcessInstanceId(), execution.getActivityInstanceId());
  }

  public static Step of(DelegateTask task) {
    return new Step(task.getProcessInstanceId(), task.getExecution().getActivityInstanceId());
  }

  /** The recipient appears hashed, so that erasing a person's emails leaves no address in the keys either. */
  String key(String recipient, MailTemplate template) {
    return processInstanceId + "/" + activityInstanceId + "/" + Tokens.hash(recipient.toLowerCase(Locale.ROOT))
        + "/" + template.name();
  }
}
