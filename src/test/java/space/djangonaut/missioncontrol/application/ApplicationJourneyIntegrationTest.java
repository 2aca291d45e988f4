package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * The walking skeleton end to end over real HTTP, PostgreSQL and SMTP: the public form, two reviews, the organiser's
 * decision through the JSON API, and the two emails.
 */
@IntegrationTest
class ApplicationJourneyIntegrationTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired OutboxEmailRepository sentEmails;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @Test
  void shouldTakeAnApplicationFromThePublicFormToItsDecisionEmail() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);

    WebClient.Response page = browser.get("/cohorts/" + cohort.getSlug() + "/apply");
    assertThat(page.status()).isEqualTo(200);
    WebClient.Response submitted = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(page, validAnswers(email, "Ada <b>Lovelace</b>")));

    assertThat(submitted.status()).isEqualTo(302);
    assertThat(submitted.header("Location")).endsWith("/cohorts/" + cohort.getSlug() + "/applied");
    Application application = applications.findAll().stream().filter(a -> a.getEmail().equals(email))
        .findFirst().orElseThrow();
    assertThat(application.getName()).isEqualTo("Ada <b>Lovelace</b>");
    assertThat(application.getPronouns()).isEqualTo("they/them");
    assertThat(application.getAvailability().slots()).containsExactlyInAnyOrder("MON-18", "WED-18");
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());

    List<Task> reviews = taskService.createTaskQuery().processInstanceId(process.getId()).list();
    assertThat(reviews).hasSize(2);
    for (Task review : reviews) {
      taskService.claim(review.getId(), testData.reviewer());
      taskService.complete(review.getId(), Map.of("scoreMotivation", 5L, "scoreExperience", 4L,
          "scoreAvailability", 4L, "scoreCommunity", 5L, "recommendation", "accept", "reviewComment", "Great"));
    }
    testData.executeJobs(process.getId());

    String organiser = testData.organiser();
    WebClient.Response decided = new WebClient(port).basicAuth(organiser, organiser)
        .postJson("/api/applications/" + application.getId() + "/outcome", "{\"outcome\":\"accepted\"}");
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.body()).contains("\"status\":\"decided\"").contains("\"aggregateScore\":18.00");
    testData.executeJobs(process.getId());

    List<MimeMessage> received = Mailbox.messagesTo(email);
    assertThat(received).hasSize(2);
    MimeMessage acknowledgement = received.get(0);
    MimeMessage acceptance = received.get(1);
    assertThat(subject(acknowledgement)).isEqualTo("We received your application to Djangonaut Space "
        + cohort.getName());
    assertThat(Mailbox.text(acknowledgement)).contains("Hello Ada <b>Lovelace</b>,").contains(cohort.getName())
        .contains("Django core").contains("reference " + application.getId());
    assertThat(Mailbox.html(acknowledgement)).contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;")
        .doesNotContain("<b>Lovelace</b>");
    assertThat(subject(acceptance)).isEqualTo("A place for you in Djangonaut Space " + cohort.getName()
        + ": please accept it");
    assertThat(Mailbox.text(acceptance)).contains("Congratulations").contains("/offers/")
        .contains("Please accept or decline your place by");
    assertThat(sentEmails.findByProcessInstanceIdOrderById(process.getId()))
        .extracting(OutboxEmail::getRecipient, OutboxEmail::getTemplate)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(email, MailTemplate.APPLICATION_RECEIVED),
            org.assertj.core.groups.Tuple.tuple(email, MailTemplate.APPLICATION_ACCEPTED));
  }

  @Test
  void shouldShowEachInvalidFieldWithItsReasonAndStoreNothing() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/cohorts/" + cohort.getSlug() + "/apply");
    Map<String, List<String>> answers = validAnswers("not-an-email", "Ada");
    answers.put("motivation", List.of("Too short"));
    answers.remove("availability");
    answers.remove("codeOfConductAccepted");
    long before = applications.count();

    WebClient.Response response = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(page, answers));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("This does not look like an email address.")
        .contains("Tell us a little more about why you want to join (at least 50 characters).")
        .contains("Tick the times (in your time zone) when you could meet your team each week.")
        .contains("You need to agree to the Django Code of Conduct to take part.")
        .contains("value=\"Ada\"");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldKeepTheFirstApplicationWhenTheSameEmailAppliesAgain() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    WebClient.Response page = browser.get("/cohorts/" + cohort.getSlug() + "/apply");
    browser.postForm("/cohorts/" + cohort.getSlug() + "/apply", WebClient.form(page, validAnswers(email, "First")));

    WebClient.Response again = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(browser.get("/cohorts/" + cohort.getSlug() + "/apply"),
            validAnswers("  " + email.toUpperCase() + " ", "Second")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("We already have an application from");
    List<Application> stored = applications.findAll().stream().filter(a -> a.getEmail().equals(email)).toList();
    assertThat(stored).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("First"));
  }

  @Test
  void shouldRefuseAFormWithoutItsCsrfToken() {
    Cohort cohort = testData.openCohort();
    long before = applications.count();

    WebClient.Response response = new WebClient(port).postForm("/cohorts/" + cohort.getSlug() + "/apply",
        validAnswers(TestData.uniqueEmail(), "Ada"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldAnswerTheApiWithTheFieldAndTheReason() {
    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);

    WebClient.Response response = api.postJson("/api/cohorts", "{\"slug\":\"Not A Slug\",\"capacity\":0}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"name\":\"Give the cohort a name")
        .contains("\"slug\":\"Use lower-case letters, digits and single hyphens only.\"")
        .contains("\"capacity\":\"Select at least one Djangonaut.\"");
    assertThat(new WebClient(port).postJson("/api/cohorts", "{}").status()).isEqualTo(401);
    assertThat(new WebClient(port).get("/engine-rest/process-definition").status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseThroughTheApiReviewersWhoDoNotExistNamingTheField() {
    String organiser = testData.organiser();
    String slug = TestData.unique("api");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String later = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString();
    String start = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(40).toString();

    WebClient.Response response = new WebClient(port).basicAuth(organiser, organiser).postJson("/api/cohorts",
        "{\"name\":\"API session\",\"slug\":\"" + slug + "\",\"applicationsOpenOn\":\"" + today
            + "\",\"applicationsCloseOn\":\"" + later + "\",\"startsOn\":\"" + start
            + "\",\"reviewers\":\"nobody-by-this-name\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"reviewers\":\"There is no user \\\"nobody-by-this-name\\\"");
  }

  private static Map<String, List<String>> validAnswers(String email, String name) {
    return new java.util.LinkedHashMap<>(TestData.formAnswers(email, name));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
