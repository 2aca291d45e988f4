package space.djangonaut.missioncontrol.process.volunteer;

import static space.djangonaut.missioncontrol.process.Variable.dateVariable;
import static space.djangonaut.missioncontrol.process.Variable.longVariable;
import static space.djangonaut.missioncontrol.process.Variable.stringVariable;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import space.djangonaut.missioncontrol.process.Variable;

/** Names shared by {@code bpmn/volunteer.bpmn}, its steps ({@link VolunteerSteps}) and its tests. */
public final class VolunteerProcess {

  public static final String KEY = "volunteer";
  public static final String TASK_APPROVE_VOLUNTEER = "Task_ApproveVolunteer";
  public static final String TASK_CREATE_ACCOUNT = "Task_CreateVolunteerAccount";
  public static final String TASK_SEND_WELCOME = "Task_SendVolunteerWelcome";
  public static final String TASK_SEND_DECLINED = "Task_SendVolunteerDeclined";
  public static final String END_EVENT_APPROVED = "EndEvent_VolunteerApproved";
  public static final String END_EVENT_DECLINED = "EndEvent_VolunteerDeclined";
  public static final String GATEWAY_SIGN_IN_OR_REMINDER = "Gateway_SignInOrReminder";
  public static final String EVENT_PASSWORD_CHOSEN = "Event_PasswordChosen";
  public static final String EVENT_SIGN_IN_REMINDER_DUE = "Event_SignInReminderDue";
  public static final String TASK_REMIND_TO_SIGN_IN = "Task_RemindToSignIn";
  public static final String END_EVENT_REMINDED = "EndEvent_VolunteerRemindedToSignIn";

  /** Sent when an approved volunteer chooses their password: they can sign in, no reminder is due. */
  public static final String MESSAGE_PASSWORD_CHOSEN = "VolunteerPasswordChosen";

  /** The volunteer this instance runs for; also its business key. */
  public static final Variable<Long> VOLUNTEER_ID = longVariable("volunteerId");
  /** Gateway_Approved: the organiser's decision in Task_ApproveVolunteer, "approve" or "decline". */
  public static final Variable<String> DECISION = stringVariable("volunteerDecision");
  /**
   * Event_SignInReminderDue: when a volunteer who has not chosen their password is reminded (UTC), written by the
   * welcome step from {@code missioncontrol.volunteer.sign-in-reminder-after}.
   */
  public static final Variable<Date> SIGN_IN_REMINDER_AT = dateVariable("signInReminderAt");

  /** The Camunda Form of Task_ApproveVolunteer; its decision field is {@code VolunteerDecision}'s component. */
  public static final String FORM_APPROVE_VOLUNTEER = "approve-volunteer";

  /**
   * The volunteer this instance runs for, from its business key (see {@link Variable#fromBusinessKey}).
   *
   * @throws IllegalStateException if {@link #VOLUNTEER_ID} no longer agrees with the business key
   */
  public static long volunteerId(DelegateExecution execution) {
    return VOLUNTEER_ID.fromBusinessKey(execution);
  }

  /** The volunteer of the task's process instance, from its business key. */
  public static long volunteerId(DelegateTask task) {
    return volunteerId(task.getExecution());
  }

  private VolunteerProcess() {}
}
