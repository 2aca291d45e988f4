package space.djangonaut.missioncontrol.process.team;

import static space.djangonaut.missioncontrol.process.Variable.longVariable;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import space.djangonaut.missioncontrol.process.Variable;

/**
 * Names shared by {@code bpmn/team.bpmn}, its steps ({@link TeamSteps}) and its tests. The cohort's process starts
 * one instance per team (business key = team id) when the teams are welcomed.
 */
public final class TeamProcess {

  public static final String KEY = "team";

  // Elements
  public static final String START_EVENT_TEAM_WELCOMED = "StartEvent_TeamWelcomed";
  public static final String SUB_PROCESS_WEEK = "SubProcess_Week";
  public static final String EVENT_WEEK_STARTS = "Event_WeekStarts";
  public static final String TASK_RECORD_CHECK_IN = "Task_RecordCheckIn";
  public static final String BOUNDARY_EVENT_CHECK_IN_OVERDUE = "BoundaryEvent_CheckInOverdue";
  public static final String TASK_REMIND_NAVIGATOR = "Task_RemindNavigator";
  public static final String END_EVENT_NAVIGATOR_REMINDED = "EndEvent_NavigatorReminded";
  public static final String BOUNDARY_EVENT_CHECK_IN_NOT_RECORDED = "BoundaryEvent_CheckInNotRecorded";
  public static final String TASK_CLOSE_CHECK_IN = "Task_CloseCheckIn";
  public static final String TASK_HOLD_ONE_TO_ONE = "Task_HoldOneToOne";
  public static final String BOUNDARY_EVENT_ONE_TO_ONES_OVERDUE = "BoundaryEvent_OneToOnesOverdue";
  public static final String TASK_REMIND_CAPTAINS = "Task_RemindCaptains";
  public static final String END_EVENT_CAPTAINS_REMINDED = "EndEvent_CaptainsReminded";
  public static final String BOUNDARY_EVENT_ONE_TO_ONES_NOT_RECORDED = "BoundaryEvent_OneToOnesNotRecorded";
  public static final String TASK_CLOSE_ONE_TO_ONES = "Task_CloseOneToOnes";
  public static final String END_EVENT_WEEK_DONE = "EndEvent_WeekDone";
  public static final String END_EVENT_TEAM_DONE = "EndEvent_TeamDone";
  // A Navigator or Captain steps down (an event subprocess beside the weeks, which go on meanwhile)
  public static final String SUB_PROCESS_VOLUNTEER_STEPPED_DOWN = "EventSubProcess_VolunteerSteppedDown";
  public static final String START_EVENT_VOLUNTEER_STEPPED_DOWN = "StartEvent_VolunteerSteppedDown";
  public static final String TASK_REPLACE_VOLUNTEER = "Task_ReplaceVolunteer";
  public static final String BOUNDARY_EVENT_TEAM_WEEKS_OVER = "BoundaryEvent_TeamWeeksOver";
  public static final String END_EVENT_REPLACEMENT_NOT_NEEDED = "EndEvent_ReplacementNotNeeded";
  public static final String TASK_ANNOUNCE_REPLACEMENT = "Task_AnnounceReplacement";
  public static final String END_EVENT_VOLUNTEER_REPLACED = "EndEvent_VolunteerReplaced";

  // Messages
  /** A Navigator or Captain of the team stepped down; carries {@link #STEP_DOWN_ID} to the event subprocess. */
  public static final String MESSAGE_VOLUNTEER_STEPPED_DOWN = "VolunteerSteppedDown";
  public static final String SUB_PROCESS_DJANGONAUT_WITHDREW = "EventSubProcess_DjangonautWithdrew";
  public static final String START_EVENT_DJANGONAUT_WITHDREW = "StartEvent_DjangonautWithdrew";
  public static final String TASK_STOP_ONE_TO_ONES_ABOUT_DJANGONAUT = "Task_StopOneToOnesAboutDjangonaut";
  public static final String TASK_TELL_TEAM_OF_WITHDRAWAL = "Task_TellTeamOfWithdrawal";
  public static final String END_EVENT_WITHDRAWAL_HANDLED = "EndEvent_WithdrawalHandled";

  // The mid-point check, beside the weeks
  public static final String GATEWAY_TEAM_BEGINS = "Gateway_TeamBegins";
  public static final String EVENT_HALFWAY = "Event_Halfway";
  public static final String TASK_SEND_MIDPOINT_CHECK = "Task_SendMidpointCheck";
  public static final String EVENT_MIDPOINT_CHECK_CLOSES = "Event_MidpointCheckCloses";
  public static final String TASK_CLOSE_MIDPOINT_CHECK = "Task_CloseMidpointCheck";
  public static final String GATEWAY_TEAM_ENDS = "Gateway_TeamEnds";
  // A mid-point answer raises a concern (an event subprocess beside the weeks)
  public static final String SUB_PROCESS_CONCERN_RAISED = "EventSubProcess_ConcernRaised";
  public static final String START_EVENT_CONCERN_RAISED = "StartEvent_ConcernRaised";
  public static final String TASK_FOLLOW_UP_CONCERN = "Task_FollowUpConcern";
  public static final String BOUNDARY_EVENT_CONCERN_WEEKS_OVER = "BoundaryEvent_ConcernWeeksOver";
  public static final String END_EVENT_CONCERN_FOLLOWED_UP = "EndEvent_ConcernFollowedUp";
  public static final String END_EVENT_CONCERN_LEFT_OPEN = "EndEvent_ConcernLeftOpen";

  // Messages
  /**
   * A mid-point answer signalled trouble: starts EventSubProcess_ConcernRaised alongside the weeks, with
   * {@link #MIDPOINT_CHECK_ID}.
   */
  public static final String MESSAGE_CONCERN_RAISED = "ConcernRaised";
  /**
   * A Djangonaut of the team withdrew (or was withdrawn, or erased): starts EventSubProcess_DjangonautWithdrew
   * alongside the weeks, with {@link #WITHDRAWN_DJANGONAUT_ID}.
   */
  public static final String MESSAGE_DJANGONAUT_WITHDREW = "DjangonautWithdrew";

  // Variables
  /** The team this instance runs for; also its business key. */
  public static final Variable<Long> TEAM_ID = longVariable("teamId");
  /** The team's cohort, whose calendar the timers read. */
  public static final Variable<Long> COHORT_ID = longVariable("cohortId");
  /** The cohort's number of weeks, the loop cardinality of SubProcess_Week. */
  public static final Variable<Long> WEEKS = longVariable("weeks");
  /** The week (1-based) of an instance of SubProcess_Week. */
  public static final Variable<Long> WEEK = longVariable("week");
  /** The element variable of the one-to-one multi-instance: a Djangonaut's application id. */
  public static final Variable<Long> DJANGONAUT_ID = longVariable("djangonautId");
  /**
   * The step-down an instance of EventSubProcess_VolunteerSteppedDown replaces (its own scope: two volunteers may
   * step down at the same time).
   */
  public static final Variable<Long> STEP_DOWN_ID = longVariable("stepDownId");

  /**
   * The application id of the Djangonaut who withdrew, carried by {@link #MESSAGE_DJANGONAUT_WITHDREW}; the first step
   * of the event subprocess keeps it on the subprocess's own scope, so that a second withdrawal does not change it.
   */
  public static final Variable<Long> WITHDRAWN_DJANGONAUT_ID = longVariable("withdrawnDjangonautId");

  /** The mid-point answer an instance of EventSubProcess_ConcernRaised follows up (on its own scope). */
  public static final Variable<Long> MIDPOINT_CHECK_ID = longVariable("midpointCheckId");

  // Camunda Forms of the user tasks (formRef)
  public static final String FORM_RECORD_CHECK_IN = "record-check-in";
  public static final String FORM_HOLD_ONE_TO_ONE = "hold-one-to-one";
  public static final String FORM_REPLACE_VOLUNTEER = "replace-volunteer";
  public static final String FORM_FOLLOW_UP_CONCERN = "follow-up-concern";
  /** The field of {@link #FORM_FOLLOW_UP_CONCERN} with what the organiser did. */
  public static final String FIELD_FOLLOW_UP = "followUp";
  /** The field of {@link #FORM_REPLACE_VOLUNTEER} with the chosen volunteer's id. */
  public static final String FIELD_REPLACEMENT_VOLUNTEER_ID = "replacementVolunteerId";

  // Form fields the steps write
  /** Whether the one-to-one was held: false for those closed because their Djangonaut withdrew. */
  public static final String FIELD_ONE_TO_ONE_HELD = "oneToOneHeld";

  /**
   * The team this instance runs for, from its business key (see {@link Variable#fromBusinessKey}): a Navigator or
   * Captain cannot point a step at another team.
   *
   * @throws IllegalStateException if {@link #TEAM_ID} no longer agrees with the business key
   */
  public static long teamId(DelegateExecution execution) {
    return TEAM_ID.fromBusinessKey(execution);
  }

  /** The team of the task's instance, from its business key. */
  public static long teamId(DelegateTask task) {
    return teamId(task.getExecution());
  }

  private TeamProcess() {}
}
