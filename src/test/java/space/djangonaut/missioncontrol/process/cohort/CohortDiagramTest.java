package space.djangonaut.missioncontrol.process.cohort;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.*;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.COHORT;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.TEAMS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.DiagramEngine;
import space.djangonaut.missioncontrol.process.StepStubs.Run;
import space.djangonaut.missioncontrol.process.team.TeamProcess;

/**
 * Every path of {@code bpmn/cohort.bpmn} alone, on the in-memory diagram engine with its steps, its team directory and
 * its week calendar stubbed: the application window, waiting for the last reviews (or an organiser), ranking and
 * selection, released places, teams, one team process
 * per team (whose weeks {@code TeamDiagramTest} tests), the survey on the calendar and the impact report.
 */
class CohortDiagramTest {

  @RegisterExtension
  static final DiagramEngine engine = DiagramEngine.of(KEY, CohortSteps.class).coverageFloor(1.0, 1.0);

  // The beans of CohortSteps
  private static final String CREATE_COHORT = "createCohortDelegate";
  private static final String CLOSE_APPLICATIONS = "closeApplicationsDelegate";
  private static final String CHECK_REVIEWS = "checkReviewsDelegate";
  private static final String RANK_APPLICATIONS = "rankApplicationsDelegate";
  private static final String PREPARE_SELECTION = "prepareSelectionTaskListener";
  private static final String FINALISE_SELECTION = "finaliseSelectionListener";
  private static final String SEND_DECISION_BATCH = "sendSelectionDecisionBatchDelegate";
  private static final String SEND_SELECTION_DECISION = "sendSelectionDecisionDelegate";
  private static final String OFFER_PLACE_TO_WAITLIST = "offerPlaceToWaitlistDelegate";
  private static final String CLOSE_WAITLIST = "closeWaitlistDelegate";
  private static final String FORM_TEAMS = "formTeamsDelegate";
  private static final String PREPARE_TEAMS = "prepareTeamsTaskListener";
  private static final String CONFIRM_TEAMS = "confirmTeamsListener";
  private static final String SEND_TEAM_WELCOME = "sendTeamWelcomeDelegate";
  private static final String OPEN_SURVEY = "openSurveyDelegate";
  private static final String SEND_SURVEY_REMINDER = "sendSurveyReminderDelegate";
  private static final String CLOSE_SURVEY = "closeSurveyDelegate";
  private static final String SHOW_REPORT_PUBLICLY = "showReportPubliclyDelegate";

  private static final String SLUG = "2026-session-1";
  /** A field of {@code forms/publish-report.form} that the diagram fills in (CohortProcess names no constant). */
  private static final String REPORT_PATH = "reportPath";
  private static final Duration SEVEN_DAYS_BEFORE = Duration.ofDays(7);
  /** The dates the stubbed Task_CreateCohort gives the cohort. */
  private static final Instant APPLICATIONS_CLOSE = DiagramEngine.START.plus(Duration.ofDays(14));
  private static final Instant STARTS = DiagramEngine.START.plus(Duration.ofDays(35));
  /** Week 0: the teams are formed a week before the start. */
  private static final Instant TEAMS_FORM = STARTS.minus(SEVEN_DAYS_BEFORE);
  private static final Duration SEVEN_DAYS = Duration.ofDays(7);

  private final WeekCalendarStub calendar = new WeekCalendarStub(STARTS);
  /** What the stubbed count of reviews answers to "all reviewed?", in turn; once they are used up, yes. */
  private final Deque<Boolean> allReviewed = new ArrayDeque<>();
  /** What the stubbed offer to the waitlist answers to "place offered again?", in turn; then yes. */
  private final Deque<Boolean> placeReoffered = new ArrayDeque<>();

  @BeforeEach
  void stubSteps() {
    Mocks.register(TeamDirectoryStub.BEAN, new TeamDirectoryStub());
    Mocks.register(WeekCalendarStub.BEAN, calendar);
    Mocks.register(SelectionServiceStub.BEAN, new SelectionServiceStub());
    engine.steps()
        .whenRun(CREATE_COHORT, execution -> {
          COHORT_ID.on(execution, COHORT);
          APPLICATIONS_CLOSE_AT.on(execution, Date.from(APPLICATIONS_CLOSE));
          TEAMS_FORM_AT.on(execution, Date.from(TEAMS_FORM));
        })
        .whenRun(CHECK_REVIEWS, execution -> ALL_REVIEWED.on(execution,
            allReviewed.isEmpty() || allReviewed.remove()))
        .whenRun(OFFER_PLACE_TO_WAITLIST, execution -> PLACE_REOFFERED.on(execution,
            placeReoffered.isEmpty() || placeReoffered.remove()));
  }

  // Application window

  @Test
  void shouldCreateTheCohortThenWaitForTheApplicationWindowToClose() {
    ProcessInstance pi = open(2);

    assertThat(pi).isWaitingAtExactly(GATEWAY_APPLICATION_WINDOW).isWaitingFor(MESSAGE_CLOSE_APPLICATIONS)
        .hasPassedInOrder(START_EVENT_COHORT_OPENED, TASK_CREATE_COHORT);
    Assertions.assertThat(engine.deployedStartFormId()).isEqualTo(FORM_OPEN_COHORT);
    Assertions.assertThat(engine.steps().runsOf(CREATE_COHORT)).extracting(run -> run.variable(WEEKS))
        .containsExactly(2L);
    Assertions.assertThat(engine.timers(pi)).singleElement()
        .satisfies(timer -> assertThat(timer).hasDueDate(Date.from(APPLICATIONS_CLOSE)));
    engine.clockAt(APPLICATIONS_CLOSE.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
  }

  @Test
  void shouldCloseApplicationsAndRankThemWhenTheWindowEnds() {
    ProcessInstance pi = open(2);

    engine.clockAt(APPLICATIONS_CLOSE);
    execute(engine.dueTimer(pi));

    assertThat(pi).isWaitingAtExactly(TASK_FINALISE_SELECTION)
        .hasPassedInOrder(EVENT_APPLICATIONS_CLOSE, TASK_CLOSE_APPLICATIONS, TASK_CHECK_REVIEWS, TASK_RANK_APPLICATIONS)
        .hasNotPassed(EVENT_CLOSED_EARLY);
    Assertions.assertThat(engine.steps().runsOf(CLOSE_APPLICATIONS)).extracting(run -> run.variable(COHORT_ID))
        .containsExactly(COHORT);
  }

  @Test
  void shouldCloseApplicationsEarlyWhenAnOrganiserAsks() {
    ProcessInstance pi = open(2);

    closeEarly(pi);

    assertThat(pi).isWaitingAtExactly(TASK_FINALISE_SELECTION)
        .hasPassedInOrder(EVENT_CLOSED_EARLY, TASK_CLOSE_APPLICATIONS, TASK_CHECK_REVIEWS, TASK_RANK_APPLICATIONS)
        .hasNotPassed(EVENT_APPLICATIONS_CLOSE);
    Assertions.assertThat(engine.timers(pi)).isEmpty();
  }

  @Test
  void shouldWaitForTheLastReviewsWithoutATimerThenRank() {
    allReviewed.addAll(List.of(false, false, true));
    ProcessInstance pi = open(2);

    closeEarly(pi);
    assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT_FOR_REVIEWS)
        .isWaitingFor(MESSAGE_REVIEW_COMPLETED, MESSAGE_SELECTION_REQUESTED);
    Assertions.assertThat(engine.timers(pi)).as("no poll").isEmpty();
    reviewCompleted(pi);
    assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT_FOR_REVIEWS);
    reviewCompleted(pi);

    assertThat(pi).isWaitingAtExactly(TASK_FINALISE_SELECTION)
        .hasPassedInOrder(TASK_CHECK_REVIEWS, EVENT_REVIEW_COMPLETED, TASK_CHECK_REVIEWS, EVENT_REVIEW_COMPLETED,
            TASK_CHECK_REVIEWS, TASK_RANK_APPLICATIONS)
        .hasNotPassed(EVENT_SELECTION_REQUESTED);
    Assertions.assertThat(engine.steps().runsOf(CHECK_REVIEWS)).hasSize(3);
    Assertions.assertThat(engine.steps().runsOf(RANK_APPLICATIONS)).hasSize(1);
  }

  @Test
  void shouldRankWithTheReviewsInWhenAnOrganiserAsksBeforeTheLastOne() {
    allReviewed.add(false);
    ProcessInstance pi = open(2);
    closeEarly(pi);

    runtimeService().createMessageCorrelation(MESSAGE_SELECTION_REQUESTED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAtExactly(EVENT_SELECTION_REQUESTED);
    execute(job());

    assertThat(pi).isWaitingAtExactly(TASK_FINALISE_SELECTION)
        .hasPassedInOrder(TASK_CHECK_REVIEWS, EVENT_SELECTION_REQUESTED, TASK_RANK_APPLICATIONS)
        .hasNotPassed(EVENT_REVIEW_COMPLETED);
    Assertions.assertThat(engine.steps().runsOf(CHECK_REVIEWS)).hasSize(1);
    Assertions.assertThat(runtimeService().createMessageCorrelation(MESSAGE_REVIEW_COMPLETED)
        .processInstanceId(pi.getId()).correlateAllWithResult()).as("a late review changes nothing").isEmpty();
  }

  // Selection and the acceptance period

  @Test
  void shouldTellEachDecidedApplicationInItsOwnJobAndOpenTheAcceptancePeriodWhenTheSelectionIsFinalised() {
    ProcessInstance pi = awaitingSelection();

    Task selection = task(TASK_FINALISE_SELECTION);
    assertThat(selection).hasCandidateGroup(Roles.ORGANISERS);
    Assertions.assertThat(engine.deployedFormId(selection)).isEqualTo(FORM_FINALISE_SELECTION);
    complete(selection);
    assertThat(pi).isWaitingAt(SUB_PROCESS_TELL_DECISION_BATCH + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX,
        SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED);
    execute(job(SUB_PROCESS_TELL_DECISION_BATCH + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX));
    List<Job> batches = jobQuery().processInstanceId(pi.getId()).activityId(SUB_PROCESS_TELL_DECISION_BATCH).list();
    Assertions.assertThat(batches).hasSize(SelectionServiceStub.BATCHES.size());
    // The hundreds run side by side (non-exclusive jobs) ...
    Assertions.assertThat(batches).allSatisfy(batch -> Assertions.assertThat(
        ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) batch).isExclusive()).as("side by side").isFalse());
    batches.forEach(batch -> execute(batch));
    // ... and each ends in an exclusive job of its own, so that two never complete the multi-instance at once.
    List<Job> ends = jobQuery().processInstanceId(pi.getId()).activityId(END_EVENT_DECISION_BATCH_TOLD).list();
    Assertions.assertThat(ends).hasSize(SelectionServiceStub.BATCHES.size()).allSatisfy(end -> Assertions.assertThat(
        ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) end).isExclusive()).as("one at a time").isTrue());
    ends.forEach(end -> execute(end));
    Assertions.assertThat(engine.steps().runsOf(SEND_DECISION_BATCH)).extracting(run -> run.variable(DECISION_BATCH))
        .containsExactlyInAnyOrderElementsOf(SelectionServiceStub.BATCHES);
    // What the batches could not tell gets a job each.
    assertThat(pi).isWaitingAt(TASK_SEND_SELECTION_DECISIONS + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX);
    execute(job(TASK_SEND_SELECTION_DECISIONS + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX));
    List<Job> oneEach = jobQuery().processInstanceId(pi.getId()).activityId(TASK_SEND_SELECTION_DECISIONS).list();
    Assertions.assertThat(oneEach).hasSize(SelectionServiceStub.DECIDED.size());
    Assertions.assertThat(engine.steps().runsOf(SEND_SELECTION_DECISION)).isEmpty();
    oneEach.forEach(decision -> execute(decision));
    continueDecisions(pi);

    assertThat(pi).isWaitingAtExactly(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED)
        .isWaitingFor(MESSAGE_PLACE_RELEASED).hasPassed(GATEWAY_DECISIONS_AND_OFFERS, END_EVENT_DECISIONS_SENT);
    assertThat(engine.timerAt(pi, EVENT_TEAMS_FORMED)).hasDueDate(Date.from(TEAMS_FORM));
    Assertions.assertThat(engine.steps().runs())
        .filteredOn(run -> run.elementId().equals(TASK_FINALISE_SELECTION))
        .extracting(Run::bean, Run::event, run -> run.variable(COHORT_ID))
        .containsExactly(tuple(PREPARE_SELECTION, "create", COHORT), tuple(FINALISE_SELECTION, "complete", COHORT));
    Assertions.assertThat(engine.steps().runsOf(SEND_SELECTION_DECISION))
        .extracting(run -> run.variable(APPLICATION_ID))
        .containsExactlyInAnyOrderElementsOf(SelectionServiceStub.DECIDED);
  }

  @Test
  void shouldRaiseAnIncidentForTheOneApplicationThatCannotBeToldAndGoOnWithTheOthers() {
    long failing = SelectionServiceStub.DECIDED.get(1);
    engine.steps().whenRun(SEND_SELECTION_DECISION, execution -> {
      if (APPLICATION_ID.from(execution) == failing) {
        throw new IllegalStateException("Application " + failing + " is not waiting for a decision");
      }
    });
    ProcessInstance pi = awaitingSelection();
    complete(task(TASK_FINALISE_SELECTION));
    sendBatches(pi);
    execute(job(TASK_SEND_SELECTION_DECISIONS + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX));

    int failures = 0;
    for (int attempt = 1; attempt <= 6; attempt++) {
      for (Job decision : jobQuery().processInstanceId(pi.getId()).activityId(TASK_SEND_SELECTION_DECISIONS)
          .executable().list()) {
        try {
          managementService().executeJob(decision.getId());
        } catch (RuntimeException expected) {
          failures++; // the failing application's job: tried five times, five minutes apart
        }
      }
      continueDecisions(pi);
      engine.clockForward(Duration.ofMinutes(5).plusSeconds(1));
    }

    Assertions.assertThat(failures).isEqualTo(5);
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list())
        .singleElement().satisfies(incident -> Assertions.assertThat(incident.getActivityId())
            .isEqualTo(TASK_SEND_SELECTION_DECISIONS));
    Assertions.assertThat(engine.steps().runsOf(SEND_SELECTION_DECISION))
        .extracting(run -> run.variable(APPLICATION_ID))
        .filteredOn(id -> id != failing).containsExactlyInAnyOrder(SelectionServiceStub.DECIDED.get(0),
            SelectionServiceStub.DECIDED.get(2));
    assertThat(pi).isWaitingAt(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED, TASK_SEND_SELECTION_DECISIONS)
        .hasNotPassed(END_EVENT_DECISIONS_SENT);
  }

  @Test
  void shouldOfferAReleasedPlaceToTheWaitlistAndKeepWaitingForTheStart() {
    ProcessInstance pi = inAcceptancePeriod();

    releasePlace(pi);
    assertThat(pi).isWaitingAtExactly(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED, TASK_OFFER_PLACE_TO_WAITLIST);
    execute(job(TASK_OFFER_PLACE_TO_WAITLIST));

    assertThat(pi).isWaitingAtExactly(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED)
        .hasPassedInOrder(BOUNDARY_EVENT_PLACE_RELEASED, TASK_OFFER_PLACE_TO_WAITLIST, END_EVENT_PLACE_REOFFERED)
        .hasNotPassed(END_EVENT_PLACE_UNFILLED);
    Assertions.assertThat(engine.steps().runsOf(OFFER_PLACE_TO_WAITLIST)).hasSize(1);
  }

  @Test
  void shouldLeaveAReleasedPlaceUnfilledWhenNoOneIsOnTheWaitlist() {
    placeReoffered.add(false);
    ProcessInstance pi = inAcceptancePeriod();

    releasePlace(pi);
    execute(job(TASK_OFFER_PLACE_TO_WAITLIST));

    assertThat(pi).isWaitingAtExactly(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED)
        .hasPassedInOrder(BOUNDARY_EVENT_PLACE_RELEASED, TASK_OFFER_PLACE_TO_WAITLIST, END_EVENT_PLACE_UNFILLED)
        .hasNotPassed(END_EVENT_PLACE_REOFFERED);
  }

  // Teams

  @Test
  void shouldCloseTheWaitlistAndProposeTeamsAWeekBeforeTheStart() {
    ProcessInstance pi = inAcceptancePeriod();

    engine.clockAt(TEAMS_FORM);
    execute(engine.dueTimer(pi));
    assertThat(pi).isWaitingAtExactly(TASK_CLOSE_WAITLIST);
    execute(job());

    assertThat(pi).isWaitingAtExactly(TASK_CONFIRM_TEAMS)
        .hasPassed(SUB_PROCESS_ACCEPTANCE_PERIOD)
        .hasPassedInOrder(EVENT_TEAMS_FORMED, TASK_CLOSE_WAITLIST, TASK_FORM_TEAMS);
    Task teams = task();
    assertThat(teams).hasCandidateGroup(Roles.ORGANISERS);
    Assertions.assertThat(engine.deployedFormId(teams)).isEqualTo(FORM_CONFIRM_TEAMS);
    Assertions.assertThat(engine.steps().runs()).extracting(Run::bean).endsWith(CLOSE_WAITLIST, FORM_TEAMS,
        PREPARE_TEAMS);
    Assertions.assertThat(runtimeService().createMessageCorrelation(MESSAGE_PLACE_RELEASED)
        .processInstanceId(pi.getId()).correlateAllWithResult()).as("places released after the start").isEmpty();
  }

  @Test
  void shouldWelcomeTheTeamsThenStartOneProcessPerTeamAndWaitForTheLastWeekToEnd() {
    ProcessInstance pi = confirmingTeams();

    complete(task(TASK_CONFIRM_TEAMS));
    assertThat(pi).isWaitingAtExactly(TASK_SEND_TEAM_WELCOME);
    execute(job());

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, EVENT_LAST_WEEK_ENDS).isNotWaitingAt(TASK_SEND_TEAM_WELCOME);
    Assertions.assertThat(teamProcesses(pi)).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(TEAMS.stream().map(String::valueOf).toList());
    Assertions.assertThat(teamProcesses(pi)).allSatisfy(team -> Assertions.assertThat(
            runtimeService().getVariables(team.getId(), List.of(COHORT_ID.name(), TEAM_ID.name(), WEEKS.name())))
        .containsEntry(COHORT_ID.name(), COHORT).containsEntry(TEAM_ID.name(), Long.valueOf(team.getBusinessKey()))
        .containsEntry(WEEKS.name(), 2L));
    assertThat(engine.timerAt(pi, EVENT_LAST_WEEK_ENDS)).hasDueDate(calendar.dueAt(COHORT, 2));
    Assertions.assertThat(engine.steps().runs()).extracting(Run::bean).endsWith(CONFIRM_TEAMS, SEND_TEAM_WELCOME);
  }

  // Survey and report

  @Test
  void shouldSendTheSurveyWhenTheLastWeekEndsThenWaitForTheTeamsBeforeTheReport() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(SLUG)
        .setVariable(COHORT_ID.name(), COHORT).setVariable(WEEKS.name(), 2L)
        .startBeforeActivity(GATEWAY_WEEKS_BEGIN).execute();
    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, EVENT_LAST_WEEK_ENDS);
    Assertions.assertThat(teamProcesses(pi)).hasSize(TEAMS.size());

    engine.clockAt(calendar.dueAt(COHORT, 2).toInstant().minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(calendar.dueAt(COHORT, 2).toInstant());
    execute(engine.dueTimer(pi));
    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, TASK_OPEN_SURVEY);
    execute(job(TASK_OPEN_SURVEY));

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, EVENT_SURVEY_REMINDER_DUE).isNotWaitingAt(TASK_OPEN_SURVEY);
    engine.clockForward(SEVEN_DAYS.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockForward(Duration.ofSeconds(1));
    execute(engine.dueTimer(pi));
    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, TASK_SEND_SURVEY_REMINDER);
    execute(job(TASK_SEND_SURVEY_REMINDER));

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_RUN_TEAMS, EVENT_SURVEY_CLOSES);
    engine.clockForward(SEVEN_DAYS);
    execute(engine.dueTimer(pi));
    assertThat(pi).hasPassed(TASK_CLOSE_SURVEY).isNotWaitingAt(TASK_PUBLISH_REPORT)
        .isWaitingAt(CALL_ACTIVITY_RUN_TEAMS);

    finishTeams(pi);

    assertThat(pi).isWaitingAtExactly(TASK_PUBLISH_REPORT).hasPassed(GATEWAY_REPORT_DUE);
    Assertions.assertThat(engine.steps().runs()).extracting(Run::bean)
        .containsExactly(OPEN_SURVEY, SEND_SURVEY_REMINDER, CLOSE_SURVEY);
  }

  @Test
  void shouldPublishTheReportAndEndTheCohortWhenAnOrganiserApprovesTheImpactReport() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(SLUG)
        .setVariable(COHORT_ID.name(), COHORT).startBeforeActivity(TASK_PUBLISH_REPORT).execute();

    assertThat(pi).isWaitingAtExactly(TASK_PUBLISH_REPORT);
    Task report = task();
    assertThat(report).hasCandidateGroup(Roles.ORGANISERS);
    Assertions.assertThat(engine.deployedFormId(report)).isEqualTo(FORM_PUBLISH_REPORT);
    Assertions.assertThat(taskService().getVariable(report.getId(), REPORT_PATH))
        .isEqualTo("/organiser/cohorts/" + SLUG + "/report");
    Assertions.assertThat(engine.steps().runs()).isEmpty();
    complete(report);

    assertThat(pi).isEnded().hasPassedInOrder(TASK_SHOW_REPORT_PUBLICLY, END_EVENT_COHORT_COMPLETED);
    Assertions.assertThat(engine.steps().runs()).extracting(Run::bean).containsExactly(SHOW_REPORT_PUBLICLY);
  }

  // The whole journey

  @Test
  void shouldRunACohortFromItsOpeningToItsImpactReport() {
    ProcessInstance pi = confirmingTeams();
    complete(task(TASK_CONFIRM_TEAMS));
    execute(job(TASK_SEND_TEAM_WELCOME));
    finishTeams(pi);
    engine.clockAt(calendar.dueAt(COHORT, 2).toInstant());
    execute(engine.dueTimer(pi));
    execute(job(TASK_OPEN_SURVEY));
    engine.clockForward(SEVEN_DAYS);
    execute(engine.dueTimer(pi));
    execute(job(TASK_SEND_SURVEY_REMINDER));
    engine.clockForward(SEVEN_DAYS);
    execute(engine.dueTimer(pi));
    complete(task(TASK_PUBLISH_REPORT));

    assertThat(pi).isEnded().hasPassedInOrder(START_EVENT_COHORT_OPENED, TASK_CREATE_COHORT,
        TASK_CLOSE_APPLICATIONS, TASK_CHECK_REVIEWS, TASK_RANK_APPLICATIONS, TASK_FINALISE_SELECTION,
        TASK_SEND_DECISIONS_IN_BATCHES, TASK_SEND_SELECTION_DECISIONS,
        SUB_PROCESS_ACCEPTANCE_PERIOD, TASK_CLOSE_WAITLIST, TASK_FORM_TEAMS, TASK_CONFIRM_TEAMS,
        TASK_SEND_TEAM_WELCOME, GATEWAY_WEEKS_BEGIN, EVENT_LAST_WEEK_ENDS, TASK_OPEN_SURVEY,
        TASK_SEND_SURVEY_REMINDER, TASK_CLOSE_SURVEY, GATEWAY_REPORT_DUE, TASK_PUBLISH_REPORT,
        TASK_SHOW_REPORT_PUBLICLY, END_EVENT_COHORT_COMPLETED);
    assertThat(pi).hasPassed(CALL_ACTIVITY_RUN_TEAMS);
    Assertions.assertThat(engine.steps().runs()).filteredOn(run -> !run.bean().equals(CREATE_COHORT))
        .allSatisfy(run -> Assertions.assertThat(run.variable(COHORT_ID)).as(run.bean()).isEqualTo(COHORT));
  }

  // Steps of a journey

  private static ProcessInstance open(long weeks) {
    return runtimeService().startProcessInstanceByKey(KEY, SLUG, Map.of(WEEKS.name(), weeks));
  }

  private static void closeEarly(ProcessInstance pi) {
    runtimeService().createMessageCorrelation(MESSAGE_CLOSE_APPLICATIONS).processInstanceId(pi.getId()).correlate();
  }

  /** An application's process tells the cohort its reviews are in; the cohort counts again in a job of its own. */
  private static void reviewCompleted(ProcessInstance pi) {
    runtimeService().createMessageCorrelation(MESSAGE_REVIEW_COMPLETED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAtExactly(EVENT_REVIEW_COMPLETED);
    execute(job());
  }

  private static void releasePlace(ProcessInstance pi) {
    runtimeService().createMessageCorrelation(MESSAGE_PLACE_RELEASED).processInstanceId(pi.getId()).correlate();
  }

  private static ProcessInstance awaitingSelection() {
    ProcessInstance pi = open(2);
    closeEarly(pi);
    assertThat(pi).isWaitingAtExactly(TASK_FINALISE_SELECTION);
    return pi;
  }

  private static ProcessInstance inAcceptancePeriod() {
    ProcessInstance pi = awaitingSelection();
    complete(task(TASK_FINALISE_SELECTION));
    sendBatches(pi);
    execute(job(TASK_SEND_SELECTION_DECISIONS + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX));
    jobQuery().processInstanceId(pi.getId()).activityId(TASK_SEND_SELECTION_DECISIONS).list()
        .forEach(decision -> execute(decision));
    continueDecisions(pi);
    assertThat(pi).isWaitingAtExactly(SUB_PROCESS_ACCEPTANCE_PERIOD, EVENT_TEAMS_FORMED);
    return pi;
  }

  /** Runs SubProcess_TellDecisionBatch: its multi-instance body's job, then each hundred's job and its end's job. */
  private static void sendBatches(ProcessInstance pi) {
    execute(job(SUB_PROCESS_TELL_DECISION_BATCH + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX));
    jobQuery().processInstanceId(pi.getId()).activityId(SUB_PROCESS_TELL_DECISION_BATCH).list()
        .forEach(batch -> execute(batch));
    jobQuery().processInstanceId(pi.getId()).activityId(END_EVENT_DECISION_BATCH_TOLD).list()
        .forEach(end -> execute(end));
  }

  /** Runs the continuations after each decision (asyncAfter), saved one by one. */
  private static void continueDecisions(ProcessInstance pi) {
    for (Job continuation : jobQuery().processInstanceId(pi.getId()).messages().executable().list()) {
      if (managementService().createJobDefinitionQuery().jobDefinitionId(continuation.getJobDefinitionId())
          .singleResult().getJobConfiguration().equals("async-after")) {
        execute(continuation);
      }
    }
  }

  private static ProcessInstance confirmingTeams() {
    ProcessInstance pi = inAcceptancePeriod();
    engine.clockAt(TEAMS_FORM);
    execute(engine.dueTimer(pi));
    execute(job(TASK_CLOSE_WAITLIST));
    assertThat(pi).isWaitingAtExactly(TASK_CONFIRM_TEAMS);
    return pi;
  }

  /** The teams' processes the call activity started (their own weeks are tested in TeamDiagramTest). */
  private static List<ProcessInstance> teamProcesses(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
  }

  /** Takes each team's process to its end, as its weeks would, and runs the call activity's continuations. */
  private static void finishTeams(ProcessInstance pi) {
    for (ProcessInstance team : teamProcesses(pi)) {
      runtimeService().createProcessInstanceModification(team.getId())
          .cancelAllForActivity(TeamProcess.SUB_PROCESS_WEEK + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX)
          .cancelAllForActivity(TeamProcess.EVENT_HALFWAY)
          .startBeforeActivity(TeamProcess.END_EVENT_TEAM_DONE).execute();
    }
    jobQuery().processInstanceId(pi.getId()).messages().activityId(CALL_ACTIVITY_RUN_TEAMS).list()
        .forEach(continuation -> execute(continuation));
  }
}
