package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * For each role, what it reaches and what it is refused through {@code /engine-rest}, whose authorizations are
 * those of Tasklist (same engine, same user, same groups).
 */
@IntegrationTest
class RoleAccessTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReviewRepository reviews;
  @Autowired FilterService filterService;
  @Autowired Accounts accounts;

  @Test
  void shouldLetAReviewerReadAndScoreReviewTasksButNothingElse() throws IOException {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    String reviewer = testData.reviewerOf(cohort);
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);

    WebClient.Response tasks = rest.get("/engine-rest/task?processInstanceBusinessKey=" + application.getId());
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.body()).contains("Task_ReviewApplication");
    String taskId = taskService.createTaskQuery().processInstanceId(process.getId()).list().get(0).getId();
    assertThat(rest.get("/engine-rest/task/" + taskId + "/form-variables").body())
        .contains("applicantMotivation").doesNotContain(application.getEmail());
    assertThat(rest.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + reviewer + "\"}")
        .status()).isEqualTo(204);
    WebClient.Response submitted = rest.postJson("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"scoreMotivation\":{\"value\":4},\"scoreExperience\":{\"value\":3},"
            + "\"scoreAvailability\":{\"value\":4},\"scoreCommunity\":{\"value\":5},"
            + "\"recommendation\":{\"value\":\"accept\"}}}");
    assertThat(submitted.status()).isIn(200, 204);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).hasSize(1);

    // Refused: process instances, their variables and history, other groups' tasks, deploying.
    assertThat(rest.get("/engine-rest/process-instance?businessKey=" + application.getId()).body()).isEqualTo("[]");
    assertThat(rest.get("/engine-rest/process-instance/" + process.getId() + "/variables").status()).isEqualTo(403);
    assertThat(rest.get("/engine-rest/history/variable-instance?processInstanceId=" + process.getId()).body())
        .isEqualTo("[]");
    assertThat(rest.get("/engine-rest/task?taskDefinitionKey=" + CohortProcess.TASK_FINALISE_SELECTION).body())
        .isEqualTo("[]");
    assertThat(rest.get("/engine-rest/filter").body()).contains("Applications to review")
        .doesNotContain("Cohort decisions");
    assertThat(deploy(rest).status()).isEqualTo(403);
  }

  @Test
  void shouldLetAReviewerReadButNeitherClaimNorCompleteAnOrganisersTieBreak() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = process(application);
    testData.executeJobs(process.getId());
    List<Task> reviewTasks = taskService.createTaskQuery().processInstanceId(process.getId()).list();
    testData.review(reviewTasks.get(0), testData.reviewer(), 5, "accept");
    testData.review(reviewTasks.get(1), testData.reviewer(), 1, "reject");
    Task tieBreak = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(tieBreak.getTaskDefinitionKey()).isEqualTo("Task_ResolveDisagreement");
    String reviewer = testData.reviewerOf(cohort);
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);

    assertThat(rest.get("/engine-rest/task/" + tieBreak.getId()).status()).isEqualTo(200);
    assertThat(rest.postJson("/engine-rest/task/" + tieBreak.getId() + "/claim", "{\"userId\":\"" + reviewer + "\"}")
        .status()).isEqualTo(403);
    assertThat(rest.postJson("/engine-rest/task/" + tieBreak.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(tieBreak.getId()).singleResult().getAssignee()).isNull();
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).hasSize(2);
  }

  @Test
  void shouldShowAReviewerOnlyTheApplicationsOfTheCohortsTheyReview() {
    Cohort theirs = testData.openCohort();
    Cohort other = testData.openCohort();
    Application mine = testData.apply(theirs);
    Application notMine = testData.apply(other);
    testData.executeJobs(process(mine).getId());
    testData.executeJobs(process(notMine).getId());
    String reviewer = testData.reviewerOf(theirs);
    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);
    Task otherTask = taskService.createTaskQuery().processInstanceId(process(notMine).getId()).list().get(0);

    assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + mine.getId()).body())
        .contains("Task_ReviewApplication");
    assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + notMine.getId()).body()).isEqualTo("[]");
    assertThat(rest.get("/engine-rest/task/" + otherTask.getId()).status()).isEqualTo(404);
    // The engine refuses these with "belongs to no authenticated tenant" (a 500 of its REST API): answered 403.
    WebClient.Response answers = rest.get("/engine-rest/task/" + otherTask.getId() + "/form-variables");
    assertThat(answers.status()).isEqualTo(403);
    assertThat(answers.body()).contains(RefusalMessages.NOT_YOUR_COHORT).doesNotContain(notMine.getName());
    assertThat(rest.postJson("/engine-rest/task/" + otherTask.getId() + "/claim",
        "{\"userId\":\"" + reviewer + "\"}").status()).isNotEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(otherTask.getId()).singleResult().getAssignee()).isNull();
    String filterId = filterService.createFilterQuery()
        .filterName(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW).singleResult().getId();
    assertThat(rest.get("/engine-rest/filter/" + filterId + "/list?maxResults=1000").body())
        .contains(mine.getName()).doesNotContain(notMine.getName());
  }

  @Test
  void shouldGiveAReviewerInTasklistTheSameRightsAsThroughTheRestApi() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    testData.executeJobs(process(application).getId());
    String reviewer = testData.reviewerOf(cohort);
    WebClient tasklist = new WebClient(port);
    tasklist.get("/camunda/app/tasklist/");
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));

    WebClient.Response login = tasklist.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", List.of(reviewer), "password", List.of(reviewer)));
    assertThat(login.status()).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default";

    assertThat(tasklist.get(api + "/task?processInstanceBusinessKey=" + application.getId()).body())
        .contains("Task_ReviewApplication");
    assertThat(tasklist.get(api + "/process-instance?businessKey=" + application.getId()).body()).isEqualTo("[]");
    assertThat(tasklist.get(api + "/process-instance/" + process(application).getId() + "/variables").status())
        .isEqualTo(403);
    assertThat(tasklist.get(api + "/filter").body()).contains("Applications to review")
        .doesNotContain("Volunteers to approve");
    // The filter's task cards, as Tasklist lists them, name the applicant.
    String filterId = filterService.createFilterQuery()
        .filterName(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW).singleResult().getId();
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    WebClient.Response cards = tasklist.header("Accept", "application/hal+json").postJson(
        api + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        "{\"processInstanceBusinessKey\":\"" + application.getId() + "\"}");
    assertThat(cards.status()).isEqualTo(200);
    assertThat(cards.body()).contains("\"name\":\"Review: " + application.getName() + " – ");
    tasklist.header("Accept", "application/json");
    // With a valid CSRF token and password, Cockpit still refuses a reviewer.
    WebClient.Response cockpit = tasklist.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
        Map.of("username", List.of(reviewer), "password", List.of(reviewer)));
    assertThat(cockpit.status()).isEqualTo(403);
  }

  @Test
  void shouldShowEachNavigatorOnlyTheirOwnTeamsCheckInAndCaptainsNone() {
    CohortDriver.Run run = driver.open(6, 2);
    List<Application> applied = driver.apply(run, 6);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer first = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    Volunteer second = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 6, List.of(), EVENINGS);
    driver.startCohort(run);
    driver.confirmTeams(run);

    for (Volunteer navigator : List.of(first, second)) {
      WebClient rest = new WebClient(port).basicAuth(navigator.getUserId(), navigator.getUserId());
      WebClient.Response mine = rest.get("/engine-rest/task?taskDefinitionKey=" + TeamProcess.TASK_RECORD_CHECK_IN);
      assertThat(mine.body().split("\"id\"", -1)).hasSize(2);
      assertThat(mine.body()).contains("\"assignee\":\"" + navigator.getUserId() + "\"");
      assertThat(rest.get("/engine-rest/filter").body()).contains("My check-ins").doesNotContain("Applications");
    }
    WebClient asCaptain = new WebClient(port).basicAuth(captain.getUserId(), captain.getUserId());
    assertThat(asCaptain.get("/engine-rest/task?taskDefinitionKey=" + TeamProcess.TASK_RECORD_CHECK_IN).body())
        .isEqualTo("[]");
    Task checkIn = driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN).get(0);
    assertThat(asCaptain.get("/engine-rest/task/" + checkIn.getId() + "/form-variables").status()).isEqualTo(403);
  }

  @Test
  void shouldSendEachRoleToItsOwnStartAfterSigningIn() {
    assertThat(signInLandsOn(testData.organiser())).endsWith("/organiser/cohorts");
    assertThat(signInLandsOn(testData.reviewer())).endsWith("/camunda/app/tasklist/");
    String navigator = TestData.uniqueUserId("navigator");
    accounts.ensureUser(navigator, navigator, "Nadia", "Navigator", navigator + "@example.org", Roles.NAVIGATORS);
    assertThat(signInLandsOn(navigator)).endsWith("/my/teams");
  }

  @Test
  void shouldRefuseAnApiCallThatRidesOnAnOrganisersSessionWithoutACsrfToken() {
    CohortDriver.Run run = driver.open(2);
    String close = "/api/cohorts/" + run.cohort().getSlug() + "/close";
    String organiser = testData.organiser();
    WebClient browser = new WebClient(port);
    assertThat(browser.postForm("/login", WebClient.form(browser.get("/login"), Map.of("username",
        List.of(organiser), "password", List.of(organiser)))).header("Location")).endsWith("/organiser/cohorts");

    // What another site's form can make the organiser's browser send: the session cookie, no token.
    assertThat(browser.postForm(close, Map.of()).status()).isEqualTo(403);
    assertThat(browser.get("/api/cohorts/" + run.cohort().getSlug()).body()).as("still open")
        .contains("\"applicationsClosedAt\":null");
    assertThat(new WebClient(port).basicAuth(organiser, organiser).postForm(close, Map.of())
        .status()).as("the API called with HTTP Basic").isEqualTo(200);
  }

  private String signInLandsOn(String user) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(user), "password", List.of(user))));
    assertThat(login.status()).isEqualTo(302);
    return login.header("Location");
  }

  @Test
  void shouldLetAnOrganiserReadEverythingAndDeploy() throws IOException {
    Application application = testData.apply(testData.openCohort());
    String organiser = testData.organiser();
    WebClient rest = new WebClient(port).basicAuth(organiser, organiser);

    assertThat(rest.get("/engine-rest/process-instance?businessKey=" + application.getId()).body())
        .contains(process(application).getId());
    assertThat(deploy(rest).status()).isEqualTo(200);
    assertThat(new WebClient(port).get("/engine-rest/task").status()).isEqualTo(401);
  }

  private ProcessInstance process(Application application) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(application.getId().toString())
        .singleResult();
  }

  /** A deployment from Camunda Modeler: the diagram with the forms it names (DeploymentChecks refuses it alone). */
  private static WebClient.Response deploy(WebClient rest) throws IOException {
    return rest.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mission-control", "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"),
        Map.of("application.bpmn", Files.readAllBytes(Path.of("bpmn/application.bpmn")),
            "review-application.form", Files.readAllBytes(Path.of("forms/review-application.form")),
            "place-in-team.form", Files.readAllBytes(Path.of("forms/place-in-team.form"))));
  }
}
