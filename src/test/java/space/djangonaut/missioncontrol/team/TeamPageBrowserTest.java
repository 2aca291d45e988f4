package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.ProposedTeams.Fixture;

/**
 * An organiser adjusts the proposed teams in headless Chromium: from Task_ConfirmTeams in Tasklist (its form links
 * the team page) to the team page, where a move breaks rules that are explained next to the team, and the teams are
 * confirmed only with "Confirm anyway".
 */
@IntegrationTest
class TeamPageBrowserTest {

  @LocalServerPort int port;
  @Autowired ProposedTeams proposed;
  @Autowired TestData testData;
  @Autowired TeamRepository teams;

  private Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.close();
    ClockUtil.reset();
  }

  @Test
  void shouldFollowTheTaskToTheTeamPageMoveADjangonautAndSeeEachBrokenRuleExplainedBeforeConfirming() {
    Fixture f = proposed.formed(false);
    Task task = proposed.confirmTask(f);
    String organiser = testData.organiser();

    // Tasklist: the task's form links the cohort's team page. (Its page is asked for over HTTP first, so that a
    // failure says what the server answered, not only that the sign-in field never came.)
    WebClient http = new WebClient(port);
    WebClient.Response tasklist = http.get("/camunda/app/tasklist/");
    for (int hops = 0; tasklist.status() == 302 && hops < 5; hops++) {
      String location = tasklist.header("Location");
      tasklist = http.get(location.startsWith("http") ? java.net.URI.create(location).getRawPath() : location);
    }
    assertThat(tasklist.status()).as("GET /camunda/app/tasklist/ (redirects followed): %s", tasklist.body())
        .isEqualTo(200);
    browser.open(url("/camunda/app/tasklist/"));
    browser.type(By.cssSelector("input[type=text]"), organiser);
    browser.type(By.cssSelector("input[type=password]"), organiser);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.visible(By.cssSelector(".task-filter"));
    browser.open(url("/camunda/app/tasklist/#/?task=" + task.getId()));
    String href = browser.visible(By.linkText("Open the team page")).getAttribute("href");
    assertThat(href).endsWith(f.page());

    // Mission Control asks the organiser to sign in, then shows the page.
    browser.open(href);
    browser.type(By.id("username"), organiser);
    browser.type(By.id("password"), organiser);
    browser.clickToLeavePage(By.xpath("//button[normalize-space()='Log in']"));
    long team1 = teams.findByCohortIdOrderById(f.run().cohortId()).get(0).getId();
    assertThat(browser.visible(By.id("team-" + team1 + "-ok")).getText()).isEqualTo("Every rule holds.");

    // Moves a morning Djangonaut into the evening team: three rules broken, each explained next to Team 1.
    Application morning = f.morning().get(0);
    new Select(browser.visible(By.id("move-djangonaut"))).selectByValue("" + morning.getId());
    new Select(browser.visible(By.id("move-team"))).selectByValue("" + team1);
    browser.clickToLeavePage(By.id("move"));

    assertThat(browser.visible(By.id("message")).getText()).contains(morning.getName() + " (#" + morning.getId()
        + ") moved to Team 1.").contains("The teams now break 4 rules, each explained below.");
    String unmet = browser.visible(By.id("team-" + team1 + "-unmet")).getText();
    assertThat(unmet).contains("Rules unmet (3)")
        .contains("Team size: Team 1 has 5 Djangonauts; a team has 3 to 4.")
        .contains("Capacity: " + f.eveningNavigator().getName() + " has 5 Djangonauts but offered to take 4.")
        .contains("Hours shared: Team 1 shares only 0 hours a week with its Navigator");

    // Confirming as they are is refused without the explicit choice, and accepted with it.
    browser.clickToLeavePage(By.id("confirm-teams"));
    assertThat(browser.visible(By.id("error")).getText()).contains("The teams were not confirmed: they break 4 rules");
    assertThat(browser.visible(By.id("refused-rules")).getText())
        .contains("Team 1 has 5 Djangonauts; a team has 3 to 4.");
    browser.click(By.id("confirm-anyway"));
    browser.clickToLeavePage(By.id("confirm-teams"));

    assertThat(browser.visible(By.id("message")).getText())
        .startsWith("The teams are confirmed, with the rules unmet recorded as your choice.");
    assertThat(browser.visible(By.id("not-waiting")).getText()).contains("not waiting for confirmation");
    assertThat(proposed.confirmTask(f)).isNull();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
