package space.djangonaut.missioncontrol.volunteer;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
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
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.application.UnselectedApplicantsErasure;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.StepDownRepository;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamRepository;

/**
 * One person, several roles (issue 11), on the whole application with a real PostgreSQL and SMTP server: a
 * Navigator of one team who is a Captain in another, a reviewer who volunteers, a volunteer of two cohorts, and an
 * applicant of one cohort who volunteers in another keep one account and get every role's tasks, emails and links.
 */
@IntegrationTest
class SeveralRolesTest {

  private static final String PASSWORD = "a long enough secret";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired OutboxEmailRepository outbox;
  @Autowired UnselectedApplicantsErasure retention;
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
  void shouldGiveTheNavigatorOfOneTeamWhoIsACaptainInAnotherOneAccountWithBothRolesTasksAndTeams() {
    CohortDriver.Run run = driver.open(6, 3);
    List<Application> applied = driver.apply(run, 6);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    String both = TestData.uniqueEmail();
    Volunteer asNavigator = approve(signUp(run.cohort(), both, "Bo Both", "NAVIGATOR", "3"));
    Volunteer otherNavigator = approve(signUp(run.cohort(), TestData.uniqueEmail(), "Nia Other", "NAVIGATOR", "3"));
    Volunteer asCaptain = approve(signUp(run.cohort(), both, "Bo Both", "CAPTAIN", "6"));

    String userId = asNavigator.getUserId();
    Assertions.assertThat(asCaptain.getUserId()).as("one account for both roles").isEqualTo(userId);
    Assertions.assertThat(groups(userId)).contains(Roles.NAVIGATORS, Roles.CAPTAINS);
    Assertions.assertThat(Mailbox.text(last(Mailbox.messagesTo(both))))
        .contains("Your user name is " + userId, "the account you already have with us");
    choosePassword(both);

    driver.startCohort(run);
    driver.confirmTeams(run);
    List<Team> formed = teams.findByCohortIdOrderById(run.cohortId());
    Team own = formed.stream().filter(t -> t.getNavigatorVolunteerId().equals(asNavigator.getId())).findFirst()
        .orElseThrow();
    Team other = formed.stream().filter(t -> t.getNavigatorVolunteerId().equals(otherNavigator.getId()))
        .findFirst().orElseThrow();
    Assertions.assertThat(driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN))
        .filteredOn(t -> userId.equals(t.getAssignee())).as("their team's check-in").hasSize(1);
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7)).plusSeconds(60)));
    driver.drive(run);
    List<Task> oneToOnes = driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE);
    Assertions.assertThat(oneToOnes).as("the Captain's one-to-ones in both teams").hasSize(6)
        .allSatisfy(t -> Assertions.assertThat(t.getAssignee()).isEqualTo(userId));

    WebClient signedIn = signedIn(userId, PASSWORD);
    String mine = signedIn.get("/my/teams").body();
    Assertions.assertThat(mine).contains("/my/teams/" + own.getId(), "/my/teams/" + other.getId(), "Navigator",
        "Captain");
    Assertions.assertThat(signedIn.get("/my/teams/" + other.getId()).status()).as("a Captain in it").isEqualTo(200);
    Assertions.assertThat(outbox.findByRecipientOrderById(both)).filteredOn(e -> e.getTemplate()
        == MailTemplate.TEAM_WELCOME).as("both teams' welcomes").hasSize(2);

    // In their own team they are the Navigator and a Captain: stepping down as its Captain leaves that role only.
    WebClient.Response page = signedIn.get("/my/teams");
    Assertions.assertThat(signedIn.postForm("/my/teams/" + own.getId() + "/step-down", WebClient.form(page,
        Map.of("volunteerId", List.of(asCaptain.getId().toString())))).status()).isEqualTo(302);
    Assertions.assertThat(stepDowns.findByTeamIdOrderById(own.getId())).singleElement().satisfies(s -> {
      Assertions.assertThat(s.getVolunteerId()).isEqualTo(asCaptain.getId());
      Assertions.assertThat(s.getRole()).isEqualTo(VolunteerRole.CAPTAIN);
    });
  }

  @Test
  void shouldLetAReviewerWhoVolunteersAsANavigatorKeepTheirAccountWithBothRoles() {
    Cohort cohort = testData.openCohort();
    String reviewer = testData.reviewer();
    String email = reviewer + "@example.org";

    Volunteer navigator = approve(signUp(cohort, email, "Rita Reviewer", "NAVIGATOR", "3"));

    Assertions.assertThat(navigator.getUserId()).isEqualTo(reviewer);
    Assertions.assertThat(identityService.createUserQuery().userEmail(email).count()).isEqualTo(1);
    Assertions.assertThat(groups(reviewer)).contains(Roles.REVIEWERS, Roles.NAVIGATORS);
    Assertions.assertThat(identityService.checkPassword(reviewer, reviewer)).as("their password still works")
        .isTrue();
    WebClient signedIn = signedIn(reviewer, reviewer);
    Assertions.assertThat(signedIn.get("/my/teams").body()).contains("/camunda/app/tasklist/");
  }

  @Test
  void shouldGiveAVolunteerOfTheNextCohortTheAccountTheyHadInTheLastOne() {
    String email = TestData.uniqueEmail();
    Volunteer first = approve(signUp(testData.openCohort(), email, "Vic Twice", "CAPTAIN", "2"));
    choosePassword(email);

    Volunteer next = approve(signUp(testData.openCohort(), email, "Vic Twice", "NAVIGATOR", "3"));

    Assertions.assertThat(next.getUserId()).isEqualTo(first.getUserId());
    Assertions.assertThat(groups(first.getUserId())).contains(Roles.CAPTAINS, Roles.NAVIGATORS);
    Assertions.assertThat(identityService.checkPassword(first.getUserId(), PASSWORD)).isTrue();
  }

  @Test
  void shouldKeepTheEmailsOfACaptainWhenTheirEarlierUnselectedApplicationIsErasedAfterTheRetentionTime() {
    CohortDriver.Run earlier = driver.reviewedAndClosed(1, 2);
    Application rejected = earlier.ranked().get(1);
    driver.finalise(earlier, "#" + rejected.getId() + " rejected");
    Assertions.assertThat(applications.findById(rejected.getId()).orElseThrow().getOutcome())
        .isEqualTo(Outcome.REJECTED);
    String email = rejected.getEmail();

    CohortDriver.Run next = driver.open(3, 2);
    List<Application> djangonauts = driver.apply(next, 3);
    djangonauts.forEach(a -> driver.review(a, 4));
    driver.closeEarly(next);
    driver.finalise(next, "");
    driver.acceptAllOffers(next);
    driver.volunteer(next, VolunteerRole.NAVIGATOR, 3, List.of("Django core"),
        List.of("MON-18", "TUE-18", "WED-18", "THU-18"));
    String name = rejected.getName();
    Volunteer captain = approve(signUp(next.cohort(), email, name, "CAPTAIN", "3"));
    driver.startCohort(next);
    driver.confirmTeams(next);
    Assertions.assertThat(templates(email)).contains(MailTemplate.APPLICATION_RECEIVED,
        MailTemplate.APPLICATION_REJECTED, MailTemplate.VOLUNTEER_WELCOME, MailTemplate.TEAM_WELCOME);

    Cohort ended = earlier.cohort();
    ClockUtil.setCurrentTime(Date.from(ended.startsAt().plus(Duration.ofDays(7L * ended.getWeeks() + 181))));
    retention.eraseUnselectedAfterRetention();

    Assertions.assertThat(applications.findById(rejected.getId()).orElseThrow().getErasedAt()).isNotNull();
    Assertions.assertThat(templates(email)).as("the Captain's emails stay, the applicant's go")
        .contains(MailTemplate.VOLUNTEER_WELCOME, MailTemplate.TEAM_WELCOME)
        .doesNotContain(MailTemplate.APPLICATION_RECEIVED, MailTemplate.APPLICATION_REJECTED);
    Assertions.assertThat(outbox.findByRecipientOrderById(email)).filteredOn(e -> e.getTemplate()
        == MailTemplate.VOLUNTEER_WELCOME).singleElement()
        .satisfies(e -> Assertions.assertThat(e.getTextBody()).contains("/volunteers/password/"));
    Assertions.assertThat(volunteers.findById(captain.getId()).orElseThrow().getName()).isEqualTo(name);
    Assertions.assertThat(identityService.createUserQuery().userId(captain.getUserId()).count()).isEqualTo(1);
    Application djangonaut = applications.findById(djangonauts.get(0).getId()).orElseThrow();
    Assertions.assertThat(outbox.findByRecipientOrderById(djangonaut.getEmail())).filteredOn(e -> e.getTemplate()
        == MailTemplate.TEAM_WELCOME).singleElement().as("the team's welcome still names its Captain")
        .satisfies(e -> Assertions.assertThat(e.getTextBody()).contains(name + ", Captain of "));
  }

  private List<MailTemplate> templates(String email) {
    return outbox.findByRecipientOrderById(email).stream().map(OutboxEmail::getTemplate).toList();
  }

  private List<String> groups(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private Volunteer signUp(Cohort cohort, String email, String name, String role, String capacity) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of(name));
    answers.put("email", List.of(email));
    answers.put("role", List.of(role));
    answers.put("projects", List.of("Django core"));
    answers.put("availability", List.of("MON-18", "TUE-18", "WED-18", "THU-18"));
    answers.put("capacity", List.of(capacity));
    answers.put("codeOfConductAccepted", List.of("true"));
    WebClient.Response response = browser.postForm(path, WebClient.form(browser.get(path), answers));
    Assertions.assertThat(response.status()).isEqualTo(302);
    return volunteers.findByCohortIdOrderBySubmittedAt(cohort.getId()).stream()
        .filter(v -> v.getEmail().equals(email) && v.getRole().name().equals(role)).findFirst().orElseThrow();
  }

  /** An organiser approves the sign-up in Tasklist; the account is given and the welcome sent. */
  private Volunteer approve(Volunteer volunteer) {
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(VolunteerProcess.KEY).processInstanceBusinessKey(volunteer.getId().toString())
        .singleResult();
    String taskId = task(process).getId();
    taskService().claim(taskId, testData.organiser());
    taskService().complete(taskId, Map.of(VolunteerProcess.DECISION.name(), "approve"));
    execute(job(VolunteerProcess.TASK_SEND_WELCOME, process));
    return volunteers.findById(volunteer.getId()).orElseThrow();
  }

  private void choosePassword(String email) {
    String token = Mailbox.newestToken(email, "volunteers/password");
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/volunteers/password/" + token);
    Assertions.assertThat(browser.postForm("/volunteers/password/" + token, WebClient.form(page,
        Map.of("password", List.of(PASSWORD), "confirmation", List.of(PASSWORD)))).status()).isEqualTo(200);
  }

  private WebClient signedIn(String userId, String password) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(password))));
    Assertions.assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
