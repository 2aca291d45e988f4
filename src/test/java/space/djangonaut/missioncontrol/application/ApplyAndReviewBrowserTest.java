package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;
import space.djangonaut.missioncontrol.support.Accessibility;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;

/** A newcomer applies in a real browser; a reviewer scores the application in Camunda Tasklist with its form. */
@IntegrationTest
class ApplyAndReviewBrowserTest {

  private static final String MOTIVATION =
      "I learnt Python with Django and would love to give back by contributing to Django itself.";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired ReviewRepository reviews;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private Browser browser;

  @BeforeEach
  void startBrowser() {
    // Camunda's webapps offer to create the first administrator while none exists: make sure one does.
    testData.organiser();
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void shouldLetANewcomerApplyAndAReviewerScoreTheApplicationInTasklist() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String name = "Grace " + TestData.uniqueUserId("h");

    // A newcomer fills in the form, with a motivation too short to be accepted.
    browser.open(url("/cohorts/" + cohort.getSlug() + "/apply"));
    Accessibility.assertNoSeriousViolations(browser, "apply form");
    browser.type(By.id("name"), name);
    browser.type(By.id("email"), email);
    browser.type(By.id("pronouns"), "she/her");
    new Select(browser.visible(By.id("timezone"))).selectByValue("America/Sao_Paulo");
    browser.clickable(By.id("slot-TUE-18")).click();
    browser.clickable(By.id("slot-THU-21")).click();
    browser.type(By.id("hoursPerWeek"), "4");
    browser.clickable(By.cssSelector("input[name=djangoExperience][value=PERSONAL]")).click();
    browser.type(By.id("experienceDetails"), "A recipe site with Django and HTMX.");
    browser.type(By.id("motivation"), "To learn.");
    new Select(browser.visible(By.id("project"))).selectByVisibleText("Django REST framework");
    browser.type(By.id("contributionUrl"), "https://github.com/grace/recipes");
    browser.clickable(By.id("codeOfConductAccepted1")).click();
    browser.clickToLeavePage(By.id("submit-application"));

    WebElement summary = browser.visible(By.id("error-summary"));
    assertThat(summary.getText()).contains("Tell us a little more about why you want to join");
    Accessibility.assertNoSeriousViolations(browser, "apply form with errors");
    Accessibility.assertFieldErrorsDescribeTheirFields(browser, "apply form with errors");
    assertThat(browser.visible(By.id("name")).getAttribute("value")).isEqualTo(name);
    assertThat(browser.visible(By.id("slot-TUE-18")).isSelected()).isTrue();

    // ... fixes it and sends it.
    browser.type(By.id("motivation"), MOTIVATION);
    // The form's page has an h1 too: look for the heading only once the browser has left it.
    browser.clickToLeavePage(By.id("submit-application"));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Thank you for applying");
    Accessibility.assertNoSeriousViolations(browser, "applied");

    Application application = applications.findAll().stream().filter(a -> a.getEmail().equals(email))
        .findFirst().orElseThrow();
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    assertThat(Mailbox.messagesTo(email)).hasSize(1);

    // A reviewer logs in to Tasklist and opens the review of this application.
    String reviewer = testData.reviewerOf(cohort);
    List<String> reviewTaskIds = taskService.createTaskQuery().processInstanceId(process.getId()).list().stream()
        .map(Task::getId).toList();
    browser.logInToTasklist(url(""), reviewer);
    // ... picks the filter, and finds the application by the applicant's name. Tasklist appends the number of tasks
    // to the filter's link once it has counted them, and re-renders its filters and tasks as it refreshes: match
    // the link by the start of its text, and click the filter's link and the task's anew should they be replaced.
    browser.click(filterLink(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW));
    browser.visible(activeFilter(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW));
    browser.click(By.xpath("//a[contains(normalize-space(), 'Review: " + name + "')]"));
    browser.waitFor(d -> reviewTaskIds.stream().anyMatch(id -> d.getCurrentUrl().contains("task=" + id)) ? true : null);

    browser.click(By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']"));
    // Claimed: Tasklist offers to unclaim, and the form is no longer disabled (only then do fields keep input).
    browser.visible(By.cssSelector("button.unclaim"));
    browser.waitFor(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty() ? true : null);
    By motivation = fieldLabelled("Why they want to join");
    String shown = browser.waitFor(d -> valueOf(d.findElement(motivation)).isEmpty() ? null
        : valueOf(d.findElement(motivation)));
    assertThat(shown).isEqualTo(MOTIVATION);
    // The form is Mission Control's (forms/review-application.form); the rest of the page is Camunda's Tasklist.
    Accessibility.assertNoSeriousViolations(browser, "Tasklist: the review form", ".fjs-container");
    assertThat(browser.visible(motivation).getAttribute("readonly")).isNotNull();
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("she/her")
        .doesNotContain(email);

    score("Motivation", "5");
    score("Experience fit", "4");
    score("Availability", "3");
    score("Community connection", "4");
    // form-js debounces what is typed and flushes it when the field loses focus: leave each field with Tab.
    browser.type(fieldLabelled("Comment for the organisers"), "Clear motivation and a real project." + Keys.TAB);
    browser.click(By.xpath("//label[normalize-space()='Accept']"));
    browser.click(By.xpath("//button[normalize-space()='Complete']"));

    List<Review> recorded = browser.waitFor(d -> {
      List<Review> found = reviews.findByApplicationIdOrderByReviewedAt(application.getId());
      return found.isEmpty() ? null : found;
    });
    assertThat(recorded).singleElement().satisfies(r -> {
      assertThat(r.getReviewer()).isEqualTo(reviewer);
      assertThat(List.of(r.getScoreMotivation(), r.getScoreExperience(), r.getScoreAvailability(),
          r.getScoreCommunity())).containsExactly(5, 4, 3, 4);
      assertThat(r.getRecommendation()).isEqualTo(Recommendation.ACCEPT);
      assertThat(r.getComment()).isEqualTo("Clear motivation and a real project.");
    });
    assertThat(taskService.createTaskQuery().processInstanceId(process.getId()).count()).isEqualTo(1);
  }

  private void score(String label, String value) {
    browser.type(fieldLabelled(label), value + Keys.TAB);
  }

  /** A Tasklist filter's link, by the start of its text: the count of tasks is appended to it once loaded. */
  private static By filterLink(String filter) {
    return By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
        + "//h4/a[starts-with(normalize-space(.), '" + filter + "')]");
  }

  /** The filter's link once Tasklist shows that filter (its item is marked active). */
  private static By activeFilter(String filter) {
    return By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')"
        + " and contains(concat(' ', normalize-space(@class), ' '), ' active ')]"
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
