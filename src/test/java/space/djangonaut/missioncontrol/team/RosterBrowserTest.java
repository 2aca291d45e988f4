package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * A Navigator at work in headless Chromium: they sign in, land on their teams and read their team's roster: who is
 * whose Captain, and how to reach each person (what they agreed to share, else through the organisers).
 */
@IntegrationTest
class RosterBrowserTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired ApplicationService applicationService;
  @Autowired VolunteerRepository volunteers;
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
  void shouldLetANavigatorSignInAndReadTheirTeamsRoster() {
    CohortDriver.Run run = driver.open(3, 2);
    List<Application> applied = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
      form.setShareContact(i == 0);
      form.setChatHandle(i == 0 ? "ada_on_discord" : null);
      applied.add(applicationService.submit(run.cohort().getSlug(), form));
    }
    driver.drive(run);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer navigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    navigator.shareContact(true, "nadia#7");
    volunteers.save(navigator);
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 3, List.of(), EVENINGS);
    driver.startCohort(run);
    driver.confirmTeams(run);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);

    browser.open(url("/login"));
    browser.type(By.id("username"), navigator.getUserId());
    browser.type(By.id("password"), navigator.getUserId());
    browser.clickToLeavePage(By.cssSelector("button[type=submit]"));
    browser.waitFor(d -> d.getCurrentUrl().endsWith("/my/teams") ? true : null);
    browser.clickToLeavePage(By.id("roster-" + team.getId()));
    browser.visible(By.cssSelector(".roster-table"));

    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Your team's roster");
    String navigatorRow = browser.visible(By.cssSelector("tr.navigator")).getText();
    assertThat(navigatorRow).contains(navigator.getName(), navigator.getEmail(), "nadia#7");
    String captainRow = browser.visible(By.cssSelector("tr.captain")).getText();
    assertThat(captainRow).contains(captain.getName(), "Captain of " + applied.get(0).getName())
        .contains("through the organisers at organisers@djangonaut.space").doesNotContain(captain.getEmail());
    List<String> djangonautRows = browser.driver().findElements(By.cssSelector("tr.djangonaut")).stream()
        .map(e -> e.getText()).toList();
    assertThat(djangonautRows).hasSize(3).allSatisfy(row -> assertThat(row).contains("Captain: " + captain.getName()));
    assertThat(djangonautRows).anySatisfy(row -> assertThat(row).contains(applied.get(0).getName(),
        applied.get(0).getEmail(), "ada_on_discord"));
    assertThat(browser.driver().findElement(By.cssSelector("tr.captain a")).getAttribute("href"))
        .isEqualTo("mailto:organisers@djangonaut.space");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
