package space.djangonaut.missioncontrol.process.volunteer;

/** Names shared by {@code bpmn/volunteer.bpmn}, its delegates and its tests. */
public final class VolunteerProcess {

  public static final String KEY = "volunteer";
  public static final String TASK_APPROVE_VOLUNTEER = "Task_ApproveVolunteer";
  public static final String TASK_CREATE_ACCOUNT = "Task_CreateVolunteerAccount";
  public static final String TASK_SEND_WELCOME = "Task_SendVolunteerWelcome";
  public static final String TASK_SEND_DECLINED = "Task_SendVolunteerDeclined";
  public static final String END_EVENT_APPROVED = "EndEvent_VolunteerApproved";
  public static final String END_EVENT_DECLINED = "EndEvent_VolunteerDeclined";

  public static final String VOLUNTEER_ID = "volunteerId";
  /** The organiser's decision in Task_ApproveVolunteer: "approve" or "decline". */
  public static final String DECISION = "volunteerDecision";

  private VolunteerProcess() {}
}
