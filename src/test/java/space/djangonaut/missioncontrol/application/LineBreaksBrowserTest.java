package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;

/** In a real browser: a motivation typed up to the textarea's maxlength, with line breaks, is accepted. */
@IntegrationTest
class LineBreaksBrowserTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;

  private Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void shouldAcceptAMotivationTypedUpToItsMaxlengthWithLineBreaks() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    browser.open("http://localhost:" + port + "/cohorts/" + cohort.getSlug() + "/apply");
    int maxlength = Integer.parseInt(browser.visible(By.id("motivation")).getAttribute("maxlength"));
    String motivation = LineBreaksCountOnceTest.textWithLineBreaks(maxlength, 20);

    browser.type(By.id("name"), "Lina Breaks");
    browser.type(By.id("email"), email);
    new Select(browser.visible(By.id("timezone"))).selectByValue("Europe/Lisbon");
    browser.clickable(By.id("slot-MON-18")).click();
    browser.type(By.id("hoursPerWeek"), "4");
    browser.clickable(By.cssSelector("input[name=djangoExperience][value=TUTORIAL]")).click();
    browser.type(By.id("experienceDetails"), "The polls tutorial.");
    // Typed to the maxlength and beyond: the browser stops at its maxlength, counting a line break once.
    browser.type(By.id("motivation"), motivation + "and more");
    assertThat(browser.visible(By.id("motivation")).getDomProperty("value")).isEqualTo(motivation);
    new Select(browser.visible(By.id("project"))).selectByVisibleText("Django core");
    browser.type(By.id("contributionUrl"), "https://github.com/lina/polls");
    browser.clickable(By.id("codeOfConductAccepted1")).click();
    browser.click(By.id("submit-application"));

    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Thank you for applying");
    assertThat(applications.findAll().stream().filter(a -> a.getEmail().equals(email))).singleElement()
        .satisfies(a -> assertThat(a.getMotivation()).isEqualTo(motivation).hasSize(maxlength));
  }
}
