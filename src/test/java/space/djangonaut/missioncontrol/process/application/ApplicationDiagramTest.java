package space.djangonaut.missioncontrol.process.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.process.DiagramEngine;
import space.djangonaut.missioncontrol.process.StepStubs.Run;

/**
 * Every path of {@code bpmn/application.bpmn} alone, on the in-memory diagram engine with its steps stubbed: the
 * reviews and the tie-break, the three outcomes of the selection, the offer with its reminder and deadline, and the
 * waitlist.
 */
class ApplicationDiagramTest {

  @RegisterExtension
  static final DiagramEngine engine = DiagramEngine.of(KEY, ApplicationSteps.class).coverageFloor(1.0, 1.0);

  // The beans of ApplicationSteps
  private static final String SEND_EMAIL = "sendApplicationEmailDelegate";
  private static final String PREPARE_REVIEW = "prepareReviewTaskListener";
  private static final String GUARD_REVIEWER = "guardReviewerListener";
  private static final String SHOW_REVIEW_TO_ASSIGNEE = "showReviewToAssigneeListener";
  private static final String RECORD_REVIEW = "recordReviewListener";
  private static final String AGGREGATE_SCORES = "aggregateScoresDelegate";
  private static final String TELL_COHORT_REVIEWED = "tellCohortReviewedDelegate";
  private static final String SEND_OFFER = "sendOfferDelegate";
  private static final String SEND_OFFER_REMINDER = "sendOfferReminderDelegate";
  private static final String CONFIRM_PLACE = "confirmPlaceDelegate";
  private static final String RECORD_DECLINE = "recordDeclineDelegate";
  private static final String EXPIRE_OFFER = "expireOfferDelegate";

  private static final long APPLICATION = 42L;
  /** How long the stubbed offer stays open, and how long before its deadline the reminder goes out. */
  private static final Duration ACCEPTANCE = Duration.ofDays(7);
  private static final Duration REMINDER_BEFORE_DEADLINE = Duration.ofDays(2);

  /** What the stubbed aggregation answers, in turn; once they are used up, that the reviewers agree. */
  private final Deque<Boolean> disagreements = new ArrayDeque<>();
  private Instant offerDeadline;
  private Instant offerReminderAt;

  @BeforeEach
  void stubSteps() {
    Mocks.register(TeamsStub.BEAN, new TeamsStub(false));
    engine.steps()
        .whenRun(AGGREGATE_SCORES, execution -> REVIEWERS_DISAGREE.on(execution,
            !disagreements.isEmpty() && disagreements.remove()))
        .whenRun(SEND_OFFER, execution -> {
          offerDeadline = engine.now().plus(ACCEPTANCE);
          offerReminderAt = offerDeadline.minus(REMINDER_BEFORE_DEADLINE);
          OFFER_DEADLINE.on(execution, Date.from(offerDeadline));
          OFFER_REMINDER_AT.on(execution, Date.from(offerReminderAt));
        });
  }

  // Reviews

  @Test
  void shouldAcknowledgeTheApplicationBeforeAskingForTwoReviews() {
    ProcessInstance pi = submit();

    assertThat(pi).isWaitingAtExactly(TASK_SEND_ACKNOWLEDGEMENT);
    execute(job());

    assertThat(pi).isWaitingAt(TASK_REVIEW_APPLICATION);
    Assertions.assertThat(reviewTasks(pi)).hasSize(2).allSatisfy(task -> {
      assertThat(task).hasCandidateGroup(Roles.REVIEWERS).isNotAssigned();
      Assertions.assertThat(engine.deployedFormId(task)).isEqualTo(FORM_REVIEW_APPLICATION);
    });
    Assertions.assertThat(templatesSent()).containsExactly(MailTemplate.APPLICATION_RECEIVED.name());
    Assertions.assertThat(engine.steps().runsOf(PREPARE_REVIEW))
        .extracting(Run::elementId, Run::event, run -> run.variable(APPLICATION_ID))
        .containsExactly(tuple(TASK_REVIEW_APPLICATION, "create", APPLICATION),
            tuple(TASK_REVIEW_APPLICATION, "create", APPLICATION));
  }

  @Test
  void shouldCheckTheReviewerIsIndependentWhenAReviewIsClaimed() {
    ProcessInstance pi = acknowledged();

    List<Task> reviews = reviewTasks(pi);
    claim(reviews.get(0), "reviewer-ada");
    claim(reviews.get(1), "reviewer-grace");

    Assertions.assertThat(engine.steps().runsOf(GUARD_REVIEWER))
        .extracting(Run::elementId, Run::event, Run::assignee)
        .containsExactly(tuple(TASK_REVIEW_APPLICATION, "assignment", "reviewer-ada"),
            tuple(TASK_REVIEW_APPLICATION, "assignment", "reviewer-grace"));
  }

  @Test
  void shouldDrawTheReviewAgainForWhoeverClaimsItAfterTheGuardLetThemHaveIt() {
    ProcessInstance pi = acknowledged();
    Task review = reviewTasks(pi).get(0);

    claim(review, "reviewer-ada");
    taskService().setAssignee(review.getId(), "reviewer-grace");

    Assertions.assertThat(engine.steps().runs()).filteredOn(run -> run.event().equals("assignment"))
        .extracting(Run::bean, Run::assignee)
        .containsExactly(tuple(GUARD_REVIEWER, "reviewer-ada"), tuple(SHOW_REVIEW_TO_ASSIGNEE, "reviewer-ada"),
            tuple(GUARD_REVIEWER, "reviewer-grace"), tuple(SHOW_REVIEW_TO_ASSIGNEE, "reviewer-grace"));
  }

  @Test
  void shouldWaitForTheSelectionWhenTheReviewersAgree() {
    ProcessInstance pi = acknowledged();

    reviewAll(pi);

    assertThat(pi).isWaitingAtExactly(EVENT_SELECTION_DECIDED).isWaitingFor(MESSAGE_SELECTION_DECIDED)
        .hasPassed(TASK_AGGREGATE_SCORES).hasNotPassed(TASK_RESOLVE_DISAGREEMENT);
    Assertions.assertThat(engine.steps().runsOf(RECORD_REVIEW)).extracting(Run::elementId, Run::event)
        .containsExactly(tuple(TASK_REVIEW_APPLICATION, "complete"), tuple(TASK_REVIEW_APPLICATION, "complete"));
    Assertions.assertThat(engine.steps().runsOf(AGGREGATE_SCORES)).hasSize(1);
    assertThat(pi).hasPassedInOrder(TASK_AGGREGATE_SCORES, EVENT_REVIEWS_COMPLETE);
    Assertions.assertThat(engine.steps().runsOf(TELL_COHORT_REVIEWED)).extracting(run -> run.variable(APPLICATION_ID))
        .containsExactly(APPLICATION);
  }

  @Test
  void shouldAskForAThirdReviewWhenReviewersDisagree() {
    disagreements.add(true);
    ProcessInstance pi = acknowledged();

    reviewAll(pi);

    assertThat(pi).isWaitingAtExactly(TASK_RESOLVE_DISAGREEMENT);
    Task tieBreak = task(TASK_RESOLVE_DISAGREEMENT);
    assertThat(tieBreak).hasCandidateGroup(Roles.ORGANISERS);
    Assertions.assertThat(engine.deployedFormId(tieBreak)).isEqualTo(FORM_REVIEW_APPLICATION);

    claim(tieBreak, "organiser-jeff");
    complete(tieBreak);

    assertThat(pi).isWaitingAtExactly(EVENT_SELECTION_DECIDED)
        .hasPassedInOrder(TASK_REVIEW_APPLICATION, TASK_AGGREGATE_SCORES, TASK_RESOLVE_DISAGREEMENT,
            TASK_AGGREGATE_SCORES);
    Assertions.assertThat(engine.steps().runs()).filteredOn(run -> run.elementId().equals(TASK_RESOLVE_DISAGREEMENT))
        .extracting(Run::bean, Run::event)
        .containsExactly(tuple(PREPARE_REVIEW, "create"), tuple(GUARD_REVIEWER, "assignment"),
            tuple(SHOW_REVIEW_TO_ASSIGNEE, "assignment"), tuple(RECORD_REVIEW, "complete"));
    Assertions.assertThat(engine.steps().runsOf(AGGREGATE_SCORES)).hasSize(2);
    Assertions.assertThat(engine.steps().runsOf(TELL_COHORT_REVIEWED)).as("once, after the third review").hasSize(1);
  }

  // Selection

  @Test
  void shouldOfferAPlaceWithADeadlineAndAReminderWhenSelected() {
    ProcessInstance pi = awaitingSelection();

    decide(pi, Outcome.ACCEPTED);
    assertThat(pi).isWaitingAtExactly(TASK_SEND_OFFER);
    execute(job());

    assertThat(pi).isWaitingAtExactly(TASK_AWAIT_ANSWER).isWaitingFor(MESSAGE_OFFER_ANSWERED);
    assertThat(engine.timerAt(pi, BOUNDARY_EVENT_OFFER_REMINDER)).hasDueDate(Date.from(offerReminderAt));
    assertThat(engine.timerAt(pi, BOUNDARY_EVENT_OFFER_EXPIRED)).hasDueDate(Date.from(offerDeadline));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
  }

  @Test
  void shouldTellARejectedApplicantAndEndInTheTransactionOfTheDecision() {
    ProcessInstance pi = awaitingSelection();

    // The email is written to the outbox, which delivers it and retries: no job of its own.
    decide(pi, Outcome.REJECTED);

    assertThat(pi).isEnded().hasPassedInOrder(EVENT_SELECTION_DECIDED, TASK_SEND_REJECTION, END_EVENT_REJECTED)
        .hasNotPassed(TASK_SEND_OFFER, TASK_SEND_WAITLIST);
    Assertions.assertThat(templatesSent())
        .containsExactly(MailTemplate.APPLICATION_RECEIVED.name(), MailTemplate.APPLICATION_REJECTED.name());
  }

  @Test
  void shouldRefuseASelectionDecisionWithAnOutcomeTheDiagramDoesNotKnow() {
    ProcessInstance pi = awaitingSelection();

    assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_SELECTION_DECIDED)
        .processInstanceId(pi.getId()).setVariable(OUTCOME.name(), "maybe").correlate())
        .isInstanceOf(ProcessEngineException.class);

    assertThat(pi).isWaitingAtExactly(EVENT_SELECTION_DECIDED);
  }

  // Offer

  @Test
  void shouldConfirmTheDjangonautWhenTheyAcceptTheOffer() {
    ProcessInstance pi = offered();

    answer(pi, true);
    assertThat(pi).isWaitingAtExactly(TASK_SEND_PLACE_CONFIRMED);
    execute(job());

    assertThat(pi).isEnded()
        .hasPassedInOrder(TASK_AWAIT_ANSWER, TASK_CONFIRM_PLACE, GATEWAY_TEAMS_FORMED, TASK_SEND_PLACE_CONFIRMED,
            END_EVENT_CONFIRMED)
        .hasNotPassed(TASK_RECORD_DECLINE, TASK_SEND_OFFER_REMINDER, TASK_EXPIRE_OFFER);
    Assertions.assertThat(engine.steps().runsOf(CONFIRM_PLACE)).extracting(run -> run.variable(APPLICATION_ID))
        .containsExactly(APPLICATION);
    Assertions.assertThat(templatesSent()).endsWith(MailTemplate.PLACE_CONFIRMED.name());
  }

  @Test
  void shouldAskAnOrganiserToPlaceADjangonautWhoAcceptsAfterTheTeamsAreFormed() {
    Mocks.register(TeamsStub.BEAN, new TeamsStub(true));
    ProcessInstance pi = offered();

    answer(pi, true);

    assertThat(pi).isWaitingAtExactly(TASK_PLACE_IN_TEAM).hasPassed(TASK_CONFIRM_PLACE, GATEWAY_TEAMS_FORMED);
    Task placement = task(TASK_PLACE_IN_TEAM);
    assertThat(placement).hasCandidateGroup(Roles.ORGANISERS);
    Assertions.assertThat(engine.deployedFormId(placement)).isEqualTo(FORM_PLACE_IN_TEAM);
    claim(placement, "organiser-jeff");
    complete(placement, Map.of(FIELD_TEAM_NAME, "Team 2"));
    assertThat(pi).isWaitingAtExactly(TASK_WELCOME_TO_TEAM);
    execute(job());

    assertThat(pi).isEnded().hasPassedInOrder(TASK_CONFIRM_PLACE, TASK_PLACE_IN_TEAM, TASK_WELCOME_TO_TEAM,
        END_EVENT_PLACED).hasNotPassed(TASK_SEND_PLACE_CONFIRMED);
    Assertions.assertThat(engine.steps().runs()).filteredOn(run -> run.elementId().equals(TASK_PLACE_IN_TEAM))
        .extracting(Run::bean, Run::event, run -> run.variable(APPLICATION_ID))
        .containsExactly(tuple("preparePlacementListener", "create", APPLICATION),
            tuple("preparePlacementListener", "assignment", APPLICATION),
            tuple("placeInTeamListener", "complete", APPLICATION));
    Assertions.assertThat(engine.steps().runsOf("welcomeToTeamDelegate")).hasSize(1);
  }

  @Test
  void shouldFreeThePlaceWhenTheyDeclineTheOffer() {
    ProcessInstance pi = offered();

    answer(pi, false);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_AWAIT_ANSWER, TASK_RECORD_DECLINE, END_EVENT_DECLINED)
        .hasNotPassed(TASK_CONFIRM_PLACE, TASK_EXPIRE_OFFER);
    Assertions.assertThat(engine.steps().runsOf(RECORD_DECLINE)).hasSize(1);
    Assertions.assertThat(engine.timers(pi)).isEmpty();
  }

  @Test
  void shouldRemindTwoDaysBeforeTheDeadlineAndKeepWaitingForTheAnswer() {
    ProcessInstance pi = offered();

    engine.clockAt(offerReminderAt.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(offerReminderAt);
    execute(engine.dueTimer(pi));
    assertThat(pi).isWaitingAt(TASK_SEND_OFFER_REMINDER, TASK_AWAIT_ANSWER);
    execute(job(TASK_SEND_OFFER_REMINDER));

    assertThat(pi).isWaitingAtExactly(TASK_AWAIT_ANSWER)
        .hasPassedInOrder(BOUNDARY_EVENT_OFFER_REMINDER, TASK_SEND_OFFER_REMINDER, END_EVENT_REMINDER_SENT);
    Assertions.assertThat(engine.steps().runsOf(SEND_OFFER_REMINDER)).hasSize(1);
    Assertions.assertThat(engine.timers(pi)).hasSize(1);

    answer(pi, true);
    assertThat(pi).isWaitingAtExactly(TASK_SEND_PLACE_CONFIRMED);
  }

  @Test
  void shouldFreeThePlaceWhenTheDeadlinePassesUnanswered() {
    ProcessInstance pi = offered();
    engine.clockAt(offerReminderAt);
    execute(engine.dueTimer(pi));
    execute(job(TASK_SEND_OFFER_REMINDER));

    engine.clockAt(offerDeadline.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(offerDeadline);
    execute(engine.dueTimer(pi));

    assertThat(pi).isEnded().hasPassedInOrder(BOUNDARY_EVENT_OFFER_EXPIRED, TASK_EXPIRE_OFFER, END_EVENT_EXPIRED)
        .hasNotPassed(TASK_CONFIRM_PLACE, TASK_RECORD_DECLINE);
    Assertions.assertThat(engine.steps().runsOf(EXPIRE_OFFER)).extracting(run -> run.variable(APPLICATION_ID))
        .containsExactly(APPLICATION);
    assertThatThrownBy(() -> answer(pi, true)).isInstanceOf(ProcessEngineException.class);
  }

  // Waitlist

  @Test
  void shouldOfferAFreedPlaceToAWaitlistedApplicant() {
    ProcessInstance pi = waitlisted();

    runtimeService().createMessageCorrelation(MESSAGE_PLACE_OFFERED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAtExactly(TASK_SEND_OFFER);
    execute(job());

    assertThat(pi).isWaitingAtExactly(TASK_AWAIT_ANSWER)
        .hasPassedInOrder(TASK_SEND_WAITLIST, GATEWAY_WAITLIST_OUTCOME, EVENT_PLACE_OFFERED, TASK_SEND_OFFER)
        .hasNotPassed(EVENT_WAITLIST_CLOSED);
    Assertions.assertThat(engine.steps().runsOf(SEND_OFFER)).hasSize(1);
  }

  @Test
  void shouldCloseTheWaitlistKindlyWhenTheTeamsAreFormed() {
    ProcessInstance pi = waitlisted();

    runtimeService().createMessageCorrelation(MESSAGE_WAITLIST_CLOSED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAtExactly(TASK_SEND_WAITLIST_CLOSED);
    execute(job());

    assertThat(pi).isEnded()
        .hasPassedInOrder(EVENT_WAITLIST_CLOSED, TASK_SEND_WAITLIST_CLOSED, END_EVENT_WAITLIST_CLOSED)
        .hasNotPassed(EVENT_PLACE_OFFERED, TASK_SEND_OFFER);
    Assertions.assertThat(templatesSent()).containsExactly(MailTemplate.APPLICATION_RECEIVED.name(),
        MailTemplate.APPLICATION_WAITLISTED.name(), MailTemplate.WAITLIST_CLOSED.name());
  }

  // Steps of a journey

  private static ProcessInstance submit() {
    return runtimeService().startProcessInstanceByKey(KEY, String.valueOf(APPLICATION),
        Map.of(APPLICATION_ID.name(), APPLICATION));
  }

  private static ProcessInstance acknowledged() {
    ProcessInstance pi = submit();
    assertThat(pi).isWaitingAtExactly(TASK_SEND_ACKNOWLEDGEMENT);
    execute(job());
    return pi;
  }

  private ProcessInstance awaitingSelection() {
    ProcessInstance pi = acknowledged();
    reviewAll(pi);
    assertThat(pi).isWaitingAtExactly(EVENT_SELECTION_DECIDED);
    return pi;
  }

  private ProcessInstance offered() {
    ProcessInstance pi = awaitingSelection();
    decide(pi, Outcome.ACCEPTED);
    execute(job(TASK_SEND_OFFER));
    assertThat(pi).isWaitingAtExactly(TASK_AWAIT_ANSWER);
    return pi;
  }

  private ProcessInstance waitlisted() {
    ProcessInstance pi = awaitingSelection();
    decide(pi, Outcome.WAITLISTED);
    assertThat(pi).isWaitingAtExactly(GATEWAY_WAITLIST_OUTCOME)
        .isWaitingFor(MESSAGE_PLACE_OFFERED, MESSAGE_WAITLIST_CLOSED);
    return pi;
  }

  /** Completes each open review, then runs the continuation after it (the reviews are saved one by one). */
  private static void reviewAll(ProcessInstance pi) {
    for (Task review : reviewTasks(pi)) {
      complete(review);
      execute(job());
    }
  }

  private static void decide(ProcessInstance pi, Outcome outcome) {
    runtimeService().createMessageCorrelation(MESSAGE_SELECTION_DECIDED).processInstanceId(pi.getId())
        .setVariable(OUTCOME.name(), outcome.variableValue()).correlate();
  }

  private static void answer(ProcessInstance pi, boolean accepted) {
    runtimeService().createMessageCorrelation(MESSAGE_OFFER_ANSWERED).processInstanceId(pi.getId())
        .setVariable(OFFER_ACCEPTED.name(), accepted).correlate();
  }

  private static List<Task> reviewTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REVIEW_APPLICATION).orderByTaskId().asc()
        .list();
  }

  /** The templates of the emails sent so far, in order: each email task's input {@code template}. */
  private static List<String> templatesSent() {
    return engine.steps().runsOf(SEND_EMAIL).stream().map(run -> run.variable(TEMPLATE)).toList();
  }
}
