package space.djangonaut.missioncontrol.process.cohort;

import static space.djangonaut.missioncontrol.process.Variable.booleanVariable;
import static space.djangonaut.missioncontrol.process.Variable.dateVariable;
import static space.djangonaut.missioncontrol.process.Variable.longVariable;
import static space.djangonaut.missioncontrol.process.Variable.stringVariable;

import java.util.Date;
import space.djangonaut.missioncontrol.process.Variable;

/** Names shared by {@code bpmn/cohort.bpmn}, its steps ({@link CohortSteps}) and its tests. */
public final class CohortProcess {

  public static final String KEY = "cohort";

  // Elements
  public static final String START_EVENT_COHORT_OPENED = "StartEvent_CohortOpened";
  public static final String TASK_CREATE_COHORT = "Task_CreateCohort";
  public static final String GATEWAY_APPLICATION_WINDOW = "Gateway_ApplicationWindow";
  public static final String EVENT_APPLICATIONS_CLOSE = "Event_ApplicationsClose";
  public static final String EVENT_CLOSED_EARLY = "Event_ClosedEarly";
  public static final String TASK_CLOSE_APPLICATIONS = "Task_CloseApplications";
  public static final String TASK_CHECK_REVIEWS = "Task_CheckReviews";
  public static final String GATEWAY_WAIT_FOR_REVIEWS = "Gateway_WaitForReviews";
  public static final String EVENT_REVIEW_COMPLETED = "Event_ReviewCompleted";
  public static final String EVENT_SELECTION_REQUESTED = "Event_SelectionRequested";
  public static final String TASK_RANK_APPLICATIONS = "Task_RankApplications";
  public static final String TASK_FINALISE_SELECTION = "Task_FinaliseSelection";
  public static final String GATEWAY_DECISIONS_AND_OFFERS = "Gateway_DecisionsAndOffers";
  /**
   * A multi-instance: one job per hundred places of the ranking tells the decided applications among them; the
   * hundreds run side by side, each ends in an exclusive job of its own.
   */
  public static final String SUB_PROCESS_TELL_DECISION_BATCH = "SubProcess_TellDecisionBatch";
  public static final String START_EVENT_DECISION_BATCH = "StartEvent_DecisionBatch";
  public static final String TASK_SEND_DECISIONS_IN_BATCHES = "Task_SendDecisionsInBatches";
  public static final String END_EVENT_DECISION_BATCH_TOLD = "EndEvent_DecisionBatchTold";
  /** A multi-instance: one job per decided application the batches could not tell (an incident each if it fails). */
  public static final String TASK_SEND_SELECTION_DECISIONS = "Task_SendSelectionDecisions";
  public static final String END_EVENT_DECISIONS_SENT = "EndEvent_DecisionsSent";
  public static final String SUB_PROCESS_ACCEPTANCE_PERIOD = "SubProcess_AcceptancePeriod";
  /** Week 0: the team lead time before the start, the acceptance period ends and the teams are formed. */
  public static final String EVENT_TEAMS_FORMED = "Event_TeamsFormed";
  public static final String BOUNDARY_EVENT_PLACE_RELEASED = "BoundaryEvent_PlaceReleased";
  public static final String TASK_OFFER_PLACE_TO_WAITLIST = "Task_OfferPlaceToWaitlist";
  public static final String END_EVENT_PLACE_REOFFERED = "EndEvent_PlaceReoffered";
  public static final String END_EVENT_PLACE_UNFILLED = "EndEvent_PlaceUnfilled";
  public static final String TASK_CLOSE_WAITLIST = "Task_CloseWaitlist";
  public static final String TASK_FORM_TEAMS = "Task_FormTeams";
  public static final String TASK_CONFIRM_TEAMS = "Task_ConfirmTeams";
  public static final String TASK_SEND_TEAM_WELCOME = "Task_SendTeamWelcome";
  public static final String GATEWAY_WEEKS_BEGIN = "Gateway_WeeksBegin";
  /** One {@code team.bpmn} per team ({@code TeamProcess}), all side by side. */
  public static final String CALL_ACTIVITY_RUN_TEAMS = "CallActivity_RunTeams";
  public static final String EVENT_LAST_WEEK_ENDS = "Event_LastWeekEnds";
  public static final String TASK_OPEN_SURVEY = "Task_OpenSurvey";
  public static final String EVENT_SURVEY_REMINDER_DUE = "Event_SurveyReminderDue";
  public static final String TASK_SEND_SURVEY_REMINDER = "Task_SendSurveyReminder";
  public static final String EVENT_SURVEY_CLOSES = "Event_SurveyCloses";
  public static final String TASK_CLOSE_SURVEY = "Task_CloseSurvey";
  public static final String GATEWAY_REPORT_DUE = "Gateway_ReportDue";
  public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
  public static final String TASK_SHOW_REPORT_PUBLICLY = "Task_ShowReportPublicly";
  public static final String END_EVENT_COHORT_COMPLETED = "EndEvent_CohortCompleted";

  // Messages (names)
  public static final String MESSAGE_CLOSE_APPLICATIONS = "CloseApplications";
  /** Sent by an application's process when an offered place is declined or expires. */
  public static final String MESSAGE_PLACE_RELEASED = "PlaceReleased";
  /** Sent by an application's process when its reviews (tie-break included) are in. */
  public static final String MESSAGE_REVIEW_COMPLETED = "ReviewCompleted";
  /** An organiser asks for the selection before every review is in (the cohort page's "Rank now"). */
  public static final String MESSAGE_SELECTION_REQUESTED = "SelectionRequested";

  // Variables
  /** The cohort this instance runs; its business key is the cohort's slug. */
  public static final Variable<Long> COHORT_ID = longVariable("cohortId");
  /**
   * The instants the timers wait for (UTC): the end of the application window (Anywhere on Earth), and when the teams
   * are formed (week 0: the team lead time before the start; offers are due by then).
   */
  public static final Variable<Date> APPLICATIONS_CLOSE_AT = dateVariable("applicationsCloseAt");
  public static final Variable<Date> TEAMS_FORM_AT = dateVariable("teamsFormAt");
  /** The start form's number of weeks: each team's process runs them; the survey waits for the last one's end. */
  public static final Variable<Long> WEEKS = longVariable("weeks");
  /** Gateway after Task_CheckReviews: every application has its reviews (tie-breaks included). */
  public static final Variable<Boolean> ALL_REVIEWED = booleanVariable("allReviewed");
  /** The element variable of Task_SendDecisionsInBatches: the hundred of the ranking an instance tells (0 = 1-100). */
  public static final Variable<Long> DECISION_BATCH = longVariable("decisionBatch");
  /** The element variable of Task_SendSelectionDecisions: the application an instance tells its outcome. */
  public static final Variable<Long> APPLICATION_ID = longVariable("applicationId");
  /** Gateway after Task_OfferPlaceToWaitlist: the freed place went to someone on the waitlist. */
  public static final Variable<Boolean> PLACE_REOFFERED = booleanVariable("placeReoffered");
  /** The element variable of CallActivity_RunTeams: the team whose process an instance runs. */
  public static final Variable<Long> TEAM_ID = longVariable("teamId");

  // Camunda Forms of the user tasks (formRef); their field keys are the components of the records the steps bind
  public static final String FORM_OPEN_COHORT = "open-cohort";
  public static final String FORM_FINALISE_SELECTION = "finalise-selection";
  public static final String FORM_CONFIRM_TEAMS = "confirm-teams";
  public static final String FORM_PUBLISH_REPORT = "publish-report";
  /** Field of Task_FinaliseSelection: changes to the proposal, one per line, "#<id> accepted|waitlisted|rejected". */
  public static final String FIELD_SELECTION_CHANGES = "selectionChanges";
  /** Field of Task_ConfirmTeams: the organiser's adjustments, one per line, "move #<id> to <team>". */
  public static final String FIELD_TEAM_ADJUSTMENTS = "teamAdjustments";
  /** Field of Task_ConfirmTeams: the organiser's explicit choice to confirm teams that break a rule. */
  public static final String FIELD_CONFIRM_ANYWAY = "confirmAnyway";
  /**
   * The rules unmet that the organiser accepted when Task_ConfirmTeams completed with "Confirm anyway", one per line;
   * null when every rule held. Set by the task's complete listener, handed to the process by the task's output
   * parameter: a record for people (Cockpit and the engine's history show it, with who completed the task).
   */
  public static final Variable<String> TEAM_RULES_CONFIRMED_ANYWAY = stringVariable("teamRulesConfirmedAnyway");

  private CohortProcess() {}
}
