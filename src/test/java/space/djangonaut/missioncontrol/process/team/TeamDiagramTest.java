package space.djangonaut.missioncontrol.process.team;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.COHORT;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.TEAMS;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.captainOfDjangonaut;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.djangonautsOfTeam;
import static space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub.navigatorOfTeam;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import space.djangonaut.missioncontrol.process.DiagramEngine;
import space.djangonaut.missioncontrol.process.StepStubs.Run;
import space.djangonaut.missioncontrol.process.cohort.TeamDirectoryStub;
import space.djangonaut.missioncontrol.process.cohort.WeekCalendarStub;

/**
 * Every path of {@code bpmn/team.bpmn} alone, on the in-memory diagram engine with its steps, the team directory and
 * the week calendar stubbed: every week on its own timer, the check-in and the one-to-ones of a week, their reminders
 * at the end of the week and their closing as "not recorded" a week later, and the end of the team's weeks. Nothing a
 * person leaves undone holds up the next week.
 */
class TeamDiagramTest {

  @RegisterExtension
  static final DiagramEngine engine = DiagramEngine.of(KEY, TeamSteps.class).coverageFloor(1.0, 1.0);

  // The beans of TeamSteps
  private static final String PREPARE_CHECK_IN = "prepareCheckInListener";
  private static final String RECORD_CHECK_IN = "recordCheckInListener";
  private static final String REMIND_NAVIGATOR = "remindNavigatorDelegate";
  private static final String CLOSE_CHECK_IN = "closeCheckInDelegate";
  private static final String PREPARE_ONE_TO_ONE = "prepareOneToOneListener";
  private static final String RECORD_ONE_TO_ONE = "recordOneToOneListener";
  private static final String REMIND_CAPTAINS = "remindCaptainsDelegate";
  private static final String CLOSE_ONE_TO_ONES = "closeOneToOnesDelegate";
  private static final String PREPARE_REPLACEMENT = "prepareReplacementListener";
  private static final String REPLACE_VOLUNTEER = "replaceVolunteerListener";
  private static final String ANNOUNCE_REPLACEMENT = "announceReplacementDelegate";
  private static final String STOP_ONE_TO_ONES_ABOUT = "stopOneToOnesAboutDjangonautDelegate";
  private static final String TELL_TEAM_OF_WITHDRAWAL = "tellTeamOfWithdrawalDelegate";
  private static final String SEND_MIDPOINT_CHECK = "sendMidpointCheckDelegate";
  private static final String CLOSE_MIDPOINT_CHECK = "closeMidpointCheckDelegate";
  private static final String PREPARE_CONCERN = "prepareConcernListener";
  private static final String RECORD_FOLLOW_UP = "recordFollowUpListener";

  /** The first team of the stubbed cohort: two Djangonauts, so two one-to-ones every second week. */
  private static final long TEAM = TEAMS.get(0);
  private static final Instant STARTS = DiagramEngine.START.plus(Duration.ofDays(35));

  private final WeekCalendarStub calendar = new WeekCalendarStub(STARTS);

  @BeforeEach
  void stubBeans() {
    Mocks.register(TeamDirectoryStub.BEAN, new TeamDirectoryStub());
    Mocks.register(WeekCalendarStub.BEAN, calendar);
    Mocks.register(CheckInDueDatesStub.BEAN, new CheckInDueDatesStub(calendar));
  }

  @Test
  void shouldPlanEveryWeekOnItsOwnTimerWhenTheTeamIsWelcomed() {
    ProcessInstance pi = start(3);

    assertThat(pi).hasPassed(START_EVENT_TEAM_WELCOMED).isWaitingAt(EVENT_WEEK_STARTS);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(TEAM));
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().activityId(EVENT_WEEK_STARTS).list())
        .extracting(Job::getDuedate)
        .containsExactlyInAnyOrder(calendar.startOf(COHORT, 1), calendar.startOf(COHORT, 2), calendar.startOf(COHORT, 3));
    assertThat(engine.timerAt(pi, EVENT_HALFWAY)).hasDueDate(calendar.dueAt(COHORT, 1));
    engine.clockAt(STARTS.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
  }

  @Test
  void shouldAskTheNavigatorForTheCheckInOfAWeekWithoutOneToOnes() {
    ProcessInstance pi = start(2);

    startWeek(pi, 1);

    assertThat(pi).isWaitingAt(TASK_RECORD_CHECK_IN).isNotWaitingAt(TASK_HOLD_ONE_TO_ONE);
    Task checkIn = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_RECORD_CHECK_IN).singleResult();
    assertThat(checkIn).isAssignedTo(navigatorOfTeam(TEAM)).hasDueDate(calendar.dueAt(COHORT, 1));
    Assertions.assertThat(engine.deployedFormId(checkIn)).isEqualTo(FORM_RECORD_CHECK_IN);
    Assertions.assertThat(engine.steps().runsOf(PREPARE_CHECK_IN))
        .extracting(Run::event, run -> run.variable(TEAM_ID), run -> run.variable(WEEK))
        .containsExactly(tuple("create", TEAM, 1L));
  }

  @Test
  void shouldAskEachCaptainForAOneToOneWithEachDjangonautOfTheTeamEverySecondWeek() {
    ProcessInstance pi = start(2);
    startWeek(pi, 1);
    recordWeek(pi);

    startWeek(pi, 2);

    List<Task> oneToOnes = openTasks(pi, TASK_HOLD_ONE_TO_ONE);
    Assertions.assertThat(oneToOnes).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(
        djangonautsOfTeam(TEAM).stream().map(TeamDirectoryStub::captainOfDjangonaut).toList());
    Assertions.assertThat(oneToOnes).allSatisfy(task -> {
      assertThat(task).hasDueDate(calendar.dueAt(COHORT, 2));
      Assertions.assertThat(engine.deployedFormId(task)).isEqualTo(FORM_HOLD_ONE_TO_ONE);
    });
    Assertions.assertThat(engine.steps().runsOf(PREPARE_ONE_TO_ONE))
        .extracting(run -> run.variable(DJANGONAUT_ID), run -> run.variable(WEEK))
        .containsExactlyInAnyOrderElementsOf(djangonautsOfTeam(TEAM).stream().map(id -> tuple(id, 2L)).toList());
    Assertions.assertThat(openTasks(pi, TASK_RECORD_CHECK_IN)).hasSize(1);
  }

  @Test
  void shouldStartTheNextWeekOnTimeWhileTheNavigatorHasRecordedNothing() {
    ProcessInstance pi = start(3);
    startWeek(pi, 1);

    startWeek(pi, 2);
    startWeek(pi, 3);

    Assertions.assertThat(openTasks(pi, TASK_RECORD_CHECK_IN)).extracting(Task::getDueDate)
        .containsExactlyInAnyOrder(calendar.dueAt(COHORT, 1), calendar.dueAt(COHORT, 2), calendar.dueAt(COHORT, 3));
    Assertions.assertThat(openTasks(pi, TASK_HOLD_ONE_TO_ONE)).hasSize(djangonautsOfTeam(TEAM).size());
    Assertions.assertThat(engine.steps().runsOf(PREPARE_CHECK_IN)).extracting(run -> run.variable(WEEK))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void shouldRemindTheNavigatorAtTheEndOfTheWeekThenCloseTheCheckInAsNotRecordedAWeekLater() {
    ProcessInstance pi = start(1);
    startWeek(pi, 1);

    engine.clockAt(calendar.dueAt(COHORT, 1).toInstant().minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(calendar.dueAt(COHORT, 1).toInstant());
    execute(engine.timerAt(pi, BOUNDARY_EVENT_CHECK_IN_OVERDUE));
    execute(job(TASK_REMIND_NAVIGATOR, pi));
    Assertions.assertThat(engine.steps().runsOf(REMIND_NAVIGATOR))
        .extracting(run -> run.variable(TEAM_ID), run -> run.variable(WEEK)).containsExactly(tuple(TEAM, 1L));
    assertThat(pi).isWaitingAt(TASK_RECORD_CHECK_IN).hasPassed(END_EVENT_NAVIGATOR_REMINDED);
    Assertions.assertThat(engine.steps().runsOf(CLOSE_CHECK_IN)).isEmpty();

    engine.clockAt(calendar.escalateAt(COHORT, 1).toInstant());
    execute(engine.timerAt(pi, BOUNDARY_EVENT_CHECK_IN_NOT_RECORDED));
    execute(job(TASK_CLOSE_CHECK_IN, pi));

    Assertions.assertThat(engine.steps().runsOf(CLOSE_CHECK_IN))
        .extracting(run -> run.variable(COHORT_ID), run -> run.variable(TEAM_ID), run -> run.variable(WEEK))
        .containsExactly(tuple(COHORT, TEAM, 1L));
    Assertions.assertThat(engine.steps().runsOf(RECORD_CHECK_IN)).isEmpty();
    assertThat(pi).hasPassed(BOUNDARY_EVENT_CHECK_IN_NOT_RECORDED, END_EVENT_WEEK_DONE);
    runMidpointCheck(pi);
    assertThat(pi).isEnded().hasPassed(END_EVENT_TEAM_DONE);
  }

  @Test
  void shouldRemindTheCaptainsOfOpenOneToOnesThenCloseThemAsNotRecordedAWeekLater() {
    ProcessInstance pi = start(2);
    startWeek(pi, 1);
    recordWeek(pi);
    startWeek(pi, 2);
    Task checkIn = openTasks(pi, TASK_RECORD_CHECK_IN).get(0);
    complete(checkIn);
    execute(job(jobQuery().messages().activityId(TASK_RECORD_CHECK_IN), pi));

    engine.clockAt(calendar.dueAt(COHORT, 2).toInstant());
    execute(engine.timerAt(pi, BOUNDARY_EVENT_ONE_TO_ONES_OVERDUE));
    execute(job(TASK_REMIND_CAPTAINS, pi));
    Assertions.assertThat(engine.steps().runsOf(REMIND_CAPTAINS))
        .extracting(run -> run.variable(TEAM_ID), run -> run.variable(WEEK)).containsExactly(tuple(TEAM, 2L));
    Assertions.assertThat(openTasks(pi, TASK_HOLD_ONE_TO_ONE)).as("still to be recorded").hasSize(2);
    complete(openTasks(pi, TASK_HOLD_ONE_TO_ONE).get(0));
    execute(job(jobQuery().messages().activityId(TASK_HOLD_ONE_TO_ONE), pi));

    runMidpointCheck(pi);
    engine.clockAt(calendar.escalateAt(COHORT, 2).toInstant());
    execute(engine.dueTimer(pi));
    execute(job(TASK_CLOSE_ONE_TO_ONES, pi));

    Assertions.assertThat(openTasks(pi, TASK_HOLD_ONE_TO_ONE)).isEmpty();
    Assertions.assertThat(engine.steps().runsOf(CLOSE_ONE_TO_ONES))
        .extracting(run -> run.variable(COHORT_ID), run -> run.variable(TEAM_ID), run -> run.variable(WEEK))
        .containsExactly(tuple(COHORT, TEAM, 2L));
    Assertions.assertThat(engine.steps().runsOf(RECORD_ONE_TO_ONE)).hasSize(1);
    Assertions.assertThat(engine.steps().runsOf(REMIND_NAVIGATOR)).as("the check-in was recorded in time").isEmpty();
    assertThat(pi).isEnded().hasPassed(BOUNDARY_EVENT_ONE_TO_ONES_OVERDUE, END_EVENT_CAPTAINS_REMINDED,
        BOUNDARY_EVENT_ONE_TO_ONES_NOT_RECORDED, END_EVENT_TEAM_DONE);
  }

  @Test
  void shouldEndTheTeamsWeeksWhenEveryWeekIsRecordedWithoutAReminder() {
    ProcessInstance pi = start(4);

    for (long week = 1; week <= 4; week++) {
      startWeek(pi, week);
      recordWeek(pi);
    }
    assertThat(pi).as("the mid-point check is still open").isWaitingAt(EVENT_HALFWAY);
    runMidpointCheck(pi);

    assertThat(pi).isEnded().hasPassed(END_EVENT_TEAM_DONE);
    Assertions.assertThat(engine.steps().runsOf(RECORD_CHECK_IN))
        .extracting(Run::assignee, run -> run.variable(WEEK))
        .containsExactly(tuple(navigatorOfTeam(TEAM), 1L), tuple(navigatorOfTeam(TEAM), 2L),
            tuple(navigatorOfTeam(TEAM), 3L), tuple(navigatorOfTeam(TEAM), 4L));
    Assertions.assertThat(engine.steps().runsOf(RECORD_ONE_TO_ONE))
        .extracting(Run::assignee, run -> run.variable(WEEK)).containsExactlyInAnyOrder(
            tuple(captainOfDjangonaut(101L), 2L), tuple(captainOfDjangonaut(102L), 2L),
            tuple(captainOfDjangonaut(101L), 4L), tuple(captainOfDjangonaut(102L), 4L));
    Assertions.assertThat(engine.steps().runs()).extracting(Run::bean)
        .doesNotContain(REMIND_NAVIGATOR, REMIND_CAPTAINS, CLOSE_CHECK_IN, CLOSE_ONE_TO_ONES);
  }

  @Test
  void shouldAskAnOrganiserWhoTakesOverFromAVolunteerWhoStepsDownWhileTheWeeksGoOn() {
    ProcessInstance pi = start(3);
    startWeek(pi, 1);

    stepDown(77L);

    Task replace = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REPLACE_VOLUNTEER).singleResult();
    assertThat(replace).hasCandidateGroup("organisers").isNotAssigned();
    Assertions.assertThat(engine.deployedFormId(replace)).isEqualTo(FORM_REPLACE_VOLUNTEER);
    Assertions.assertThat(engine.steps().runsOf(PREPARE_REPLACEMENT))
        .extracting(Run::event, run -> run.variable(STEP_DOWN_ID), run -> run.variable(TEAM_ID))
        .containsExactly(tuple("create", 77L, TEAM));
    Assertions.assertThat(openTasks(pi, TASK_RECORD_CHECK_IN)).as("week 1's check-in is still open").hasSize(1);

    // Nothing waits for the replacement: week 2 starts on its date.
    startWeek(pi, 2);
    Assertions.assertThat(openTasks(pi, TASK_RECORD_CHECK_IN)).hasSize(2);

    complete(replace, Map.of(FIELD_REPLACEMENT_VOLUNTEER_ID, 88L));
    Assertions.assertThat(engine.steps().runsOf(REPLACE_VOLUNTEER))
        .extracting(Run::event, run -> run.variable(STEP_DOWN_ID)).containsExactly(tuple("complete", 77L));
    execute(job(TASK_ANNOUNCE_REPLACEMENT, pi));

    Assertions.assertThat(engine.steps().runsOf(ANNOUNCE_REPLACEMENT))
        .extracting(Run::elementId, run -> run.variable(STEP_DOWN_ID))
        .containsExactly(tuple(TASK_ANNOUNCE_REPLACEMENT, 77L));
    assertThat(pi).hasPassed(START_EVENT_VOLUNTEER_STEPPED_DOWN, END_EVENT_VOLUNTEER_REPLACED)
        .hasNotPassed(END_EVENT_REPLACEMENT_NOT_NEEDED).isWaitingAt(TASK_RECORD_CHECK_IN, EVENT_WEEK_STARTS);
  }

  @Test
  void shouldKeepTwoStepDownsAtOnceApart() {
    ProcessInstance pi = start(2);
    startWeek(pi, 1);

    stepDown(77L);
    stepDown(78L);

    Assertions.assertThat(engine.steps().runsOf(PREPARE_REPLACEMENT)).extracting(run -> run.variable(STEP_DOWN_ID))
        .containsExactly(77L, 78L);
    for (Task replace : openTasks(pi, TASK_REPLACE_VOLUNTEER)) {
      complete(replace, Map.of(FIELD_REPLACEMENT_VOLUNTEER_ID, 88L));
    }
    Assertions.assertThat(engine.steps().runsOf(REPLACE_VOLUNTEER)).extracting(run -> run.variable(STEP_DOWN_ID))
        .containsExactlyInAnyOrder(77L, 78L);
  }

  @Test
  void shouldEndAReplacementNobodyChoseWhenTheTeamsWeeksAreOver() {
    ProcessInstance pi = start(1);
    startWeek(pi, 1);
    stepDown(77L);
    recordWeek(pi);
    assertThat(pi).as("the replacement is still to be chosen").hasPassed(END_EVENT_WEEK_DONE)
        .isWaitingAt(TASK_REPLACE_VOLUNTEER).isNotWaitingAt(TASK_RECORD_CHECK_IN, EVENT_WEEK_STARTS);
    runMidpointCheck(pi);

    engine.clockAt(calendar.escalateAt(COHORT, 1).toInstant().minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(calendar.escalateAt(COHORT, 1).toInstant());
    execute(engine.dueTimer(pi));

    assertThat(pi).isEnded().hasPassed(BOUNDARY_EVENT_TEAM_WEEKS_OVER, END_EVENT_REPLACEMENT_NOT_NEEDED,
        END_EVENT_TEAM_DONE).hasNotPassed(TASK_ANNOUNCE_REPLACEMENT);
    Assertions.assertThat(engine.steps().runsOf(REPLACE_VOLUNTEER)).isEmpty();
  }

  @Test
  void shouldStopWhatWasAboutAWithdrawnDjangonautAndTellTheTeamWhileTheWeeksGoOn() {
    ProcessInstance pi = start(3);
    startWeek(pi, 1);
    recordWeek(pi);
    startWeek(pi, 2);
    long leaving = djangonautsOfTeam(TEAM).get(0);

    runtimeService().createMessageCorrelation(MESSAGE_DJANGONAUT_WITHDREW).processInstanceBusinessKey(
        String.valueOf(TEAM)).setVariable(WITHDRAWN_DJANGONAUT_ID.name(), leaving).correlate();

    // The open one-to-ones about them are closed in the withdrawing transaction; their team is told in a job.
    Assertions.assertThat(engine.steps().runsOf(STOP_ONE_TO_ONES_ABOUT))
        .extracting(run -> run.variable(WITHDRAWN_DJANGONAUT_ID), run -> run.variable(TEAM_ID))
        .containsExactly(tuple(leaving, TEAM));
    Assertions.assertThat(engine.steps().runsOf(TELL_TEAM_OF_WITHDRAWAL)).isEmpty();
    execute(job(TASK_TELL_TEAM_OF_WITHDRAWAL, pi));
    Assertions.assertThat(engine.steps().runsOf(TELL_TEAM_OF_WITHDRAWAL))
        .extracting(run -> run.variable(WITHDRAWN_DJANGONAUT_ID), run -> run.variable(TEAM_ID))
        .containsExactly(tuple(leaving, TEAM));
    assertThat(pi).hasPassed(START_EVENT_DJANGONAUT_WITHDREW, TASK_STOP_ONE_TO_ONES_ABOUT_DJANGONAUT,
        END_EVENT_WITHDRAWAL_HANDLED).isWaitingAt(TASK_RECORD_CHECK_IN, EVENT_WEEK_STARTS);

    // The weeks go on for everyone else, on the calendar.
    recordWeek(pi);
    startWeek(pi, 3);
    recordWeek(pi);
    runMidpointCheck(pi);
    assertThat(pi).isEnded().hasPassed(END_EVENT_TEAM_DONE);
  }

  @Test
  void shouldSendTheMidpointCheckHalfwayThroughTheWeeksAndCloseItAWeekLaterWhileTheWeeksGoOn() {
    ProcessInstance pi = start(8);
    startWeek(pi, 1);

    // Halfway through eight weeks: the end of week 4, whatever has been recorded.
    assertThat(engine.timerAt(pi, EVENT_HALFWAY)).hasDueDate(calendar.dueAt(COHORT, 4));
    engine.clockAt(calendar.dueAt(COHORT, 4).toInstant());
    execute(engine.timerAt(pi, EVENT_HALFWAY));
    execute(job(TASK_SEND_MIDPOINT_CHECK, pi));
    Assertions.assertThat(engine.steps().runsOf(SEND_MIDPOINT_CHECK)).extracting(run -> run.variable(TEAM_ID))
        .containsExactly(TEAM);
    assertThat(pi).isWaitingAt(EVENT_MIDPOINT_CHECK_CLOSES, TASK_RECORD_CHECK_IN);
    assertThat(engine.timerAt(pi, EVENT_MIDPOINT_CHECK_CLOSES))
        .hasDueDate(Date.from(calendar.dueAt(COHORT, 4).toInstant().plus(Duration.ofDays(7))));

    engine.clockAt(calendar.dueAt(COHORT, 5).toInstant());
    execute(engine.timerAt(pi, EVENT_MIDPOINT_CHECK_CLOSES));
    Assertions.assertThat(engine.steps().runsOf(CLOSE_MIDPOINT_CHECK)).extracting(run -> run.variable(TEAM_ID))
        .containsExactly(TEAM);
    assertThat(pi).hasPassed(TASK_CLOSE_MIDPOINT_CHECK).isWaitingAt(GATEWAY_TEAM_ENDS, TASK_RECORD_CHECK_IN);
  }

  @Test
  void shouldGiveAnOrganiserEachConcernOfTheMidpointCheckWhileTheWeeksGoOn() {
    ProcessInstance pi = start(2);
    startWeek(pi, 1);

    raiseConcern(501L);
    raiseConcern(502L);

    List<Task> concerns = openTasks(pi, TASK_FOLLOW_UP_CONCERN);
    Assertions.assertThat(concerns).hasSize(2).allSatisfy(task -> {
      assertThat(task).hasCandidateGroup("organisers").isNotAssigned();
      Assertions.assertThat(engine.deployedFormId(task)).isEqualTo(FORM_FOLLOW_UP_CONCERN);
    });
    Assertions.assertThat(engine.steps().runsOf(PREPARE_CONCERN))
        .extracting(Run::event, run -> run.variable(MIDPOINT_CHECK_ID), run -> run.variable(TEAM_ID))
        .containsExactly(tuple("create", 501L, TEAM), tuple("create", 502L, TEAM));
    startWeek(pi, 2);
    Assertions.assertThat(openTasks(pi, TASK_RECORD_CHECK_IN)).as("the weeks go on").hasSize(2);

    for (Task concern : concerns) {
      complete(concern, Map.of(FIELD_FOLLOW_UP, "Called them."));
    }
    Assertions.assertThat(engine.steps().runsOf(RECORD_FOLLOW_UP)).extracting(run -> run.variable(MIDPOINT_CHECK_ID))
        .containsExactlyInAnyOrder(501L, 502L);
    assertThat(pi).hasPassed(START_EVENT_CONCERN_RAISED, END_EVENT_CONCERN_FOLLOWED_UP)
        .hasNotPassed(END_EVENT_CONCERN_LEFT_OPEN);
  }

  @Test
  void shouldCloseAConcernNobodyFollowedUpWhenTheTeamsWeeksAreOver() {
    ProcessInstance pi = start(1);
    startWeek(pi, 1);
    raiseConcern(501L);
    recordWeek(pi);
    runMidpointCheck(pi);
    assertThat(pi).as("the concern is still open").isWaitingAt(TASK_FOLLOW_UP_CONCERN);

    engine.clockAt(calendar.escalateAt(COHORT, 1).toInstant());
    execute(engine.timerAt(pi, BOUNDARY_EVENT_CONCERN_WEEKS_OVER));

    assertThat(pi).isEnded().hasPassed(BOUNDARY_EVENT_CONCERN_WEEKS_OVER, END_EVENT_CONCERN_LEFT_OPEN,
        END_EVENT_TEAM_DONE).hasNotPassed(END_EVENT_CONCERN_FOLLOWED_UP);
    Assertions.assertThat(engine.steps().runsOf(RECORD_FOLLOW_UP)).isEmpty();
  }

  // Steps of a journey

  /** A mid-point answer raised a concern, as the mid-point feature's workflow tells the process. */
  private static void raiseConcern(long midpointCheckId) {
    runtimeService().createMessageCorrelation(MESSAGE_CONCERN_RAISED).processInstanceBusinessKey(String.valueOf(TEAM))
        .setVariablesToTriggeredScope(Map.of(MIDPOINT_CHECK_ID.name(), midpointCheckId)).correlate();
  }

  /** Runs the mid-point check beside the weeks: its timer, the sending, and its closing a week later. */
  private void runMidpointCheck(ProcessInstance pi) {
    execute(engine.timerAt(pi, EVENT_HALFWAY));
    execute(job(TASK_SEND_MIDPOINT_CHECK, pi));
    execute(engine.timerAt(pi, EVENT_MIDPOINT_CHECK_CLOSES));
  }

  /** A Navigator or Captain of the team steps down, as the team feature's workflow tells the process. */
  private static void stepDown(long stepDownId) {
    runtimeService().createMessageCorrelation(MESSAGE_VOLUNTEER_STEPPED_DOWN)
        .processInstanceBusinessKey(String.valueOf(TEAM))
        .setVariablesToTriggeredScope(Map.of(STEP_DOWN_ID.name(), stepDownId)).correlate();
  }

  /** A team's process as the cohort's call activity starts it. */
  private static ProcessInstance start(long weeks) {
    return runtimeService().startProcessInstanceByKey(KEY, String.valueOf(TEAM),
        Map.of(COHORT_ID.name(), COHORT, TEAM_ID.name(), TEAM, WEEKS.name(), weeks));
  }

  /** Moves the clock to the start of the week and fires the week's timer (and only it: reminders may be due too). */
  private void startWeek(ProcessInstance pi, long week) {
    engine.clockAt(calendar.startOf(COHORT, week).toInstant());
    Job timer = jobQuery().processInstanceId(pi.getId()).timers().activityId(EVENT_WEEK_STARTS).executable()
        .singleResult();
    assertThat(timer).hasDueDate(calendar.startOf(COHORT, week));
    execute(timer);
  }

  /** Completes the open check-ins and one-to-ones, each followed by its continuation (saved one by one). */
  private static void recordWeek(ProcessInstance pi) {
    for (String taskKey : List.of(TASK_RECORD_CHECK_IN, TASK_HOLD_ONE_TO_ONE)) {
      for (Task task : openTasks(pi, taskKey)) {
        complete(task);
        execute(job(jobQuery().messages().activityId(taskKey), pi));
      }
    }
  }

  private static List<Task> openTasks(ProcessInstance pi, String taskKey) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
  }
}
