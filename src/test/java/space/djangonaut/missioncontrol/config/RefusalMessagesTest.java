package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * A task that refuses what someone typed tells them why in their words (issue 10, fault 7): through
 * {@code /engine-rest} and through the API Tasklist itself calls ({@code /camunda/api/engine}), a refusal by one of
 * our task listeners is a 400 in Camunda's error JSON whose message is the reason alone, without the engine's
 * wrapper ("ENGINE-03051 There was an exception while invoking the TaskListener ...").
 */
@IntegrationTest
class RefusalMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What people must not read: the engine's codes, its wrappers, Java class and package names. */
  private static final Pattern JARGON = Pattern.compile(
      "ENGINE-\\d+|TaskListener|Cannot (submit|complete)|\\b[A-Z]\\w*(Exception|Error)\\b|\\b(org|java|jakarta)\\.[a-z]");
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ApplicationRepository applications;
  @Autowired ReviewRepository reviews;

  @Test
  void shouldRefuseAnUnreadableSelectionLineWithTheReasonAloneInTasklistAndTheRestApi() {
    CohortDriver.Run run = driver.reviewedAndClosed(2, 2);
    String organiser = testData.organiser();
    Task selection = driver.openTasks(run, CohortProcess.TASK_FINALISE_SELECTION).get(0);
    taskService.claim(selection.getId(), organiser);
    String typo = "#" + run.ranked().get(1).getId() + " acepted";
    String body = "{\"variables\":{\"selectionChanges\":{\"value\":\"" + typo + "\",\"type\":\"String\"}}}";
    String reason = "selectionChanges, line 1: write #<application id> followed by accepted, waitlisted or rejected"
        + " (\"" + typo + "\").";

    WebClient rest = new WebClient(port).basicAuth(organiser, organiser);
    assertRefusedWith(rest.postJson("/engine-rest/task/" + selection.getId() + "/submit-form", body), reason);
    assertRefusedWith(rest.postJson("/engine-rest/task/" + selection.getId() + "/complete", body), reason);
    WebClient tasklist = tasklist(organiser);
    assertRefusedWith(tasklist.postJson(TASKLIST_API + "/task/" + selection.getId() + "/submit-form", body), reason);

    assertThat(taskService.createTaskQuery().taskId(selection.getId()).count()).isEqualTo(1);
    assertThat(applications.findAllById(run.ranked().stream().map(Application::getId).toList()))
        .allSatisfy(application -> assertThat(application.getOutcome()).isNull());
  }

  @Test
  void shouldRefuseASelectionLineWithAnIdPastTheLargestThereCanBeAsNotAnApplicationOfTheCohort() {
    CohortDriver.Run run = driver.reviewedAndClosed(2, 2);
    String organiser = testData.organiser();
    Task selection = driver.openTasks(run, CohortProcess.TASK_FINALISE_SELECTION).get(0);
    taskService.claim(selection.getId(), organiser);
    String body = "{\"variables\":{\"selectionChanges\":{\"value\":\"#99999999999999999999 accepted\","
        + "\"type\":\"String\"}}}";

    assertRefusedWith(new WebClient(port).basicAuth(organiser, organiser)
            .postJson("/engine-rest/task/" + selection.getId() + "/submit-form", body),
        "selectionChanges, line 1: #99999999999999999999 is not a reviewed application of this cohort.");
    assertThat(taskService.createTaskQuery().taskId(selection.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAReviewScoreOutOfRangeWithTheReasonAloneInTasklistAndTheRestApi() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    String processId = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId();
    testData.executeJobs(processId);
    String reviewer = testData.reviewerOf(cohort);
    Task review = taskService.createTaskQuery().processInstanceId(processId)
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list().get(0);
    taskService.claim(review.getId(), reviewer);
    String body = "{\"variables\":{\"scoreMotivation\":{\"value\":7},\"scoreExperience\":{\"value\":3},"
        + "\"scoreAvailability\":{\"value\":4},\"scoreCommunity\":{\"value\":5},"
        + "\"recommendation\":{\"value\":\"accept\"}}}";
    String reason = "scoreMotivation: give a whole number from 1 to 5.";

    WebClient rest = new WebClient(port).basicAuth(reviewer, reviewer);
    assertRefusedWith(rest.postJson("/engine-rest/task/" + review.getId() + "/submit-form", body), reason);
    assertRefusedWith(tasklist(reviewer).postJson(TASKLIST_API + "/task/" + review.getId() + "/submit-form", body),
        reason);

    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo(reviewer);
  }

  @Test
  void shouldRefuseAReviewersClaimOnTheSecondReviewOfAnApplicationWithTheReasonAlone() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    String processId = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId();
    testData.executeJobs(processId);
    String reviewer = testData.reviewerOf(cohort);
    List<Task> both = taskService.createTaskQuery().processInstanceId(processId)
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list();
    taskService.claim(both.get(0).getId(), reviewer);
    String claim = "{\"userId\":\"" + reviewer + "\"}";

    assertRefusedWith(new WebClient(port).basicAuth(reviewer, reviewer)
            .postJson("/engine-rest/task/" + both.get(1).getId() + "/claim", claim),
        "You already hold a review of this application; the other review must come from someone else.");
    assertRefusedWith(tasklist(reviewer).postJson(TASKLIST_API + "/task/" + both.get(1).getId() + "/claim", claim),
        "You already hold a review of this application; the other review must come from someone else.");

    assertThat(taskService.createTaskQuery().taskId(both.get(1).getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void shouldRefuseATasklistStartFormWithTheReasonAlone() {
    String organiser = testData.organiser();
    java.time.LocalDate today = java.time.LocalDate.now();
    String slug = TestData.unique("start");
    String body = "{\"variables\":{\"name\":{\"value\":\"Session from Tasklist\"},\"slug\":{\"value\":\"" + slug
        + "\"},\"applicationsOpenOn\":{\"value\":\"" + today + "\"},\"applicationsCloseOn\":{\"value\":\""
        + today.minusDays(1) + "\"},\"startsOn\":{\"value\":\"" + today.plusDays(50) + "\"},"
        + "\"capacity\":{\"value\":18,\"type\":\"Long\"}}}";

    WebClient.Response refused = tasklist(organiser).postJson(
        TASKLIST_API + "/process-definition/key/" + CohortProcess.KEY + "/submit-form", body);

    assertRefusedWith(refused, "Applications must close on or after the day they open.");
  }

  @Test
  void shouldTellSomeoneWhoOpensAPageThatDoesNotExistOrIsNotTheirsInPlainWords() {
    WebClient browser = new WebClient(port).header("Accept", "text/html");
    String reviewer = testData.reviewer();

    WebClient.Response missing = browser.get("/cohorts/" + TestData.unique("no-such-cohort") + "/apply");
    WebClient.Response notTheirs = new WebClient(port).header("Accept", "text/html").basicAuth(reviewer, reviewer)
        .get("/organiser/accounts");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("We cannot find this page").doesNotContain("Whitelabel")
        .doesNotContain("explicit mapping").doesNotContainPattern(JARGON);
    assertThat(notTheirs.status()).isEqualTo(403);
    assertThat(notTheirs.body()).contains("This page is not for this account").doesNotContain("Whitelabel")
        .doesNotContainPattern(JARGON);
  }

  /** A 400 in Camunda's error JSON ({@code type}, {@code message}, {@code code}) whose message is the reason. */
  private static void assertRefusedWith(WebClient.Response response, String reason) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode error = read(response.body());
    assertThat(error.path("message").asText()).isEqualTo(reason).doesNotContainPattern(JARGON);
    assertThat(error.has("type")).isTrue();
  }

  private WebClient tasklist(String user) {
    WebClient tasklist = new WebClient(port);
    tasklist.get("/camunda/app/tasklist/");
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    assertThat(tasklist.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", List.of(user), "password", List.of(user))).status()).isEqualTo(200);
    // The login starts a new session, whose CSRF token Tasklist's next page load receives.
    tasklist.get("/camunda/app/tasklist/");
    tasklist.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    return tasklist;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }
}
