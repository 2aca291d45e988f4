package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
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
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * The organiser's change without a developer, and applying without JavaScript. An organiser adds questions of every
 * component type to {@code forms/apply.form} and deploys it as Camunda Modeler does (a multipart POST to
 * {@code /engine-rest/deployment/create} with an organiser's login), moves one open cohort to it on the cohort page
 * and changes that cohort's acknowledgement on the email texts page; a newcomer with JavaScript turned off applies to
 * that cohort: picks the time zone first ("Show my hours"), ticks slots, sends the form once with mistakes (each
 * field's message, nothing typed lost) and then right; the answers are stored typed with the form's version, the
 * acknowledgement has the organiser's words, and a reviewer reads the answers in Tasklist (with JavaScript: Tasklist
 * needs it), hostile text shown as typed. Another open cohort keeps the form and the words it had.
 *
 * <p>Scripts are verified off: the page's own script ({@code js/availability-zone.js}) relabels the slot grid as soon
 * as a zone is chosen, and without JavaScript the grid keeps saying "your time zone" until the form is drawn again.
 *
 * <p>axe-core cannot run as the page is without JavaScript (its run waits on timers, which do not fire), so it runs on
 * the same page in the same session, as the server drew it and no script of the page changed it, with scripts allowed
 * only for the time of its run ({@link Browser#withScriptsAllowed}); the check above shows that the page's own script
 * stays off meanwhile. The empty form, the form with errors and the page after success are checked.
 */
@IntegrationTest
class ApplyWithoutJavaScriptBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE = "<script>alert('x')</script> ${7*7} [[${name}]]";
  private static final String HOPES = "A triage bot for Trac " + HOSTILE;
  private static final String TOOL = "django-debug-toolbar " + HOSTILE;
  private static final String SUBJECT = "Lift-off for {{cohortName}}";
  private static final String BODY = "Hello {{name}},\n\nYour application {{applicationId}} is in orbit.\n";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ApplyForms applyForms;

  private final List<String> deployments = new ArrayList<>();
  private Browser browser;

  @BeforeEach
  void startBrowser() {
    // Camunda's webapps offer to create the first administrator while none exists: make sure one does.
    testData.organiser();
    browser = Browser.withoutJavaScript();
  }

  @AfterEach
  void closeBrowserAndPutTheFormOfTheRepositoryBack(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.close();
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  /** The repository's form with a text and a question of every other component type, before the Code of Conduct. */
  static ObjectNode formWithNewQuestions() {
    ObjectNode form = ApplyFormSchemaTest.applyForm();
    ArrayNode components = (ArrayNode) form.get("components");
    int at = 0;
    while (!components.get(at).path("key").asText().equals("codeOfConductAccepted")) {
      at++;
    }
    String[] added = {
        "{\"id\":\"Text_MoreAboutYou\",\"type\":\"text\",\"text\":\"## A few more questions\\n\\nThey help us"
            + " *plan* the session.\"}",
        "{\"id\":\"Field_FavouriteTool\",\"key\":\"favouriteTool\",\"label\":\"Your favourite Django package\","
            + "\"type\":\"textfield\",\"validate\":{\"required\":true,\"maxLength\":200}}",
        "{\"id\":\"Field_Hopes\",\"key\":\"whatDoYouHopeToBuild\",\"label\":\"What do you hope to build?\","
            + "\"description\":\"A sentence or two.\",\"type\":\"textarea\","
            + "\"validate\":{\"required\":true,\"minLength\":20,\"maxLength\":300}}",
        "{\"id\":\"Field_YearsOfPython\",\"key\":\"yearsOfPython\",\"label\":\"Years of Python\","
            + "\"type\":\"number\",\"decimalDigits\":0,\"validate\":{\"required\":true,\"min\":0,\"max\":60}}",
        "{\"id\":\"Field_AvailableFrom\",\"key\":\"availableFrom\",\"dateLabel\":\"Available from\","
            + "\"type\":\"datetime\",\"subtype\":\"date\",\"validate\":{\"required\":true}}",
        "{\"id\":\"Field_HeardFrom\",\"key\":\"heardFrom\",\"label\":\"Where did you hear of us?\","
            + "\"type\":\"select\",\"validate\":{\"required\":true},\"values\":["
            + "{\"label\":\"A friend\",\"value\":\"friend\"},{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}",
        "{\"id\":\"Field_Pace\",\"key\":\"pace\",\"label\":\"How do you like to work?\",\"type\":\"radio\","
            + "\"validate\":{\"required\":true},\"values\":[{\"label\":\"Steadily, a little every day\","
            + "\"value\":\"steady\"},{\"label\":\"In bursts\",\"value\":\"bursts\"}]}",
        "{\"id\":\"Field_Interests\",\"key\":\"interests\",\"label\":\"What would you like to work on?\","
            + "\"type\":\"checklist\",\"validate\":{\"required\":true},\"values\":[{\"label\":\"Documentation\","
            + "\"value\":\"docs\"},{\"label\":\"Tests\",\"value\":\"tests\"},{\"label\":\"The ORM\",\"value\":\"orm\"}]}",
        "{\"id\":\"Field_ReadGuide\",\"key\":\"readContributingGuide\","
            + "\"label\":\"I have read Django's contributing guide.\",\"type\":\"checkbox\","
            + "\"validate\":{\"required\":true}}"};
    for (int i = added.length - 1; i >= 0; i--) {
      try {
        components.insert(at, JSON.readTree(added[i]));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return form;
  }

  /**
   * Deploys the form as Camunda Modeler's deploy dialog does (the fields of {@code config.ModelerDeploymentTest}), with
   * an organiser's login.
   */
  private void deployAsModelerDoes(ObjectNode form, String organiser) throws Exception {
    WebClient.Response deployed = new WebClient(port).basicAuth(organiser, organiser)
        .postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "mission-control",
            "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"),
            Map.of("apply.form", form.toString().getBytes()));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deployments.add(JSON.readTree(deployed.body()).path("id").asText());
  }

  @Test
  void shouldApplyWithoutJavaScriptToTheQuestionsAndWordsAnOrganiserChangedForOneCohortOnly() throws Exception {
    Cohort changed = testData.openCohort();
    Cohort unchanged = testData.openCohort();
    // Both cohorts' pages were shown while they took applications: each keeps the form it opened with.
    assertThat(new WebClient(port).get("/cohorts/" + changed.getSlug() + "/apply").status()).isEqualTo(200);
    assertThat(new WebClient(port).get("/cohorts/" + unchanged.getSlug() + "/apply").status()).isEqualTo(200);
    String organiser = testData.organiser();

    // The organiser deploys the changed form from the Modeler, ...
    deployAsModelerDoes(formWithNewQuestions(), organiser);
    // ... moves one cohort to it on its page, and changes that cohort's acknowledgement: no JavaScript needed.
    browser.logIn(url(""), organiser, organiser);
    browser.open(url("/organiser/cohorts/" + changed.getSlug()));
    browser.clickToLeavePage(By.id("use-latest-apply-form"));
    assertThat(browser.visible(By.cssSelector("[role=status]")).getText())
        .contains("now asks the latest application form");
    browser.open(url("/organiser/cohorts/" + changed.getSlug() + "/emails/APPLICATION_RECEIVED"));
    browser.type(By.id("subject"), SUBJECT);
    browser.type(By.id("body"), BODY);
    browser.clickToLeavePage(By.cssSelector("button[value=preview]"));
    assertThat(browser.visible(By.id("preview-text")).getText()).contains("is in orbit.");
    browser.clickToLeavePage(By.cssSelector("button[value=save]"));
    assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("Saved as version 1");
    browser.driver().manage().deleteAllCookies();

    // A newcomer without JavaScript opens the form: the new questions are there.
    String email = TestData.uniqueEmail();
    String name = "Grace " + TestData.uniqueUserId("h");
    browser.open(url("/cohorts/" + changed.getSlug() + "/apply"));
    assertThat(browser.visible(By.tagName("main")).getText()).contains("A few more questions")
        .contains("What do you hope to build?").contains("Available from");
    check("apply form with new questions, empty");

    // The time zone first: without JavaScript the grid is not relabelled when it is chosen (scripts are off) ...
    new Select(browser.visible(By.id("timezone"))).selectByValue("America/Sao_Paulo");
    assertThat(browser.visible(By.cssSelector("label[for=slot-TUE-18]")).getAttribute("textContent"))
        .as("the page's script did not run").endsWith("your time zone");
    browser.type(By.id("name"), name);
    browser.type(By.id("whatDoYouHopeToBuild"), "A bot.");
    new Select(browser.visible(By.id("heardFrom"))).selectByValue("mastodon");
    browser.click(By.id("interests1"));
    // ... until "Show my hours" draws the form again in that zone, keeping what was typed, complaining of nothing.
    browser.clickToLeavePage(By.id("show-zone"));
    assertThat(browser.visible(By.cssSelector("label[for=slot-TUE-18]")).getAttribute("textContent"))
        .endsWith("America/Sao_Paulo");
    assertThat(valueOf("name")).isEqualTo(name);
    assertThat(valueOf("whatDoYouHopeToBuild")).isEqualTo("A bot.");
    assertThat(new Select(browser.visible(By.id("heardFrom"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("mastodon");
    assertThat(browser.visible(By.id("interests1")).isSelected()).isTrue();
    assertThat(browser.driver().findElements(By.id("error-summary"))).isEmpty();

    browser.click(By.id("slot-TUE-18"));
    browser.click(By.id("slot-THU-21"));
    browser.type(By.id("email"), email);
    browser.type(By.id("hoursPerWeek"), "4");
    browser.click(By.cssSelector("input[name=djangoExperience][value=PERSONAL]"));
    browser.type(By.id("experienceDetails"), "A recipe site with Django and HTMX.");
    browser.type(By.id("motivation"), "To learn.");
    new Select(browser.visible(By.id("project"))).selectByVisibleText("Django REST framework");
    browser.type(By.id("contributionUrl"), "https://github.com/grace/recipes");
    // The new questions, some wrong (the text above too short, a number too large), some left out.
    browser.type(By.id("yearsOfPython"), "99");
    browser.click(By.id("interests2"));
    browser.click(By.id("codeOfConductAccepted1"));
    browser.clickToLeavePage(By.id("submit-application"));

    WebElement summary = browser.visible(By.id("error-summary"));
    assertThat(summary.getText()).contains("Tell us a little more about why you want to join");
    assertThat(errorOf("favouriteTool")).isEqualTo("Please answer this question.");
    assertThat(errorOf("whatDoYouHopeToBuild")).isEqualTo("Please write at least 20 characters.");
    assertThat(errorOf("yearsOfPython")).isEqualTo("Please give at most 60.");
    assertThat(errorOf("availableFrom")).isEqualTo("Please give a date.");
    assertThat(errorOf("pace")).isEqualTo("Please choose one of the options.");
    assertThat(errorOf("readContributingGuide")).isEqualTo("Tick this box to go on.");
    assertThat(browser.driver().findElements(By.id("heardFrom-error"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("interests-error"))).isEmpty();
    check("apply form with new questions, with errors");
    // Nothing typed is lost.
    assertThat(valueOf("name")).isEqualTo(name);
    assertThat(valueOf("email")).isEqualTo(email);
    assertThat(new Select(browser.visible(By.id("timezone"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("America/Sao_Paulo");
    assertThat(browser.visible(By.id("slot-TUE-18")).isSelected()).isTrue();
    assertThat(browser.visible(By.id("slot-THU-21")).isSelected()).isTrue();
    assertThat(valueOf("hoursPerWeek")).isEqualTo("4");
    assertThat(browser.visible(By.cssSelector("input[name=djangoExperience][value=PERSONAL]")).isSelected()).isTrue();
    assertThat(valueOf("experienceDetails")).isEqualTo("A recipe site with Django and HTMX.");
    assertThat(valueOf("motivation")).isEqualTo("To learn.");
    assertThat(new Select(browser.visible(By.id("project"))).getFirstSelectedOption().getText())
        .isEqualTo("Django REST framework");
    assertThat(valueOf("contributionUrl")).isEqualTo("https://github.com/grace/recipes");
    assertThat(browser.visible(By.id("codeOfConductAccepted1")).isSelected()).isTrue();
    assertThat(valueOf("whatDoYouHopeToBuild")).isEqualTo("A bot.");
    assertThat(valueOf("yearsOfPython")).isEqualTo("99");
    assertThat(new Select(browser.visible(By.id("heardFrom"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("mastodon");
    assertThat(browser.visible(By.id("interests1")).isSelected()).isTrue();
    assertThat(browser.visible(By.id("interests2")).isSelected()).isTrue();
    assertThat(browser.visible(By.id("interests3")).isSelected()).isFalse();

    // ... corrects it, but for a number that is not whole: sent back again, with what was typed this time.
    browser.type(By.id("motivation"), "I learnt Python with Django and would love to give back by contributing.");
    browser.type(By.id("favouriteTool"), TOOL);
    browser.type(By.id("whatDoYouHopeToBuild"), HOPES);
    browser.type(By.id("yearsOfPython"), "3.5");
    // A date field takes the digits of the browser's own format (en-US: month, day, year).
    browser.type(By.id("availableFrom"), "03012026");
    assertThat(valueOf("availableFrom")).isEqualTo("2026-03-01");
    browser.click(By.id("pace1"));
    browser.click(By.id("readContributingGuide1"));
    browser.clickToLeavePage(By.id("submit-application"));

    assertThat(browser.visible(By.id("error-summary")).findElements(By.tagName("li"))).hasSize(1);
    assertThat(errorOf("yearsOfPython")).isEqualTo("Please give a whole number.");
    assertThat(valueOf("yearsOfPython")).isEqualTo("3.5");
    assertThat(valueOf("favouriteTool")).isEqualTo(TOOL);
    assertThat(valueOf("whatDoYouHopeToBuild")).isEqualTo(HOPES);
    assertThat(valueOf("availableFrom")).isEqualTo("2026-03-01");
    assertThat(browser.visible(By.id("pace1")).isSelected()).isTrue();
    assertThat(browser.visible(By.id("readContributingGuide1")).isSelected()).isTrue();
    assertThat(browser.driver().findElements(By.xpath("//script[contains(., \"alert('x')\")]")))
        .as("what was typed comes back as text").isEmpty();
    browser.type(By.id("yearsOfPython"), "3");
    browser.clickToLeavePage(By.id("submit-application"));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Thank you for applying");
    check("applied");

    // Stored: the fixed answers, and the others typed, with the version of the form.
    Application application = applications.findByEmail(email).get(0);
    assertThat(application.getName()).isEqualTo(name);
    assertThat(application.getAvailability().slots()).containsExactlyInAnyOrder("TUE-18", "THU-21");
    assertThat(application.getFormVersion()).isEqualTo(applyForms.latest().version());
    JsonNode others = JSON.readTree(application.getOtherAnswers());
    assertThat(others.get("favouriteTool").asText()).isEqualTo(TOOL);
    assertThat(others.get("whatDoYouHopeToBuild").asText()).isEqualTo(HOPES);
    assertThat(others.get("yearsOfPython").isNumber()).isTrue();
    assertThat(others.get("yearsOfPython").asInt()).isEqualTo(3);
    assertThat(others.get("availableFrom").asText()).isEqualTo("2026-03-01");
    assertThat(others.get("heardFrom").asText()).isEqualTo("mastodon");
    assertThat(others.get("pace").asText()).isEqualTo("steady");
    assertThat(others.get("interests").isArray()).isTrue();
    assertThat(others.get("interests").toString()).isEqualTo("[\"docs\",\"tests\"]");
    assertThat(others.get("readContributingGuide").isBoolean()).isTrue();
    assertThat(others.get("readContributingGuide").asBoolean()).isTrue();

    // The acknowledgement has the organiser's words.
    String processId = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId();
    testData.executeJobs(processId);
    MimeMessage ack = Mailbox.messagesTo(email).get(0);
    assertThat(ack.getSubject()).isEqualTo("Lift-off for " + changed.getName());
    assertThat(Mailbox.text(ack)).contains("Hello " + name + ",")
        .contains("Your application " + application.getId() + " is in orbit.");

    // The other cohort keeps the form and the words it had.
    String otherEmail = TestData.uniqueEmail();
    WebClient other = new WebClient(port);
    String otherPath = "/cohorts/" + unchanged.getSlug() + "/apply";
    WebClient.Response otherPage = other.get(otherPath);
    assertThat(otherPage.body()).doesNotContain("What do you hope to build?").doesNotContain("favouriteTool");
    assertThat(other.postForm(otherPath, WebClient.form(otherPage, TestData.formAnswers(otherEmail, "Alan")))
        .status()).isEqualTo(302);
    testData.executeJobs(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        applications.findByEmail(otherEmail).get(0).getId().toString()).singleResult().getId());
    MimeMessage otherAck = Mailbox.messagesTo(otherEmail).get(0);
    assertThat(otherAck.getSubject()).isEqualTo("We received your application to Djangonaut Space "
        + unchanged.getName());
    assertThat(Mailbox.text(otherAck)).doesNotContain("in orbit");

    // A reviewer reads the other answers in Tasklist (JavaScript on: Tasklist needs it), hostile text as typed.
    String reviewer = testData.reviewerOf(changed);
    List<String> taskIds = taskService.createTaskQuery().processInstanceId(processId).list().stream()
        .map(Task::getId).toList();
    try (Browser tasklist = new Browser()) {
      tasklist.logInToTasklist(url(""), reviewer);
      tasklist.click(filterLink(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW));
      tasklist.visible(activeFilter(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW));
      tasklist.click(By.xpath("//a[contains(normalize-space(), 'Review: " + name + "')]"));
      tasklist.waitFor(d -> taskIds.stream().anyMatch(id -> d.getCurrentUrl().contains("task=" + id)) ? true : null);
      By otherAnswers = fieldLabelled("Other answers");
      String shown = tasklist.waitFor(d -> {
        String value = d.findElement(otherAnswers).getAttribute("value");
        return value == null || value.isEmpty() ? null : value;
      });
      assertThat(shown).isEqualTo("Your favourite Django package:\n" + TOOL
          + "\n\nWhat do you hope to build?:\n" + HOPES
          + "\n\nYears of Python:\n3"
          + "\n\nAvailable from:\n2026-03-01"
          + "\n\nWhere did you hear of us?:\nMastodon"
          + "\n\nHow do you like to work?:\nSteadily, a little every day"
          + "\n\nWhat would you like to work on?:\nDocumentation, Tests"
          + "\n\nI have read Django's contributing guide.:\nyes");
      assertThat(tasklist.driver().findElements(By.xpath("//script[contains(., \"alert('x')\")]"))).isEmpty();
      try {
        tasklist.driver().switchTo().alert();
        throw new AssertionError("A script of the applicant's ran in Tasklist");
      } catch (NoAlertPresentException expected) {
        // the text stayed text
      }
      Accessibility.assertNoSeriousViolations(tasklist, "Tasklist: the review form with other answers",
          ".fjs-container");
    }
  }

  /** Checks the page with axe-core and that each message beside a field describes it. */
  private void check(String page) {
    Accessibility.assertNoSeriousViolations(browser, page);
    Accessibility.assertFieldErrorsDescribeTheirFields(browser, page);
  }

  private String errorOf(String key) {
    return browser.visible(By.id(key + "-error")).getText();
  }

  private String valueOf(String id) {
    return browser.visible(By.id(id)).getAttribute("value");
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

  /** The form-js input whose label starts with this text. */
  private static By fieldLabelled(String label) {
    return By.xpath("//*[@id=//label[starts-with(normalize-space(.), '" + label + "')]/@for]");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
