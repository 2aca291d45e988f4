package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * An organiser changes the public application form ({@code forms/apply.form}) in Camunda Modeler's form editor and
 * deploys it: the public page, drawn on the server without JavaScript, asks the new questions and no longer the
 * removed one, validates them from the schema, stores the answers as JSON with the form's version, and the review
 * task shows them (not the sensitive ones). A form without a question Mission Control needs is refused.
 */
@IntegrationTest
class ApplicationFormFromModelerTest {

  private static final String HOSTILE = "<script>alert(1)</script> ${7*7} [[${x}]] *{name}";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ApplyForms applyForms;
  @Autowired space.djangonaut.missioncontrol.privacy.PersonalDataService personalData;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void putTheFormOfTheRepositoryBack() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  /** The repository's form without pronouns, with three new questions and a new text. */
  private static ObjectNode changedForm() {
    ObjectNode form = ApplyFormSchemaTest.applyForm();
    ArrayNode components = (ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).path("key").asText().equals("pronouns")) {
        components.remove(i);
      }
    }
    ApplyFormSchemaTest.question(form, "{\"id\":\"Text_Hopes\",\"type\":\"text\","
        + "\"text\":\"### Your plans\\n\\n<script>alert('organiser')</script>\\n\\nTell us **briefly**.\"}");
    ApplyFormSchemaTest.question(form, "{\"id\":\"Field_Hopes\",\"key\":\"whatDoYouHopeToBuild\","
        + "\"label\":\"What do you hope to build?\",\"description\":\"A sentence or two.\",\"type\":\"textarea\","
        + "\"validate\":{\"required\":true,\"maxLength\":300}}");
    ApplyFormSchemaTest.question(form, "{\"id\":\"Field_HeardFrom\",\"key\":\"heardFrom\","
        + "\"label\":\"Where did you hear of us?\",\"type\":\"select\",\"values\":["
        + "{\"label\":\"A friend\",\"value\":\"friend\"},{\"label\":\"Mastodon\",\"value\":\"mastodon\"}]}");
    ApplyFormSchemaTest.question(form, "{\"id\":\"Field_AccessNeeds\",\"key\":\"accessNeeds\","
        + "\"label\":\"Anything we should know to make the calls work for you?\",\"type\":\"textarea\","
        + "\"validate\":{\"maxLength\":500},\"properties\":{\"sensitive\":\"true\"}}");
    return form;
  }

  private int deploy(ObjectNode form) {
    deployments.add(repositoryService.createDeployment().name("organiser changes the application form")
        .addString("forms/apply.form", form.toString()).deploy().getId());
    return applyForms.latest().version();
  }

  private static Map<String, List<String>> answers(String email, String name) {
    return new LinkedHashMap<>(TestData.formAnswers(email, name));
  }

  @Test
  void shouldAskTheNewQuestionsAndNoLongerTheRemovedOneInANewCohortWhileAnOpenCohortKeepsItsForm() {
    Cohort open = testData.openCohort();
    String before = new WebClient(port).get("/cohorts/" + open.getSlug() + "/apply").body();
    assertThat(before).contains("Pronouns (optional)").doesNotContain("What do you hope to build?");

    deploy(changedForm());
    Cohort next = testData.openCohort();
    WebClient.Response page = new WebClient(port).get("/cohorts/" + next.getSlug() + "/apply");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("Pronouns (optional)").doesNotContain("id=\"pronouns\"")
        .contains("What do you hope to build?")
        .contains("<textarea id=\"whatDoYouHopeToBuild\" name=\"whatDoYouHopeToBuild\" maxlength=\"300\"")
        .contains("aria-describedby=\"whatDoYouHopeToBuild-hint\" required=\"required\"></textarea>")
        .contains("<option value=\"mastodon\">Mastodon</option>")
        .contains("<h3>Your plans</h3>").contains("Tell us <strong>briefly</strong>.")
        .contains("&lt;script&gt;alert('organiser')&lt;/script&gt;").doesNotContain("<script>alert")
        // the fixed questions keep Mission Control's widgets
        .contains("id=\"slot-MON-18\"").contains("id=\"show-zone\"").contains("id=\"codeOfConductAccepted1\"");
    assertThat(new WebClient(port).get("/cohorts/" + open.getSlug() + "/apply").body())
        .as("the open cohort keeps the form it opened with").contains("Pronouns (optional)")
        .doesNotContain("What do you hope to build?");

    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    String cohortPage = "/organiser/cohorts/" + open.getSlug();
    assertThat(client.get(cohortPage).body()).contains("id=\"use-latest-apply-form\"");
    WebClient.Response chosen = client.postForm(cohortPage + "/application-form",
        WebClient.form(client.get(cohortPage), Map.of()));

    assertThat(chosen.status()).isBetween(300, 399);
    assertThat(new WebClient(port).get("/cohorts/" + open.getSlug() + "/apply").body())
        .contains("What do you hope to build?").doesNotContain("Pronouns (optional)");
  }

  @Test
  void shouldRefuseWrongAnswersToTheNewQuestionsWithTheirReasonsAndKeepWhatWasTyped() {
    Cohort cohort = testData.openCohort();
    deploy(changedForm());
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/cohorts/" + cohort.getSlug() + "/apply");
    Map<String, List<String>> answers = answers(TestData.uniqueEmail(), "Ada");
    answers.put("heardFrom", List.of("television"));
    answers.put("accessNeeds", List.of(HOSTILE));
    long stored = applications.count();

    WebClient.Response refused = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(page, answers));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("<a href=\"#whatDoYouHopeToBuild\">Please answer this question.</a>")
        .contains("<a href=\"#heardFrom\">Please choose one of the options shown.</a>")
        .contains("id=\"whatDoYouHopeToBuild-error\"")
        .contains("aria-describedby=\"whatDoYouHopeToBuild-hint whatDoYouHopeToBuild-error\"")
        .contains("value=\"Ada\"")
        // what was typed comes back as text, not markup or an expression
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${x}]] *{name}</textarea>")
        .doesNotContain("<script>alert(1)");
    assertThat(applications.count()).isEqualTo(stored);
  }

  @Test
  void shouldNameAnUnreadableFixedAnswerWithItsMessageNotSpringsConversionError() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = answers(TestData.uniqueEmail(), "Eve");
    answers.put("djangoExperience", List.of("x"));
    answers.put("hoursPerWeek", List.of("many"));

    WebClient.Response refused = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(browser.get("/cohorts/" + cohort.getSlug() + "/apply"), answers));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<a href=\"#djangoExperience\">Choose one of the options.</a>")
        .contains("<a href=\"#hoursPerWeek\">Write a whole number.</a>").contains("value=\"many\"")
        .doesNotContain("Failed to convert");
  }

  @Test
  void shouldTakeAnApplicationThroughTheRenderedFormToTheReviewTaskWithItsOtherAnswers() throws Exception {
    Cohort cohort = testData.openCohort();
    int version = deploy(changedForm());
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/cohorts/" + cohort.getSlug() + "/apply");
    Map<String, List<String>> answers = answers(email, "Ada");
    answers.put("whatDoYouHopeToBuild", List.of(HOSTILE));
    answers.put("heardFrom", List.of("friend"));
    answers.put("accessNeeds", List.of("Captions, please."));

    WebClient.Response sent = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(page, answers));

    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    Application application = applications.findAll().stream().filter(a -> a.getEmail().equals(email))
        .findFirst().orElseThrow();
    JsonNode stored = new ObjectMapper().readTree(application.getOtherAnswers());
    assertThat(stored.get("whatDoYouHopeToBuild").asText()).isEqualTo(HOSTILE);
    assertThat(stored.get("heardFrom").asText()).isEqualTo("friend");
    assertThat(stored.get("accessNeeds").asText()).isEqualTo("Captions, please.");
    assertThat(application.getFormVersion()).isEqualTo(version);
    assertThat(application.getPronouns()).as("the form no longer asks for pronouns").isNull();

    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    List<Task> reviews = taskService.createTaskQuery().processInstanceId(process.getId()).list();
    assertThat(reviews).hasSize(2);
    for (Task review : reviews) {
      Object shown = taskService.getVariable(review.getId(), "applicantOtherAnswers");
      assertThat(shown).isEqualTo("What do you hope to build?:\n" + HOSTILE
          + "\n\nWhere did you hear of us?:\nA friend");
    }
  }

  /**
   * Hostile input in every component type an organiser may add: refused with the question's message where it is not
   * an answer (a number, a date, a choice, a tick), shown back as text; stored as typed where it is (text), and
   * shown escaped or as text wherever other answers are shown: the refusal page, the review task (Tasklist draws it
   * as a text area's value: {@code ApplyWithoutJavaScriptBrowserTest}), the personal data export (JSON). The
   * organiser's cohort and selection pages do not show other answers.
   */
  @Test
  void shouldKeepHostileInputToEveryNewComponentTypeAsTextOnEveryPageThatShowsIt() throws Exception {
    deploy(ApplyWithoutJavaScriptBrowserTest.formWithNewQuestions());
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = answers(email, "Ada");
    for (String key : List.of("favouriteTool", "whatDoYouHopeToBuild", "yearsOfPython", "availableFrom", "heardFrom",
        "pace", "readContributingGuide")) {
      answers.put(key, List.of(HOSTILE));
    }
    answers.put("interests", List.of("docs", HOSTILE));
    long stored = applications.count();

    WebClient.Response refused = browser.postForm(path, WebClient.form(browser.get(path), answers));

    assertThat(refused.status()).isEqualTo(400);
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} [[${x}]] *{name}";
    assertThat(refused.body()).doesNotContain("<script>alert(1)")
        .contains("<a href=\"#yearsOfPython\">Please give a number, e.g. 3.</a>")
        .contains("<a href=\"#availableFrom\">Please give a date as year-month-day, e.g. 2026-03-01.</a>")
        .contains("<a href=\"#heardFrom\">Please choose one of the options shown.</a>")
        .contains("<a href=\"#pace\">Please choose one of the options shown.</a>")
        .contains("<a href=\"#interests\">Please tick only the options shown.</a>")
        .contains("<a href=\"#readContributingGuide\">Tick this box to go on.</a>")
        // typed text comes back as text: in the text field, the text area, the number and the date
        .contains("id=\"favouriteTool\" name=\"favouriteTool\" value=\"" + escaped + "\"")
        .contains(escaped + "</textarea>")
        .contains("id=\"yearsOfPython\" name=\"yearsOfPython\" value=\"" + escaped + "\"")
        .contains("id=\"availableFrom\" name=\"availableFrom\" value=\"" + escaped + "\"");
    assertThat(applications.count()).isEqualTo(stored);

    answers.put("yearsOfPython", List.of("3"));
    answers.put("availableFrom", List.of("2026-03-01"));
    answers.put("heardFrom", List.of("friend"));
    answers.put("pace", List.of("steady"));
    answers.put("interests", List.of("docs"));
    answers.put("readContributingGuide", List.of("true"));
    WebClient.Response sent = browser.postForm(path, WebClient.form(browser.get(path), answers));

    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    Application application = applications.findByEmail(email).get(0);
    JsonNode typed = new ObjectMapper().readTree(application.getOtherAnswers());
    assertThat(typed.get("favouriteTool").asText()).isEqualTo(HOSTILE);
    assertThat(typed.get("whatDoYouHopeToBuild").asText()).isEqualTo(HOSTILE);
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    for (Task review : taskService.createTaskQuery().processInstanceId(process.getId()).list()) {
      assertThat(taskService.getVariable(review.getId(), "applicantOtherAnswers").toString())
          .contains("Your favourite Django package:\n" + HOSTILE + "\n\nWhat do you hope to build?:\n" + HOSTILE);
    }
    String organiser = testData.organiser();
    WebClient organiserClient = new WebClient(port).basicAuth(organiser, organiser);
    WebClient.Response export = organiserClient.get("/api/personal-data?email=" + email);
    assertThat(export.header("Content-Type")).startsWith("application/json");
    JsonNode exported = new ObjectMapper().readTree(export.body()).findValue("otherAnswers");
    assertThat(exported.get("favouriteTool").asText()).isEqualTo(HOSTILE);
    assertThat(exported.get("whatDoYouHopeToBuild").asText()).isEqualTo(HOSTILE);
    for (String page : List.of("/organiser/cohorts/" + cohort.getSlug(),
        "/organiser/cohorts/" + cohort.getSlug() + "/selection")) {
      WebClient.Response shown = organiserClient.get(page);
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.body()).doesNotContain("<script>alert(1)").doesNotContain("[[${x}]]");
    }
  }

  @Test
  void shouldExportEveryOtherAnswerSensitiveOnesIncludedAndEraseThem() {
    Cohort cohort = testData.openCohort();
    deploy(changedForm());
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = answers(email, "Ada");
    answers.put("whatDoYouHopeToBuild", List.of("A blog."));
    answers.put("accessNeeds", List.of("Captions, please."));
    assertThat(browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(browser.get("/cohorts/" + cohort.getSlug() + "/apply"), answers)).status()).isEqualTo(302);

    assertThat(personalData.export(email).toString())
        .contains("otherAnswers={whatDoYouHopeToBuild=A blog., accessNeeds=Captions, please.}");
    personalData.erase(email);

    Application erased = applications.findAll().stream()
        .filter(a -> a.getCohort().getId().equals(cohort.getId())).findFirst().orElseThrow();
    assertThat(erased.getOtherAnswers()).isNull();
  }

  @Test
  void shouldRefuseAFormWithoutAFixedQuestionWithTheReasonAndKeepTheDeployedOne() throws Exception {
    Cohort cohort = testData.openCohort();
    int deployed = applyForms.latest().version();
    ObjectNode form = changedForm();
    ArrayNode components = (ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).path("key").asText().equals("project")) {
        components.remove(i);
      }
    }
    String organiser = testData.organiser();

    WebClient.Response refused = new WebClient(port).basicAuth(organiser, organiser)
        .postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "mission-control",
            "deployment-source", "Camunda Modeler"), Map.of("apply.form", form.toString().getBytes()));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("details").path("apply.form").path("errors").get(0).path("message").asText())
        .isEqualTo("The application form must keep the question with key project (a select): Mission Control"
            + " needs it.");
    assertThat(applyForms.latest().version()).isEqualTo(deployed);
    assertThat(new WebClient(port).get("/cohorts/" + cohort.getSlug() + "/apply").body())
        .contains("id=\"project\"").doesNotContain("What do you hope to build?");
  }
}
