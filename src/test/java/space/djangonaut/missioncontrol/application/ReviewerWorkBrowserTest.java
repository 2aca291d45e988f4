package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.Accessibility;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Reviewers and organisers at work in Camunda Tasklist: a reviewer's list holds what they can still review, and the
 * organiser's tie-break shows the two reviews it settles.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewerWorkBrowserTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

  private Browser browser;

  @BeforeAll
  void startBrowser() {
    // Camunda's webapps offer to create the first administrator while none exists: make sure one does.
    testData.organiser();
    browser = new Browser();
  }

  /** What the browser showed, for a failure; then its cookies go, so that the next test starts logged out. */
  @AfterEach
  void screenshotAndLogOut(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.driver().manage().deleteAllCookies();
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }

  @Test
  void shouldShowAReviewerWhoScoredOneApplicationOnlyTheOneLeftToReview() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    Application scored = testData.applied(cohort);
    Application left = testData.applied(cohort);
    // Rosa takes a review of one application and scores it.
    Task taken = taskService.createTaskQuery().processInstanceBusinessKey(scored.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list().get(0);
    testData.review(taken, rosa, 4, "accept");

    browser.logInToTasklist(url(""), rosa);
    browser.click(filterLink(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW));
    browser.visible(card(left, cohort));

    // One card: the application she has not reviewed, once; not the second review of the one she scored.
    assertThat(browser.driver().findElements(cardsOf(cohort))).hasSize(1);
    assertThat(browser.driver().findElements(card(scored, cohort))).isEmpty();
    // Ravi, who has reviewed nothing, has each application once: the second review of the first, the other's.
    assertThat(namesInFilter(ravi)).containsExactlyInAnyOrder(reviewName(scored, cohort), reviewName(left, cohort));
    assertThat(namesInFilter(rosa)).containsExactly(reviewName(left, cohort));
  }

  @Test
  void shouldShowTheOrganiserResolvingADisagreementBothReviewsReadOnly() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    Cohort cohort = testData.openCohortReviewedBy(rosa + ", " + ravi);
    Application application = testData.applied(cohort);
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list();
    review(reviews.get(0), rosa, 5, "accept", "A clear plan and a first pull request.");
    review(reviews.get(1), ravi, 1, "reject", "Wants a job, not to contribute.");
    Task tieBreak = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_RESOLVE_DISAGREEMENT).singleResult();
    assertThat(tieBreak).isNotNull();
    String organiser = testData.organiser();

    browser.logInToTasklist(url(""), organiser);
    browser.open(url("/camunda/app/tasklist/#/?task=" + tieBreak.getId()));
    By firstComment = fieldLabelled("First review: comment");
    browser.waitFor(d -> valueOf(d.findElement(firstComment)).isEmpty() ? null : true);

    assertThat(valueOf(browser.visible(fieldLabelled("First review: by")))).isEqualTo(rosa);
    assertThat(valueOf(browser.visible(fieldLabelled("First review: scores"))))
        .isEqualTo("Motivation 5, experience fit 5, availability 5, community connection 5: 20 of 20");
    assertThat(valueOf(browser.visible(fieldLabelled("First review: recommendation")))).isEqualTo("accept");
    assertThat(valueOf(browser.visible(firstComment))).isEqualTo("A clear plan and a first pull request.");
    assertThat(valueOf(browser.visible(fieldLabelled("Second review: by")))).isEqualTo(ravi);
    assertThat(valueOf(browser.visible(fieldLabelled("Second review: scores"))))
        .isEqualTo("Motivation 1, experience fit 1, availability 1, community connection 1: 4 of 20");
    assertThat(valueOf(browser.visible(fieldLabelled("Second review: recommendation")))).isEqualTo("reject");
    assertThat(valueOf(browser.visible(fieldLabelled("Second review: comment"))))
        .isEqualTo("Wants a job, not to contribute.");
    // The programme rule that asked for this third review (bpmn/review-disagreement.dmn), in the organisers' words.
    assertThat(valueOf(browser.visible(fieldLabelled("Why a third review"))))
        .startsWith("One reviewer recommends accept, the other reject: an organiser's third review decides.")
        .endsWith("(Rule_AcceptAgainstReject of review-disagreement)");
    for (String label : List.of("First review: by", "First review: scores", "First review: comment",
        "Second review: recommendation", "Second review: comment")) {
      assertThat(browser.visible(fieldLabelled(label)).getAttribute("readonly")).as(label).isNotNull();
    }
    // The form is Mission Control's (forms/review-application.form); the rest of the page is Camunda's Tasklist.
    Accessibility.assertNoSeriousViolations(browser, "Tasklist: the tie-break form", ".fjs-container");
    // A reviewer's own review does not show those fields: there is nothing earlier to show.
    Application another = testData.applied(cohort);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(another.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list().get(0);
    browser.open(url("/camunda/app/tasklist/#/?task=" + review.getId()));
    browser.waitFor(d -> another.getName().equals(valueOf(d.findElement(fieldLabelled("Applicant")))) ? true : null);
    assertThat(browser.driver().findElements(fieldLabelled("First review: comment"))).isEmpty();
    assertThat(browser.driver().findElements(fieldLabelled("Why a third review"))).isEmpty();
  }

  // --- fixtures

  private void review(Task task, String reviewer, int score, String recommendation, String comment) {
    taskService.claim(task.getId(), reviewer);
    Map<String, Object> form = new HashMap<>(TestData.reviewForm(score, recommendation));
    form.put("reviewComment", comment);
    taskService.complete(task.getId(), form);
    testData.executeJobs(task.getProcessInstanceId());
  }

  /** The names of the tasks the reviewer's filter lists for them, as Tasklist asks for them. */
  private List<String> namesInFilter(String reviewer) {
    String filterId = filterService.createFilterQuery()
        .filterName(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW).singleResult().getId();
    String body = new WebClient(port).basicAuth(reviewer, reviewer)
        .get("/engine-rest/filter/" + filterId + "/list?maxResults=1000").body();
    return java.util.regex.Pattern.compile("\"name\":\"([^\"]*)\"").matcher(body).results()
        .map(match -> match.group(1).replace("\\u2013", "–")).filter(name -> name.startsWith("Review: ")).toList();
  }

  private static String reviewName(Application application, Cohort cohort) {
    return "Review: " + application.getName() + " – " + cohort.getName();
  }

  private static By card(Application application, Cohort cohort) {
    return By.xpath("//a[normalize-space()='" + reviewName(application, cohort) + "']");
  }

  private static By cardsOf(Cohort cohort) {
    return By.xpath("//a[starts-with(normalize-space(), 'Review: ') and contains(normalize-space(), '– "
        + cohort.getName() + "')]");
  }

  /** A Tasklist filter's link, by the start of its text: the count of tasks is appended to it once loaded. */
  private static By filterLink(String filter) {
    return By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
        + "//h4/a[starts-with(normalize-space(.), '" + filter + "')]");
  }

  /** The form-js input whose label starts with this text (form-js appends an asterisk to required labels). */
  private static By fieldLabelled(String label) {
    return By.xpath("//*[@id=//label[starts-with(normalize-space(.), '" + label + "')]/@for]");
  }

  private static String valueOf(WebElement field) {
    String value = field.getAttribute("value");
    return value == null ? "" : value;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
