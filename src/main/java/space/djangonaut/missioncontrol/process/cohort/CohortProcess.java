package space.djangonaut.missioncontrol.process.cohort;

/** Names shared by {@code bpmn/cohort.bpmn}, its delegates and its tests. */
public final class CohortProcess {

  public static final String KEY = "cohort";

  // Elements
  public static final String START_EVENT_COHORT_OPENED = "StartEvent_CohortOpened";
  public static final String TASK_CREATE_COHORT = "Task_CreateCohort";
  public static final String GATEWAY_APPLICATION_WINDOW = "Gateway_ApplicationWindow";
  public static final String EVENT_APPLICATIONS_CLOSE = "Event_ApplicationsClose";
  public static final String EVENT_CLOSED_EARLY = "Event_ClosedEarly";
  public static final String TASK_CLOSE_APPLICATIONS = "Task_CloseApplications";
  public static final String TASK_RANK_APPLICATIONS = "Task_RankApplications";
  public static final String EVENT_WAIT_FOR_REVIEWS = "Event_WaitForReviews";
  public static final String TASK_FINALISE_SELECTION = "Task_FinaliseSelection";
  public static final String TASK_SEND_SELECTION_DECISIONS = "Task_SendSelectionDecisions";
  public static final String SUB_PROCESS_ACCEPTANCE_PERIOD = "SubProcess_AcceptancePeriod";
  public static final String EVENT_COHORT_STARTS = "Event_CohortStarts";
  public static final String BOUNDARY_EVENT_PLACE_RELEASED = "BoundaryEvent_PlaceReleased";
  public static final String TASK_OFFER_PLACE_TO_WAITLIST = "Task_OfferPlaceToWaitlist";
  public static final String END_EVENT_PLACE_REOFFERED = "EndEvent_PlaceReoffered";
  public static final String END_EVENT_PLACE_UNFILLED = "EndEvent_PlaceUnfilled";
  public static final String TASK_CLOSE_WAITLIST = "Task_CloseWaitlist";
  public static final String TASK_FORM_TEAMS = "Task_FormTeams";
  public static final String TASK_CONFIRM_TEAMS = "Task_ConfirmTeams";
  public static final String TASK_SEND_TEAM_WELCOME = "Task_SendTeamWelcome";
  public static final String SUB_PROCESS_WEEK = "SubProcess_Week";
  public static final String EVENT_WEEK_STARTS = "Event_WeekStarts";
  public static final String TASK_RECORD_CHECK_IN = "Task_RecordCheckIn";
  public static final String BOUNDARY_EVENT_CHECK_IN_OVERDUE = "BoundaryEvent_CheckInOverdue";
  public static final String BOUNDARY_EVENT_CHECK_IN_ESCALATION = "BoundaryEvent_CheckInWeekOverdue";
  public static final String TASK_SEND_CHECK_IN_REMINDER = "Task_SendCheckInReminder";
  public static final String TASK_ESCALATE_CHECK_IN = "Task_EscalateCheckIn";
  public static final String TASK_HOLD_ONE_TO_ONE = "Task_HoldOneToOne";
  public static final String TASK_OPEN_SURVEY = "Task_OpenSurvey";
  public static final String EVENT_SURVEY_REMINDER_DUE = "Event_SurveyReminderDue";
  public static final String TASK_SEND_SURVEY_REMINDER = "Task_SendSurveyReminder";
  public static final String EVENT_SURVEY_CLOSES = "Event_SurveyCloses";
  public static final String TASK_CLOSE_SURVEY = "Task_CloseSurvey";
  public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
  public static final String END_EVENT_COHORT_COMPLETED = "EndEvent_CohortCompleted";

  // Messages (names)
  public static final String MESSAGE_CLOSE_APPLICATIONS = "CloseApplications";
  /** Sent by an application's process when an offered place is declined or expires. */
  public static final String MESSAGE_PLACE_RELEASED = "PlaceReleased";

  // Variables; the start form's field keys are the same names
  public static final String COHORT_ID = "cohortId";
  public static final String NAME = "name";
  public static final String SLUG = "slug";
  public static final String APPLICATIONS_OPEN_ON = "applicationsOpenOn";
  public static final String APPLICATIONS_CLOSE_ON = "applicationsCloseOn";
  public static final String STARTS_ON = "startsOn";
  public static final String WEEKS = "weeks";
  public static final String CAPACITY = "capacity";
  public static final String APPLICATIONS_CLOSE_AT = "applicationsCloseAt";
  public static final String STARTS_AT = "startsAt";
  public static final String ALL_REVIEWED = "allReviewed";
  public static final String PLACE_REOFFERED = "placeReoffered";
  public static final String WEEK = "week";
  public static final String TEAM_ID = "teamId";
  public static final String DJANGONAUT_ID = "djangonautId";
  /** Field of Task_FinaliseSelection: changes to the proposal, one per line, "#<id> accepted|waitlisted|rejected". */
  public static final String SELECTION_CHANGES = "selectionChanges";

  private CohortProcess() {}
}
