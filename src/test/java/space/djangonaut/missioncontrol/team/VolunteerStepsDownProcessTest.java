package space.djangonaut.missioncontrol.team;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.FIELD_REPLACEMENT_VOLUNTEER_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_HOLD_ONE_TO_ONE;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_RECORD_CHECK_IN;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_REPLACE_VOLUNTEER;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * A Navigator or Captain steps down during the weeks (team.bpmn's EventSubProcess_VolunteerSteppedDown, on the
 * whole application, a real PostgreSQL and SMTP server): an organiser chooses among the volunteers who fit the team
 * rules, the leaver's open tasks in the team move to the new person, the weeks to come are theirs, other teams are
 * untouched, and the new person and the team are told. Time moves by the engine's clock.
 */
@IntegrationTest
class VolunteerStepsDownProcessTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");
  private static final List<String> MORNINGS = List.of("MON-06", "TUE-06", "WED-06", "THU-06");

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired VolunteerRepository volunteers;
  @Autowired ApplicationRepository applications;
  @Autowired OutboxEmailRepository sentEmails;
  @Autowired StepDownRepository stepDowns;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldGiveTheOpenCheckInAndWeeksFourToEightToTheNavigatorWhoReplacesOneWhoStepsDownInWeek3() {
    CohortDriver.Run run = twoTeamsStarted(8);
    List<Team> formed = teams.findByCohortIdOrderById(run.cohortId());
    Team team = formed.get(0);
    Team other = formed.get(1);
    Volunteer leaving = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Volunteer otherNavigator = volunteers.findById(other.getNavigatorVolunteerId()).orElseThrow();
    // Approved after the teams were formed: one fits, one knows another project, one is free only in the mornings.
    Volunteer spare = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    Volunteer otherProject = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("django-allauth"), EVENINGS);
    Volunteer mornings = driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), MORNINGS);
    for (int week = 1; week <= 2; week++) {
      startWeek(run, week);
      recordOpenTasks(run);
    }
    startWeek(run, 3);

    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);
    WebClient.Response stranger = api.postJson("/api/teams/" + team.getId() + "/step-down",
        "{\"volunteerId\": " + otherNavigator.getId() + "}");
    Assertions.assertThat(stranger.status()).isEqualTo(400);
    Assertions.assertThat(stranger.body()).contains("volunteerId").contains("neither the Navigator of "
        + team.getName());
    WebClient.Response steppedDown = api.postJson("/api/teams/" + team.getId() + "/step-down",
        "{\"volunteerId\": " + leaving.getId() + "}");
    Assertions.assertThat(steppedDown.status()).isEqualTo(202);
    Assertions.assertThat(stepDowns.findByTeamIdOrderById(team.getId())).singleElement().satisfies(s -> {
      Assertions.assertThat(s.getVolunteerId()).isEqualTo(leaving.getId());
      Assertions.assertThat(s.getRole()).isEqualTo(VolunteerRole.NAVIGATOR);
      Assertions.assertThat(s.isByVolunteer()).as("an organiser recorded it").isFalse();
    });
    driver.drive(run);

    // The weeks go on: nothing waits for the replacement.
    Task replace = driver.openTasks(run, TASK_REPLACE_VOLUNTEER).get(0);
    Assertions.assertThat(checkInsOf(run, team)).extracting(Task::getAssignee).containsExactly(leaving.getUserId());
    String fitting = (String) taskService().getVariable(replace.getId(), "fittingReplacements");
    String others = (String) taskService().getVariable(replace.getId(), "otherVolunteers");
    Assertions.assertThat(fitting).isEqualTo("#" + spare.getId() + " " + spare.getName());
    Assertions.assertThat(others)
        .contains("#" + otherProject.getId() + " " + otherProject.getName() + ": " + team.getName()
            + ": Navigator " + otherProject.getName() + " does not know Django core.")
        .contains("#" + mornings.getId() + " " + mornings.getName() + ": " + team.getName()
            + " shares only 0 hours a week with its Navigator " + mornings.getName() + "; 5 are needed.")
        .contains("#" + otherNavigator.getId() + " " + otherNavigator.getName() + ": " + otherNavigator.getName()
            + " has 6 Djangonauts but offered to take 3.")
        .doesNotContain("#" + leaving.getId() + " ");
    taskService().claim(replace.getId(), organiser);
    Assertions.assertThatThrownBy(() -> taskService().complete(replace.getId(),
            Map.of(FIELD_REPLACEMENT_VOLUNTEER_ID, otherProject.getId())))
        .hasMessageContaining("replacementVolunteerId: #" + otherProject.getId()).hasMessageContaining("does not fit");
    Assertions.assertThat(teams.findById(team.getId()).orElseThrow().getNavigatorVolunteerId())
        .isEqualTo(leaving.getId());

    taskService().complete(replace.getId(), Map.of(FIELD_REPLACEMENT_VOLUNTEER_ID, spare.getId()));
    driver.drive(run);

    Assertions.assertThat(teams.findById(team.getId()).orElseThrow().getNavigatorVolunteerId())
        .isEqualTo(spare.getId());
    Assertions.assertThat(checkInsOf(run, team)).as("week 3's open check-in moved").extracting(Task::getAssignee)
        .containsExactly(spare.getUserId());
    Assertions.assertThat(checkInsOf(run, other)).extracting(Task::getAssignee)
        .containsExactly(otherNavigator.getUserId());
    Assertions.assertThat(templatesTo(spare.getEmail())).containsExactly(MailTemplate.VOLUNTEER_TAKES_OVER);
    Assertions.assertThat(Mailbox.text(Mailbox.messagesTo(spare.getEmail()).get(0)))
        .contains("taking over from " + leaving.getName() + " as the Navigator of " + team.getName());
    for (TeamMember member : members.findByTeamIdOrderById(team.getId())) {
      Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
      Assertions.assertThat(templatesTo(djangonaut.getEmail())).endsWith(MailTemplate.TEAM_VOLUNTEER_CHANGED);
    }
    for (TeamMember member : members.findByTeamIdOrderById(other.getId())) {
      Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
      Assertions.assertThat(templatesTo(djangonaut.getEmail())).doesNotContain(MailTemplate.TEAM_VOLUNTEER_CHANGED);
    }
    Assertions.assertThat(templatesTo(leaving.getEmail())).doesNotContain(MailTemplate.TEAM_VOLUNTEER_CHANGED);

    recordOpenTasks(run);
    for (int week = 4; week <= 8; week++) {
      startWeek(run, week);
      Assertions.assertThat(checkInsOf(run, team)).as("week %d", week).extracting(Task::getAssignee)
          .containsExactly(spare.getUserId());
      Assertions.assertThat(checkInsOf(run, other)).as("week %d", week).extracting(Task::getAssignee)
          .containsExactly(otherNavigator.getUserId());
      recordOpenTasks(run);
    }
    Assertions.assertThat(driver.openTasks(run, TASK_REPLACE_VOLUNTEER)).isEmpty();
  }

  @Test
  void shouldMoveTheOpenOneToOnesToTheCaptainWhoReplacesOneWhoStepsDownOnTheirTeamsPage() {
    CohortDriver.Run run = oneTeamStarted(4);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    Volunteer leaving = volunteers.findById(members.findByTeamIdOrderById(team.getId()).get(0)
        .getCaptainVolunteerId()).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Volunteer spare = driver.volunteer(run, VolunteerRole.CAPTAIN, 3, List.of(), EVENINGS);
    Volunteer tooSmall = driver.volunteer(run, VolunteerRole.CAPTAIN, 2, List.of(), EVENINGS);
    Volunteer mornings = driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), MORNINGS);
    startWeek(run, 1);
    recordOpenTasks(run);
    startWeek(run, 2);
    List<Task> oneToOnes = driver.openTasks(run, TASK_HOLD_ONE_TO_ONE);
    Assertions.assertThat(oneToOnes).hasSize(3).extracting(Task::getAssignee).containsOnly(leaving.getUserId());

    WebClient browser = signedIn(leaving.getUserId());
    WebClient.Response page = browser.get("/my/teams");
    Assertions.assertThat(page.status()).isEqualTo(200);
    Assertions.assertThat(page.body()).contains(team.getName()).contains("Step down from this team");
    WebClient.Response stepped = browser.postForm("/my/teams/" + team.getId() + "/step-down",
        WebClient.form(page, Map.of()));
    Assertions.assertThat(stepped.status()).isEqualTo(302);
    Assertions.assertThat(browser.get("/my/teams").body()).contains("An organiser will choose who takes over");
    Assertions.assertThat(stepDowns.findByTeamIdOrderById(team.getId())).singleElement()
        .satisfies(s -> Assertions.assertThat(s.isByVolunteer()).isTrue());
    driver.drive(run);

    Task replace = driver.openTasks(run, TASK_REPLACE_VOLUNTEER).get(0);
    Assertions.assertThat((String) taskService().getVariable(replace.getId(), "steppingDown"))
        .startsWith(leaving.getName() + " steps down as Captain of " + team.getName());
    Assertions.assertThat((String) taskService().getVariable(replace.getId(), "fittingReplacements"))
        .isEqualTo("#" + spare.getId() + " " + spare.getName());
    Assertions.assertThat((String) taskService().getVariable(replace.getId(), "otherVolunteers"))
        .contains("#" + tooSmall.getId() + " " + tooSmall.getName() + ": " + tooSmall.getName()
            + " has 3 Djangonauts but offered to take 2.")
        .contains("#" + mornings.getId() + " " + mornings.getName() + ": ")
        .contains("shares only 0 hours with their Captain " + mornings.getName() + ".");
    String organiser = testData.organiser();
    taskService().claim(replace.getId(), organiser);
    taskService().complete(replace.getId(), Map.of(FIELD_REPLACEMENT_VOLUNTEER_ID, spare.getId()));
    driver.drive(run);

    Assertions.assertThat(driver.openTasks(run, TASK_HOLD_ONE_TO_ONE)).hasSize(3).extracting(Task::getAssignee)
        .containsOnly(spare.getUserId());
    Assertions.assertThat(members.findByTeamIdOrderById(team.getId())).extracting(TeamMember::getCaptainVolunteerId)
        .containsOnly(spare.getId());
    Assertions.assertThat(templatesTo(spare.getEmail())).containsExactly(MailTemplate.VOLUNTEER_TAKES_OVER);
    Assertions.assertThat(templatesTo(navigator.getEmail())).endsWith(MailTemplate.TEAM_VOLUNTEER_CHANGED);
    Assertions.assertThat(Mailbox.text(Mailbox.messagesTo(navigator.getEmail()).get(
            Mailbox.messagesTo(navigator.getEmail()).size() - 1)))
        .contains(leaving.getName() + " has stepped down as the Captain of " + team.getName())
        .contains(spare.getName() + " takes over");

    recordOpenTasks(run);
    startWeek(run, 3);
    recordOpenTasks(run);
    startWeek(run, 4);
    Assertions.assertThat(driver.openTasks(run, TASK_HOLD_ONE_TO_ONE)).hasSize(3).extracting(Task::getAssignee)
        .containsOnly(spare.getUserId());
  }

  @Test
  void shouldRefuseAStepDownOnceTheTeamsWeeksAreOver() {
    CohortDriver.Run run = oneTeamStarted(1);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    startWeek(run, 1);
    recordOpenTasks(run);
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(14)).plusSeconds(60)));
    driver.drive(run);
    Assertions.assertThat(driver.teamProcesses(run)).isEmpty();

    String organiser = testData.organiser();
    WebClient.Response late = new WebClient(port).basicAuth(organiser, organiser).postJson(
        "/api/teams/" + team.getId() + "/step-down", "{\"volunteerId\": " + team.getNavigatorVolunteerId() + "}");

    Assertions.assertThat(late.status()).isEqualTo(409);
    Assertions.assertThat(late.body()).contains("The weeks of " + team.getName() + " are over");
  }

  // --- fixtures

  /** Six confirmed Djangonauts in two teams of three (Navigators take three), one Captain; welcomed. */
  private CohortDriver.Run twoTeamsStarted(int weeks) {
    CohortDriver.Run run = driver.open(6, weeks);
    List<Application> applied = driver.apply(run, 6);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.CAPTAIN, 6, List.of(), EVENINGS);
    driver.startCohort(run);
    driver.confirmTeams(run);
    Assertions.assertThat(teams.findByCohortIdOrderById(run.cohortId())).hasSize(2);
    return run;
  }

  /** Three confirmed Djangonauts in one team with one Navigator and one Captain; welcomed. */
  private CohortDriver.Run oneTeamStarted(int weeks) {
    CohortDriver.Run run = driver.open(3, weeks);
    List<Application> applied = driver.apply(run, 3);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    driver.startCohort(run);
    driver.confirmTeams(run);
    Assertions.assertThat(teams.findByCohortIdOrderById(run.cohortId())).hasSize(1);
    return run;
  }

  /** Moves the engine clock just past the start of a week and runs what is due. */
  private void startWeek(CohortDriver.Run run, int week) {
    Instant start = run.cohort().startsAt().plus(Duration.ofDays(7L * (week - 1)));
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(60)));
    driver.drive(run);
  }

  /** Each open check-in and one-to-one recorded by its assignee, as held. */
  private void recordOpenTasks(CohortDriver.Run run) {
    for (Task task : driver.openTasks(run, TASK_RECORD_CHECK_IN)) {
      Map<String, Object> form = new HashMap<>();
      form.put("checkInHeld", true);
      form.put("djangonautsAttended", 3L);
      form.put("attendees", "all");
      form.put("contributions", "#35123 progressed");
      form.put("prReviewComments", 0L);
      form.put("presentations", 0L);
      form.put("blockers", "none");
      taskService().complete(task.getId(), form);
    }
    for (Task task : driver.openTasks(run, TASK_HOLD_ONE_TO_ONE)) {
      taskService().complete(task.getId(), Map.of("oneToOneHeld", true, "oneToOneNotes", "Doing well"));
    }
    driver.drive(run);
  }

  private List<Task> checkInsOf(CohortDriver.Run run, Team team) {
    ProcessInstance teamProcess = driver.teamProcesses(run).stream()
        .filter(pi -> pi.getBusinessKey().equals(team.getId().toString())).findFirst().orElseThrow();
    return taskService().createTaskQuery().processInstanceId(teamProcess.getId())
        .taskDefinitionKey(TASK_RECORD_CHECK_IN).list();
  }

  private List<MailTemplate> templatesTo(String email) {
    return sentEmails.findByRecipientOrderById(email).stream().map(OutboxEmail::getTemplate).toList();
  }

  private WebClient signedIn(String userId) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(userId))));
    Assertions.assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }
}
