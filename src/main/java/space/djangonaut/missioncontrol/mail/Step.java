package space.djangonaut.missioncontrol.mail;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

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

  String key(String recipient, MailTemplate template) {
    return processInstanceId + "/" + activityInstanceId + "/" + recipient + "/" + template.name();
  }
}
