package space.djangonaut.missioncontrol.process.application;

import static space.djangonaut.missioncontrol.process.Variable.booleanVariable;
import static space.djangonaut.missioncontrol.process.Variable.dateVariable;
import static space.djangonaut.missioncontrol.process.Variable.longVariable;
import static space.djangonaut.missioncontrol.process.Variable.stringVariable;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import space.djangonaut.missioncontrol.process.Variable;

/** Names shared by {@code bpmn/application.bpmn}, its steps ({@link ApplicationSteps}) and its tests. */
public final class ApplicationProcess {

  public static final String KEY = "application";

  // Elements
  public static final String START_EVENT_APPLICATION_SUBMITTED = "StartEvent_ApplicationSubmitted";
  public static final String TASK_SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
  public static final String TASK_REVIEW_APPLICATION = "Task_ReviewApplication";
  public static final String TASK_AGGREGATE_SCORES = "Task_AggregateScores";
  public static final String TASK_RESOLVE_DISAGREEMENT = "Task_ResolveDisagreement";
  /** Throws the cohort's {@code ReviewCompleted} (named in {@code CohortProcess}, whose diagram catches it). */
  public static final String EVENT_REVIEWS_COMPLETE = "Event_ReviewsComplete";
  public static final String EVENT_SELECTION_DECIDED = "Event_SelectionDecided";
  public static final String TASK_SEND_OFFER = "Task_SendOffer";
  public static final String TASK_AWAIT_ANSWER = "Task_AwaitAnswer";
  public static final String BOUNDARY_EVENT_OFFER_REMINDER = "BoundaryEvent_OfferReminderDue";
  public static final String BOUNDARY_EVENT_OFFER_EXPIRED = "BoundaryEvent_OfferExpired";
  public static final String TASK_SEND_OFFER_REMINDER = "Task_SendOfferReminder";
  public static final String TASK_CONFIRM_PLACE = "Task_ConfirmPlace";
  public static final String GATEWAY_TEAMS_FORMED = "Gateway_TeamsFormed";
  /** An organiser places a Djangonaut who accepted after the teams were formed. */
  public static final String TASK_PLACE_IN_TEAM = "Task_PlaceInTeam";
  public static final String TASK_WELCOME_TO_TEAM = "Task_WelcomeToTeam";
  public static final String END_EVENT_PLACED = "EndEvent_DjangonautPlaced";
  public static final String TASK_SEND_PLACE_CONFIRMED = "Task_SendPlaceConfirmedEmail";
  public static final String TASK_RECORD_DECLINE = "Task_RecordDecline";
  public static final String TASK_EXPIRE_OFFER = "Task_ExpireOffer";
  public static final String TASK_SEND_WAITLIST = "Task_SendWaitlistEmail";
  public static final String GATEWAY_WAITLIST_OUTCOME = "Gateway_WaitlistOutcome";
  public static final String EVENT_PLACE_OFFERED = "Event_PlaceOffered";
  public static final String EVENT_WAITLIST_CLOSED = "Event_WaitlistClosed";
  public static final String TASK_SEND_WAITLIST_CLOSED = "Task_SendWaitlistClosedEmail";
  public static final String TASK_SEND_REJECTION = "Task_SendRejectionEmail";
  public static final String END_EVENT_CONFIRMED = "EndEvent_DjangonautConfirmed";
  public static final String END_EVENT_DECLINED = "EndEvent_OfferDeclined";
  public static final String END_EVENT_EXPIRED = "EndEvent_OfferExpired";
  public static final String END_EVENT_REMINDER_SENT = "EndEvent_ReminderSent";
  public static final String END_EVENT_WAITLIST_CLOSED = "EndEvent_WaitlistClosed";
  public static final String END_EVENT_REJECTED = "EndEvent_ApplicantRejected";

  /** The name of message {@code Message_SelectionDecided}. */
  public static final String MESSAGE_SELECTION_DECIDED = "SelectionDecided";
  /** The name of message {@code Message_OfferAnswered}, sent from the personal accept/decline link. */
  public static final String MESSAGE_OFFER_ANSWERED = "OfferAnswered";
  /** The name of message {@code Message_PlaceOffered}: a waitlisted applicant is offered a freed place. */
  public static final String MESSAGE_PLACE_OFFERED = "PlaceOffered";
  /** The name of message {@code Message_WaitlistClosed}: the teams were formed with this applicant still waiting. */
  public static final String MESSAGE_WAITLIST_CLOSED = "WaitlistClosed";

  // Variables
  /** The application this instance runs for; also its business key. */
  public static final Variable<Long> APPLICATION_ID = longVariable("applicationId");
  /** Gateway_ReviewersDisagree: the two reviews call for a third. */
  public static final Variable<Boolean> REVIEWERS_DISAGREE = booleanVariable("reviewersDisagree");
  /** Gateway_Outcome: "accepted", "waitlisted" or "rejected" ({@code Outcome.variableValue()}). */
  public static final Variable<String> OUTCOME = stringVariable("outcome");
  /** Gateway_OfferAccepted: the answer given through the personal link. */
  public static final Variable<Boolean> OFFER_ACCEPTED = booleanVariable("offerAccepted");
  /** Dates the offer's timers read (UTC instants). */
  public static final Variable<Date> OFFER_DEADLINE = dateVariable("offerDeadline");
  public static final Variable<Date> OFFER_REMINDER_AT = dateVariable("offerReminderAt");
  /** Input parameter of the email tasks: which {@code MailTemplate} to send. */
  public static final Variable<String> TEMPLATE = stringVariable("template");

  /** The Camunda Form of Task_ReviewApplication and Task_ResolveDisagreement. */
  public static final String FORM_REVIEW_APPLICATION = "review-application";
  /** The Camunda Form of Task_PlaceInTeam. */
  public static final String FORM_PLACE_IN_TEAM = "place-in-team";
  /** Field of Task_PlaceInTeam: the name of the team the organiser chose. */
  public static final String FIELD_TEAM_NAME = "teamName";

  /**
   * The application this instance runs for, from its business key (see {@link Variable#fromBusinessKey}).
   *
   * @throws IllegalStateException if {@link #APPLICATION_ID} no longer agrees with the business key
   */
  public static long applicationId(DelegateExecution execution) {
    return APPLICATION_ID.fromBusinessKey(execution);
  }

  /** The application of the task's process instance, from its business key. */
  public static long applicationId(DelegateTask task) {
    return applicationId(task.getExecution());
  }

  private ApplicationProcess() {}
}
