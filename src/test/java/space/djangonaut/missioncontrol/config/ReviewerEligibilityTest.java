package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.application.ReviewService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Who may review an application (found by a hostile reviewer after issue 11): never its applicant, never a cohort
 * reviewed by one person, and never someone the cohort's reviewers were changed away from.
 */
@IntegrationTest
class ReviewerEligibilityTest {

  private static final String ENGINE_REST = "/engine-rest";
  private static final String REVIEW_FORM = "{\"variables\":{\"scoreMotivation\":{\"value\":5},"
      + "\"scoreExperience\":{\"value\":5},\"scoreAvailability\":{\"value\":5},\"scoreCommunity\":{\"value\":5},"
      + "\"recommendation\":{\"value\":\"accept\"}}}";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationService applications;
  @Autowired CohortReviewers cohortReviewers;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReviewRepository reviews;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldNeverOfferNorLetAReviewerClaimOrCompleteTheReviewOfTheirOwnApplication() throws IOException {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    Application own = applyAs(cohort, rosa.toUpperCase() + "@Example.org");
    WebClient rest = new WebClient(port).basicAuth(rosa, rosa);
    Task first = reviewsOf(own).get(0);

    assertThat(candidateUsers(first)).containsExactly(ravi);
    assertThat(applicationsToReview(rest)).doesNotContain(first.getId());
    WebClient.Response claimed = rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/claim",
        "{\"userId\":\"" + rosa + "\"}");
    assertThat(claimed.status()).isEqualTo(403);
    assertThat(claimed.body()).contains(ReviewService.OWN_APPLICATION).doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isNull();

    // Assigned behind the engine's back (as an older version could): completing it is refused all the same.
    jdbc.update("update act_ru_task set assignee_ = ? where id_ = ?", rosa, first.getId());
    WebClient.Response submitted = rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/submit-form",
        REVIEW_FORM);
    assertThat(submitted.status()).isEqualTo(403);
    assertThat(submitted.body()).contains(ReviewService.OWN_APPLICATION);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(own.getId())).isEmpty();
  }

  @Test
  void shouldKeepTheReviewOfTheirOwnApplicationFromAReviewerWhenTheCohortIsReviewedByAGroup() throws IOException {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    String panel = TestData.uniqueUserId("panel");
    Group group = identityService.newGroup(panel);
    group.setName(panel);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    identityService.createMembership(rosa, panel);
    identityService.createMembership(ravi, panel);
    Cohort cohort = testData.openCohortReviewedBy(panel);
    Application own = applyAs(cohort, rosa + "@example.org");
    Application other = applyAs(cohort, TestData.uniqueEmail());
    WebClient rest = new WebClient(port).basicAuth(rosa, rosa);
    Task first = reviewsOf(own).get(0);

    assertThat(candidateUsers(first)).containsExactly(ravi);
    assertThat(applicationsToReview(rest)).doesNotContain(first.getId()).contains(reviewsOf(other).get(0).getId());
    WebClient.Response claimed = rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/claim",
        "{\"userId\":\"" + rosa + "\"}");
    assertThat(claimed.status()).isEqualTo(403);
    assertThat(claimed.body()).contains(ReviewService.OWN_APPLICATION);

    WebClient raviRest = new WebClient(port).basicAuth(ravi, ravi);
    assertThat(raviRest.postJson(ENGINE_REST + "/task/" + first.getId() + "/claim",
        "{\"userId\":\"" + ravi + "\"}").status()).isEqualTo(204);
    assertThat(candidateUsers(reviewsOf(own).get(1))).doesNotContain(rosa, ravi);
  }

  @Test
  void shouldRefuseOneNamedReviewerWithAFormMessageWhenOpeningACohortOrChangingItsReviewers() {
    String organiser = testData.organiser();
    String rosa = testData.reviewer();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    Map<String, List<String>> fields = Map.of("name", List.of("Solo " + TestData.unique("c")),
        "slug", List.of(TestData.unique("solo")), "applicationsOpenOn", List.of("2030-01-01"),
        "applicationsCloseOn", List.of("2030-01-15"), "startsOn", List.of("2030-03-01"), "capacity", List.of("2"),
        "reviewers", List.of(rosa));

    WebClient.Response created = client.postForm("/organiser/cohorts",
        WebClient.form(client.get("/organiser/cohorts/new"), fields));

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.body()).contains("Name at least 2 reviewers");

    String ravi = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    String page = "/organiser/cohorts/" + cohort.getSlug();
    WebClient.Response changed = client.postForm(page + "/reviewers",
        WebClient.form(client.get(page), Map.of("reviewers", List.of(rosa))));

    assertThat(changed.status()).isBetween(300, 399);
    assertThat(client.get(page).body()).contains("Name at least 2 reviewers");
    assertThat(cohortReviewers.of(cohort).users()).containsExactlyInAnyOrder(rosa, ravi);
  }

  @Test
  void shouldWarnOnTheCohortPageWhenTheOnlyReviewerLeftHasReviewedAnOpenApplication() {
    String rosa = testData.reviewer();
    String panel = TestData.uniqueUserId("panel");
    Group group = identityService.newGroup(panel);
    group.setName(panel);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    identityService.createMembership(rosa, panel);
    Cohort cohort = testData.openCohortReviewedBy(panel);
    Application application = applyAs(cohort, TestData.uniqueEmail());
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    String page = "/organiser/cohorts/" + cohort.getSlug();
    assertThat(client.get(page).body()).doesNotContain("id=\"too-few-reviewers\"");
    WebClient rest = new WebClient(port).basicAuth(rosa, rosa);
    String first = reviewsOf(application).get(0).getId();
    rest.postJson(ENGINE_REST + "/task/" + first + "/claim", "{\"userId\":\"" + rosa + "\"}");
    assertThat(rest.postJson(ENGINE_REST + "/task/" + first + "/submit-form", REVIEW_FORM).status()).isEqualTo(204);

    assertThat(client.get(page).body()).contains("id=\"too-few-reviewers\"")
        .contains("wait for a review that nobody can give");
  }

  @Test
  void shouldHandBackAReviewClaimedBySomeoneWhoNoLongerReviewsTheCohortAndAnswerThemPlainly() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    String nora = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    Application application = applyAs(cohort, TestData.uniqueEmail());
    WebClient rest = new WebClient(port).basicAuth(rosa, rosa);
    Task first = reviewsOf(application).get(0);
    assertThat(rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/claim",
        "{\"userId\":\"" + rosa + "\"}").status()).isEqualTo(204);

    cohortReviewers.assign(cohort, ravi + ", " + nora);

    assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isNull();
    assertThat(candidateUsers(first)).isNotEmpty().doesNotContain(rosa);
    WebClient.Response submitted = rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/submit-form",
        REVIEW_FORM);
    assertThat(submitted.status()).isIn(403, 404);
    assertThat(submitted.body()).doesNotContain("ENGINE-");
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(application.getId())).isEmpty();
  }

  @Test
  void shouldAnswerPlainly403WhenSomeoneWorksOnATaskOfACohortTheyNoLongerReview() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    String nora = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    Application application = applyAs(cohort, TestData.uniqueEmail());
    Task first = reviewsOf(application).get(0);
    WebClient rest = new WebClient(port).basicAuth(rosa, rosa);
    assertThat(rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/claim",
        "{\"userId\":\"" + rosa + "\"}").status()).isEqualTo(204);
    cohortReviewers.assign(cohort, ravi + ", " + nora);
    // Still hers, as the task was before the reviewers changed.
    jdbc.update("update act_ru_task set assignee_ = ? where id_ = ?", rosa, first.getId());

    WebClient.Response submitted = rest.postJson(ENGINE_REST + "/task/" + first.getId() + "/submit-form",
        REVIEW_FORM);

    assertThat(submitted.status()).isEqualTo(403);
    assertThat(submitted.body()).contains(RefusalMessages.NOT_YOUR_COHORT).doesNotContain("ENGINE-");
  }

  private Application applyAs(Cohort cohort, String email) {
    Application application = applications.submit(cohort.getSlug(), TestData.applicationForm(email));
    testData.executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId());
    return application;
  }

  private List<Task> reviewsOf(Application application) {
    return taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list();
  }

  private List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getUserId).filter(user -> user != null).toList();
  }

  /** The task ids of the reviewer's filter "Applications to review", as Tasklist lists it. */
  private static List<String> applicationsToReview(WebClient rest) throws IOException {
    ObjectMapper json = new ObjectMapper();
    WebClient.Response filters = rest.get(ENGINE_REST + "/filter?name="
        + URLEncoder.encode(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW, StandardCharsets.UTF_8));
    String id = json.readTree(filters.body()).get(0).path("id").asText();
    WebClient.Response list = rest.postJson(ENGINE_REST + "/filter/" + id + "/list?maxResults=1000", "{}");
    assertThat(list.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : json.readTree(list.body())) {
      ids.add(task.path("id").asText());
    }
    return ids;
  }
}
