package space.djangonaut.missioncontrol.process.volunteer;

import static space.djangonaut.missioncontrol.process.Variable.longVariable;
import static space.djangonaut.missioncontrol.process.Variable.stringVariable;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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

  /** The volunteer this instance runs for; also its business key. */
  public static final Variable<Long> VOLUNTEER_ID = longVariable("volunteerId");
  /** Gateway_Approved: the organiser's decision in Task_ApproveVolunteer, "approve" or "decline". */
  public static final Variable<String> DECISION = stringVariable("volunteerDecision");

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
