package space.djangonaut.missioncontrol.application;

/** Names shared by {@code bpmn/application.bpmn}, its delegates and its tests. */
public final class ApplicationProcess {

  public static final String KEY = "application";

  // Elements
  public static final String START_EVENT_APPLICATION_SUBMITTED = "StartEvent_ApplicationSubmitted";
  public static final String TASK_SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
  public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";
  public static final String TASK_AGGREGATE_SCORES = "Task_AggregateScores";
  public static final String TASK_RESOLVE_DISAGREEMENT = "Task_ResolveDisagreement";
  public static final String EVENT_SELECTION_DECIDED = "Event_SelectionDecided";
  public static final String TASK_SEND_ACCEPTANCE = "Task_SendAcceptanceEmail";
  public static final String TASK_SEND_WAITLIST = "Task_SendWaitlistEmail";
  public static final String TASK_SEND_REJECTION = "Task_SendRejectionEmail";
  public static final String END_EVENT_ACCEPTED = "EndEvent_ApplicantAccepted";
  public static final String END_EVENT_WAITLISTED = "EndEvent_ApplicantWaitlisted";
  public static final String END_EVENT_REJECTED = "EndEvent_ApplicantRejected";

  /** The name of message {@code Message_SelectionDecided}. */
  public static final String MESSAGE_SELECTION_DECIDED = "SelectionDecided";

  // Variables
  public static final String APPLICATION_ID = "applicationId";
  public static final String REVIEWERS_DISAGREE = "reviewersDisagree";
  public static final String OUTCOME = "outcome";
  /** Input of the email tasks: which {@code MailTemplate} to send. */
  public static final String TEMPLATE = "template";

  // Review form fields (forms/review-application.form)
  public static final String SCORE_MOTIVATION = "scoreMotivation";
  public static final String SCORE_EXPERIENCE = "scoreExperience";
  public static final String SCORE_AVAILABILITY = "scoreAvailability";
  public static final String SCORE_COMMUNITY = "scoreCommunity";
  public static final String RECOMMENDATION = "recommendation";
  public static final String REVIEW_COMMENT = "reviewComment";

  private ApplicationProcess() {}
}
