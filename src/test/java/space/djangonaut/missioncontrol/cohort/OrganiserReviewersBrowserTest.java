package space.djangonaut.missioncontrol.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;
import space.djangonaut.missioncontrol.support.Accessibility;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** An organiser chooses a cohort's reviewers on Mission Control's pages, and is warned when nobody can review. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganiserReviewersBrowserTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortRepository cohorts;
  @Autowired CohortReviewers reviewers;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  private Browser browser;

  @BeforeAll
  void startBrowser() {
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
  void shouldOpenACohortWithTheReviewersTheOrganiserNamesOnItsForm() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    String slug = TestData.unique("panel");
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    String organiser = testData.organiser();
    browser.logIn(url(""), organiser, organiser);

    browser.open(url("/organiser/cohorts/new"));
    assertThat(browser.visible(By.id("reviewers")).getAttribute("value")).isEqualTo("reviewers");
    Accessibility.assertNoSeriousViolations(browser, "new cohort form");
    browser.type(By.id("name"), "Session with a panel");
    browser.type(By.id("slug"), slug);
    setDate("applicationsOpenOn", today.minusDays(1));
    setDate("applicationsCloseOn", today.plusDays(10));
    setDate("startsOn", today.plusDays(40));
    browser.type(By.id("reviewers"), rosa + ", nobody-by-this-name");
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Create the cohort']"));

    // Refused with the reason, and nothing typed is lost.
    assertThat(browser.visible(By.cssSelector(".error-summary")).getText())
        .contains("There is no user \"nobody-by-this-name\"");
    assertThat(browser.visible(By.id("reviewers")).getAttribute("value"))
        .isEqualTo(rosa + ", nobody-by-this-name");
    assertThat(browser.visible(By.id("slug")).getAttribute("value")).isEqualTo(slug);
    assertThat(cohorts.findBySlug(slug)).isEmpty();
    Accessibility.assertNoSeriousViolations(browser, "new cohort form with errors");
    Accessibility.assertFieldErrorsDescribeTheirFields(browser, "new cohort form with errors");

    browser.type(By.id("reviewers"), rosa + ", " + ravi);
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Create the cohort']"));

    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Session with a panel");
    assertThat(browser.visible(By.id("able-to-review")).getText().split(", "))
        .containsExactlyInAnyOrder(rosa, ravi);
    assertThat(browser.driver().findElements(By.id("no-reviewers"))).isEmpty();
    assertThat(reviewers.ableToReview(cohorts.findBySlug(slug).orElseThrow()))
        .containsExactlyInAnyOrder(rosa, ravi);
    Accessibility.assertNoSeriousViolations(browser, "cohort page, just opened");
  }

  @Test
  void shouldWarnWhileReviewsAreOpenAndNobodyCanReviewThemUntilTheOrganiserNamesReviewers() {
    Group panel = identityService.newGroup(TestData.uniqueUserId("panel"));
    panel.setName("A panel nobody joined");
    identityService.saveGroup(panel);
    Cohort cohort = testData.openCohortReviewedBy(panel.getId());
    Application application = testData.applied(cohort);
    String organiser = testData.organiser();
    browser.logIn(url(""), organiser, organiser);

    browser.open(url("/organiser/cohorts/" + cohort.getSlug()));

    assertThat(browser.visible(By.id("no-reviewers")).getText())
        .contains("1 application(s) wait for their reviews, and nobody can review them");
    assertThat(browser.visible(By.id("reviewers-field")).getAttribute("value")).isEqualTo(panel.getId());
    Accessibility.assertNoSeriousViolations(browser, "cohort page, warning that nobody can review");

    // The organiser names two reviewers on the page: the open review is offered to them at once.
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    browser.type(By.id("reviewers-field"), rosa + ", " + ravi);
    browser.clickToLeavePage(By.id("change-reviewers"));

    assertThat(browser.visible(By.id("able-to-review")).getText()).isEqualTo(rosa + ", " + ravi);
    assertThat(browser.driver().findElements(By.id("no-reviewers"))).isEmpty();
    String filterId = filterService.createFilterQuery()
        .filterName(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW).singleResult().getId();
    assertThat(new WebClient(port).basicAuth(rosa, rosa)
        .get("/engine-rest/filter/" + filterId + "/list?maxResults=1000").body()).contains(application.getName());

    // Someone who is neither a user nor a group is refused, and the reviewers stay.
    browser.type(By.id("reviewers-field"), "nobody-by-this-name");
    browser.clickToLeavePage(By.id("change-reviewers"));
    assertThat(browser.visible(By.cssSelector("[role=alert]")).getText())
        .contains("There is no user \"nobody-by-this-name\"");
    assertThat(browser.visible(By.id("able-to-review")).getText()).isEqualTo(rosa + ", " + ravi);
    Accessibility.assertNoSeriousViolations(browser, "cohort page, reviewers refused");
  }

  /** A date input takes what the locale's date picker takes as keys: set its value as the page's script would. */
  private void setDate(String id, LocalDate date) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
        browser.visible(By.id(id)), date.toString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
