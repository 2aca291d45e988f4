package space.djangonaut.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.mentorship.CheckIn;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.survey.SurveyService;
import space.djangonaut.missioncontrol.support.Accessibility;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/**
 * axe-core finds no serious or critical violation on the pages people outside Camunda use: the public pages a
 * Djangonaut or a volunteer reaches from the site or their emails (each in the states they meet: empty, with
 * errors, answered, a link used or unknown), and the organiser pages; and each error message beside a field is that
 * field's description, which axe cannot see. The apply form as a newcomer fills it in and the applied page are
 * checked in {@code ApplyAndReviewBrowserTest}'s flow, the new-cohort form and the cohort page in
 * {@code OrganiserReviewersBrowserTest}'s. One Chromium for the class; each test logs out by dropping its cookies.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortDriver driver;
  @Autowired CohortLifecycle lifecycle;
  @Autowired SurveyService surveys;
  @Autowired VolunteerService volunteerService;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired CheckInRepository checkIns;

  private Browser browser;
  private final List<String> failures = new ArrayList<>();

  @BeforeAll
  void startBrowser() {
    // Camunda's webapps offer to create the first administrator while none exists: make sure one does.
    testData.organiser();
    browser = new Browser();
  }

  @AfterEach
  void screenshotAndForget(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.driver().manage().deleteAllCookies();
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }

  @Test
  void shouldFindNoSeriousViolationOnThePublicPagesOfADjangonautAndAVolunteer() {
    // A cohort whose single applicant was offered the place; another still open for volunteers.
    CohortDriver.Run run = driver.selected(1, 1);
    Application djangonaut = run.ranked().get(0);
    Cohort open = testData.openCohort();

    browser.open(url("/"));
    check("home");
    browser.open(url("/cohorts/" + run.cohort().getSlug() + "/apply"));
    check("apply, applications closed");
    browser.open(url("/cohorts/no-such-cohort/apply"));
    check("not found");

    // The apply form sent empty: every field's error at once (ApplyAndReviewBrowserTest goes on from there).
    browser.open(url("/cohorts/" + open.getSlug() + "/apply"));
    browser.clickToLeavePage(By.id("submit-application"));
    browser.visible(By.id("error-summary"));
    check("apply form sent empty");

    // A volunteer signs up: the form, its errors, the thanks.
    browser.open(url("/cohorts/" + open.getSlug() + "/volunteer"));
    check("volunteer form");
    browser.clickToLeavePage(By.id("submit-volunteer"));
    browser.visible(By.id("error-summary"));
    check("volunteer form with errors");
    browser.type(By.id("name"), "Nadia Navigator");
    browser.type(By.id("email"), TestData.uniqueEmail());
    browser.click(By.cssSelector("input[name=role][value=NAVIGATOR]"));
    browser.click(By.cssSelector("input[name=projects]"));
    browser.click(By.id("slot-TUE-18"));
    browser.type(By.id("capacity"), "3");
    browser.click(By.id("codeOfConductAccepted1"));
    browser.clickToLeavePage(By.id("submit-volunteer"));
    assertThat(browser.driver().findElements(By.id("error-summary"))).isEmpty();
    check("volunteer thanks");

    // The offer: open, then accepted; the withdrawal link of the confirmation.
    browser.open(url("/offers/" + Mailbox.offerToken(djangonaut.getEmail())));
    check("offer, open");
    browser.clickToLeavePage(By.cssSelector("button[value=accept]"));
    browser.visible(By.cssSelector("[role=status]"));
    check("offer, accepted");
    browser.open(url("/offers/" + "A".repeat(43)));
    check("offer, unknown link");
    driver.drive(run);
    String withdrawToken = Mailbox.newestToken(djangonaut.getEmail(), "withdraw");
    browser.open(url("/withdraw/" + withdrawToken));
    check("withdraw");

    // A Navigator chooses a password through the link an organiser sent.
    Volunteer navigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"),
        List.of("TUE-18"));
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 3, List.of("Django core"), List.of("TUE-18"));
    volunteerService.sendNewPasswordLink(navigator.getId());
    String passwordToken = browser.waitFor(d -> tokenOrNull(navigator.getEmail(), "volunteers/password"));
    browser.open(url("/volunteers/password/" + passwordToken));
    check("password form");
    browser.type(By.id("password"), "a long enough secret");
    browser.type(By.id("confirmation"), "a different long secret");
    browser.clickToLeavePage(By.cssSelector("button[type=submit]"));
    browser.visible(By.cssSelector("[role=alert]"));
    check("password form with error");
    browser.type(By.id("password"), "a long enough secret");
    browser.type(By.id("confirmation"), "a long enough secret");
    browser.clickToLeavePage(By.cssSelector("button[type=submit]"));
    check("password set");
    browser.open(url("/volunteers/password/" + passwordToken));
    check("password link used");
    browser.logIn(url(""), navigator.getUserId(), "a long enough secret");
    browser.open(url("/my/teams"));
    check("my teams (a Navigator)");
    browser.driver().manage().deleteAllCookies();

    // The survey of the Djangonaut's team: the questions, their errors, the thanks, the link once answered.
    Team team = teams.save(new Team(run.cohortId(), "Team 1", "Django core", navigator.getId()));
    members.save(new TeamMember(team.getId(), djangonaut.getId(), captain.getId()));
    checkIns.save(new CheckIn(run.cohortId(), team.getId(), 1, navigator.getUserId(), true, "1 of 1", 2, 1, 5, 0,
        null, Instant.now()));
    surveys.open(run.cohortId(), new Step("accessibility-test", TestData.unique("survey")));
    String surveyToken = browser.waitFor(d -> tokenOrNull(djangonaut.getEmail(), "survey"));
    browser.open(url("/survey/" + surveyToken));
    check("survey form");
    browser.clickToLeavePage(By.cssSelector("button[type=submit]"));
    browser.visible(By.cssSelector("[role=alert]"));
    check("survey form with errors");
    browser.click(By.cssSelector("input[name=comfortContributing][value=MORE]"));
    browser.click(By.cssSelector("input[name=comfortCommunity][value=MORE]"));
    browser.type(By.id("wentWell"), "My first ticket merged in week three.");
    browser.click(By.cssSelector("input[name=mayQuote][value=true]"));
    browser.clickToLeavePage(By.cssSelector("button[type=submit]"));
    check("survey thanks");
    browser.open(url("/survey/" + surveyToken));
    check("survey, already answered");

    // The published impact report, with the Djangonaut's quote.
    lifecycle.publishReport(run.cohortId());
    browser.open(url("/cohorts/" + run.cohort().getSlug() + "/impact"));
    assertThat(browser.visible(By.tagName("main")).getText()).contains("My first ticket merged in week three.");
    check("published impact report");

    // Last, the Djangonaut withdraws: the page that says so.
    browser.open(url("/withdraw/" + withdrawToken));
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Yes, I withdraw from the cohort']"));
    browser.visible(By.id("withdrawn"));
    check("withdraw, done");
  }

  @Test
  void shouldFindNoSeriousViolationOnTheOrganiserPages() {
    // A cohort taking applications, one in review; another closed, reviewed and ranked, waiting for the selection.
    CohortDriver.Run ranked = driver.reviewedAndClosed(1, 3);
    Cohort cohort = testData.openCohort();
    testData.applied(cohort);
    String organiser = testData.organiser();

    browser.open(url("/login"));
    check("login");
    // A wrong password (for another account: this one would then wait before taking the right one).
    browser.logIn(url(""), testData.organiser(), "not the password");
    browser.visible(By.cssSelector("[role=alert]"));
    check("login, wrong password");
    browser.logIn(url(""), organiser, organiser);

    for (String[] page : new String[][] {
        {"/organiser/cohorts", "cohort list"},
        {"/organiser/cohorts/" + cohort.getSlug(), "cohort page, reviews open"},
        {"/organiser/cohorts/" + cohort.getSlug() + "/close", "close applications, confirmation"},
        {"/organiser/cohorts/" + ranked.cohort().getSlug(), "cohort page, waiting for the selection"},
        {"/organiser/cohorts/" + ranked.cohort().getSlug() + "/selection", "selection, ranked"},
        {"/organiser/cohorts/" + cohort.getSlug() + "/report", "impact report (organisers)"},
        {"/organiser/cohorts/" + ranked.cohort().getSlug() + "/teams", "team page, no team yet"},
        {"/organiser/cohorts/" + ranked.cohort().getSlug() + "/roster", "roster, no team yet"},
        {"/organiser/cohorts/" + cohort.getSlug() + "/volunteers", "volunteers"},
        {"/organiser/accounts", "accounts"},
        {"/my/settings", "your settings (time zone)"},
        {"/organiser/mailbox", "mailbox"},
        {"/organiser/outbox", "outbox"},
        {"/organiser/mail-templates", "mail templates"},
        {"/organiser/mail-templates/APPLICATION_ACCEPTED", "mail preview"}}) {
      browser.open(url(page[0]));
      browser.visible(By.tagName("h1"));
      check(page[1]);
    }
    browser.open(url("/organiser/cohorts/new"));
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Create the cohort']"));
    browser.visible(By.cssSelector("[role=alert]"));
    check("new cohort form sent empty");
    browser.open(url("/organiser/cohorts/" + cohort.getSlug() + "/close"));
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Yes, close applications now']"));
    check("cohort page, applications closed");
  }

  @Test
  void shouldFailListingEachSeriousOrCriticalViolationWhenAPageHasThem() {
    browser.open(url("/login"));
    browser.visible(By.id("username"));
    // The page as it would be without its language, the label of a field, and with grey on white text.
    ((JavascriptExecutor) browser.driver()).executeScript("""
        document.documentElement.removeAttribute('lang');
        document.querySelector('label[for=username]').remove();
        var p = document.createElement('p');
        p.textContent = 'Hard to read';
        p.id = 'faint';
        p.style.color = '#bbbbbb';
        document.querySelector('main').appendChild(p);
        """);

    assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser, "login, broken on purpose"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("3 serious or critical violation(s) on the login, broken on purpose page")
        .hasMessageContaining("serious html-has-lang: <html> element must have a lang attribute")
        .hasMessageContaining("critical label: Form elements must have labels [[\"#username\"]]")
        .hasMessageContaining("serious color-contrast: Elements must meet minimum color contrast ratio thresholds "
            + "[[\"#faint\"]]");
  }

  /**
   * Checks the page with axe-core, and that its error messages describe their fields; what fails is listed with
   * every other page's failures at the end of the test.
   */
  private void check(String page) {
    try {
      Accessibility.assertNoSeriousViolations(browser, page);
    } catch (AssertionError e) {
      failures.add(e.getMessage());
    }
    try {
      Accessibility.assertFieldErrorsDescribeTheirFields(browser, page);
    } catch (AssertionError e) {
      failures.add(e.getMessage());
    }
  }

  @AfterEach
  void noFailures() {
    List<String> found = List.copyOf(failures);
    failures.clear();
    assertThat(found).as("serious or critical axe-core violations").isEmpty();
  }

  /** The newest link of this kind emailed to the address, or null while the email is on its way. */
  private static String tokenOrNull(String email, String kind) {
    try {
      return Mailbox.newestToken(email, kind);
    } catch (AssertionError notYet) {
      return null;
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
