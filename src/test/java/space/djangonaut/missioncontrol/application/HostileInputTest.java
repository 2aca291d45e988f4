package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Malformed, oversized and hostile input to every public endpoint: a clean 4xx and nothing stored, or, for hostile
 * text that is a valid answer, stored as text and shown escaped everywhere, never evaluated.
 */
@IntegrationTest
class HostileInputTest {

  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String EXPRESSION = "${execution.setVariable('hacked', true)} #{1+1}";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @Test
  void shouldStoreHostileTextAsTextAndShowItEscapedInPagesTasklistAndEmails() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    Map<String, List<String>> answers = answers(email);
    answers.put("name", List.of("Eve " + SCRIPT));
    answers.put("motivation", List.of("I want to learn, and I wonder what this does: " + EXPRESSION));
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";

    assertThat(browser.postForm(path, WebClient.form(browser.get(path), answers)).status()).isEqualTo(302);

    Application stored = applications.findAll().stream().filter(a -> a.getEmail().equals(email)).findFirst()
        .orElseThrow();
    assertThat(stored.getName()).isEqualTo("Eve " + SCRIPT);
    assertThat(stored.getMotivation()).endsWith(EXPRESSION);
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(stored.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    assertThat(runtimeService.getVariable(process.getId(), "hacked")).isNull();
    String review = taskService.createTaskQuery().processInstanceId(process.getId()).list().get(0).getId();
    assertThat(formService.getTaskFormVariables(review).get("applicantMotivation").toString()).endsWith(EXPRESSION);
    assertThat(Mailbox.html(Mailbox.messagesTo(email).get(0))).contains("Eve &lt;script&gt;")
        .doesNotContain(SCRIPT);
    String organiser = testData.organiser();
    String page = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + cohort.getSlug()).body();
    assertThat(page).contains("Eve &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(SCRIPT);
  }

  @Test
  void shouldRefuseOversizedAndMalformedAnswersWithAClean400AndStoreNothing() {
    Cohort cohort = testData.openCohort();
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    WebClient browser = new WebClient(port);
    long before = applications.count();

    Map<String, List<String>> oversized = answers(TestData.uniqueEmail());
    oversized.put("motivation", List.of("x".repeat(5000)));
    oversized.put("name", List.of("n".repeat(500)));
    WebClient.Response tooLong = browser.postForm(path, WebClient.form(browser.get(path), oversized));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Please keep this to 4000 characters.")
        .contains("Your name can be at most 120 characters.");

    Map<String, List<String>> malformed = answers(TestData.uniqueEmail());
    malformed.put("hoursPerWeek", List.of("four"));
    malformed.put("djangoExperience", List.of("WIZARD"));
    malformed.put("availability", List.of("MON-18", "XYZ-99"));
    malformed.put("timezone", List.of("Mars/Olympus_Mons"));
    malformed.put("project", List.of(SCRIPT));
    malformed.put("contributionUrl", List.of("javascript:alert(1)"));
    WebClient.Response bad = browser.postForm(path, WebClient.form(browser.get(path), malformed));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("Tick only the slots shown.").contains("Choose a time zone from the list.")
        .contains("Choose a project from the list.").contains("Give a full link starting with https://.")
        .doesNotContain(SCRIPT);

    // Past the 64 KB a form may have, the body is cut off, its CSRF token with it.
    WebClient.Response huge = browser.postForm(path, WebClient.form(browser.get(path),
        Map.of("motivation", List.of("y".repeat(200_000)))));
    assertThat(huge.status()).isEqualTo(403);
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseHostileAndMalformedInputToTheOtherPublicEndpoints() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String volunteer = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> signUp = new LinkedHashMap<>();
    signUp.put("name", List.of(SCRIPT));
    signUp.put("email", List.of(EXPRESSION));
    signUp.put("role", List.of("ADMIN"));
    signUp.put("projects", List.of(SCRIPT));
    signUp.put("availability", List.of("MON-18"));
    signUp.put("capacity", List.of("-1"));
    signUp.put("codeOfConductAccepted", List.of("true"));

    WebClient.Response volunteered = browser.postForm(volunteer, WebClient.form(browser.get(volunteer), signUp));

    assertThat(volunteered.status()).isEqualTo(400);
    assertThat(volunteered.body()).contains("This does not look like an email address.")
        .contains("Take at least one Djangonaut.").contains("Tick only the projects shown.")
        .doesNotContain(SCRIPT).contains("&lt;script&gt;");
    String offerPage = "/offers/" + "B".repeat(43);
    WebClient.Response offer = browser.postForm(offerPage, WebClient.form(browser.get("/cohorts/" + cohort.getSlug()
        + "/apply"), Map.of("answer", List.of(EXPRESSION))));
    assertThat(offer.status()).isIn(400, 404);
    WebClient.Response survey = browser.postForm("/survey/" + "C".repeat(43), WebClient.form(browser.get("/cohorts/"
        + cohort.getSlug() + "/apply"), Map.of("comfortCommunity", List.of("VERY_MUCH"), "mayQuote", List.of("x"))));
    assertThat(survey.status()).isIn(400, 404);
    assertThat(survey.body()).doesNotContain("Exception");
  }

  @Test
  void shouldKeepNothingWhenABotFillsInTheHiddenField() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = answers(email);
    answers.put("website", List.of("https://spam.example"));

    WebClient.Response response = browser.postForm(path, WebClient.form(browser.get(path), answers));

    assertThat(response.status()).isEqualTo(302);
    assertThat(applications.findAll().stream().filter(a -> a.getEmail().equals(email))).isEmpty();
  }

  @Test
  void shouldCreateOneApplicationWhenTheFormIsSentTwiceByADoubleClick() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    WebClient browser = new WebClient(port);
    Map<String, List<String>> form = WebClient.form(browser.get(path), answers(email));

    assertThat(browser.postForm(path, form).status()).isEqualTo(302);
    assertThat(browser.postForm(path, form).status()).isEqualTo(302);

    assertThat(applications.findAll().stream().filter(a -> a.getEmail().equals(email))).hasSize(1);
  }

  @Test
  void shouldAnswerUnknownUsedOrMalformedLinksWithAPageNotAStackTrace() {
    WebClient browser = new WebClient(port);
    String unknown = "A".repeat(43);

    WebClient.Response offer = browser.get("/offers/" + unknown);
    WebClient.Response junk = browser.get("/offers/%3Cscript%3E");
    WebClient.Response survey = browser.get("/survey/" + unknown);
    WebClient.Response password = browser.get("/volunteers/password/" + EXPRESSION.replace(" ", "%20")
        .replace("{", "%7B").replace("}", "%7D").replace("#", "%23").replace("'", "%27"));

    assertThat(offer.status()).isEqualTo(404);
    assertThat(offer.body()).contains("We do not know this link").doesNotContain("Exception");
    assertThat(junk.status()).isEqualTo(404);
    assertThat(survey.status()).isEqualTo(404);
    assertThat(password.status()).isEqualTo(410);
  }

  @Test
  void shouldNeverStoreJavaSerializedVariables() {
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
        .listPage(0, 1).get(0);

    // What a client of the REST API would send: bytes for the engine to deserialize.
    String serialized = java.util.Base64.getEncoder().encodeToString(javaSerialized(new Payload()));

    assertThatThrownBy(() -> runtimeService.setVariable(process.getId(), "payload",
        Variables.serializedObjectValue(serialized).serializationDataFormat(Variables.SerializationDataFormats.JAVA)
            .objectTypeName(Payload.class.getName()).create()))
        .hasMessageContaining("Java serialization format is prohibited");
  }

  private static Map<String, List<String>> answers(String email) {
    return new LinkedHashMap<>(TestData.formAnswers(email, "Eve"));
  }

  private static byte[] javaSerialized(Object object) {
    try (var bytes = new java.io.ByteArrayOutputStream(); var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(object);
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Anything a client might try to send as a Java-serialized variable. */
  static final class Payload implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
