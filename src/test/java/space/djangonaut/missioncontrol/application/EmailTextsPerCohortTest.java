package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.MailTexts;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * An organiser changes the words of one cohort's acknowledgement on the organiser page, previews them, saves them,
 * and the next applicant of that cohort receives them through the application process; another cohort's applicants
 * still receive the default words. Nothing the organiser or the applicant writes is evaluated.
 */
@IntegrationTest
class EmailTextsPerCohortTest {

  private static final String SUBJECT = "Lift-off for {{cohortName}}: application {{applicationId}}";
  private static final String BODY = """
      Hello {{name}},

      Your application **{{applicationId}}** to work on {{project}} is in orbit. The countdown to \
      {{cohortStartsOn}} has begun.

      Warmly,
      Mission Control
      """;
  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String HOSTILE = SCRIPT + " ${T(java.lang.Runtime).getRuntime().exec('id')} [[${name}]] "
      + "<p th:text=\"${name}\">th</p>";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationPersonalData personalData;
  @Autowired OutboxEmailRepository outbox;
  @Autowired MailTexts texts;
  @Autowired RuntimeService runtimeService;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldSendTheWordsAnOrganiserEditedAndPreviewedWhileAnotherCohortKeepsTheDefault() throws Exception {
    Cohort edited = testData.openCohort();
    Cohort other = testData.openCohort();
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    String emails = "/organiser/cohorts/" + edited.getSlug() + "/emails";
    assertThat(client.get("/organiser/cohorts/" + edited.getSlug()).body()).contains("href=\"" + emails + "\"");
    assertThat(client.get(emails).body()).contains(emails + "/APPLICATION_RECEIVED").contains("Default");
    String path = emails + "/APPLICATION_RECEIVED";
    WebClient.Response editPage = client.get(path);
    assertThat(editPage.body()).contains("{{applicationId}}", "the application&#39;s reference number")
        .contains("Two reviewers will read it").as("the default text, previewed and as Markdown to start from");

    WebClient.Response preview = client.postForm(path, WebClient.form(editPage, fields(SUBJECT, BODY, "preview")));

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains("Preview of the text above")
        .contains("Lift-off for " + edited.getName() + ": application 42")
        .contains("Your application **42** to work on Django core is in orbit.")
        .contains("&lt;strong&gt;42&lt;/strong&gt;");
    assertThat(texts.history(edited.getId(), MailTemplate.APPLICATION_RECEIVED)).as("a preview saves nothing")
        .isEmpty();

    WebClient.Response saved = client.postForm(path, WebClient.form(preview, fields(SUBJECT, BODY, "save")));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.header("Location")).endsWith(path + "?saved=1");
    assertThat(client.get(path + "?saved=1").body()).contains("Saved as version 1").contains("Version 1")
        .contains(organiser);
    assertThat(client.get(emails).body()).contains("Version 1, by " + organiser);

    String editedApplicant = apply(edited, "Grace Hopper");
    String otherApplicant = apply(other, "Alan Turing");

    MimeMessage ack = single(editedApplicant);
    long id = applications.findByEmail(editedApplicant).get(0).getId();
    System.out.println("=== The acknowledgement of " + edited.getName() + " after the organiser's edit:\nSubject: "
        + ack.getSubject() + "\n" + Mailbox.text(ack) + "\n=== its HTML part:\n" + Mailbox.html(ack));
    assertThat(ack.getSubject()).isEqualTo("Lift-off for " + edited.getName() + ": application " + id);
    assertThat(Mailbox.text(ack)).contains("Hello Grace Hopper,")
        .contains("Your application **" + id + "** to work on Django core is in orbit.")
        .doesNotContain("Two reviewers will read it");
    assertThat(Mailbox.html(ack)).contains("<p>Hello Grace Hopper,</p>")
        .contains("Your application <strong>" + id + "</strong> to work on Django core is in orbit.");
    MimeMessage otherAck = single(otherApplicant);
    assertThat(otherAck.getSubject()).isEqualTo("We received your application to Djangonaut Space "
        + other.getName());
    assertThat(Mailbox.text(otherAck)).contains("Hello Alan Turing,").contains("Two reviewers will read it")
        .doesNotContain("in orbit");
    assertThat(outbox.findByRecipientOrderById(editedApplicant)).singleElement()
        .satisfies(e -> assertThat(e.getCohortId()).isEqualTo(edited.getId()));
  }

  @Test
  void shouldKeepHostileTextAsTextInThePreviewTheHtmlEmailAndTheTextEmail() throws Exception {
    Cohort cohort = testData.openCohort();
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_RECEIVED";
    String subject = "Hi {{name}} ${T(java.lang.Runtime)} [[${cohort}]]";
    String body = "Hello {{name}},\n\n" + HOSTILE + "\n";

    WebClient.Response preview = client.postForm(path,
        WebClient.form(client.get(path), fields(subject, body, "preview")));

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).doesNotContain(SCRIPT).doesNotContain("<p th:text")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
            + "${T(java.lang.Runtime).getRuntime().exec(&#39;id&#39;)} [[${name}]] &lt;p th:text=&quot;${name}&quot;&gt;th&lt;/p&gt;")
        .contains("Hi Ada Lovelace ${T(java.lang.Runtime)} [[${cohort}]]");
    assertThat(client.postForm(path, WebClient.form(preview, fields(subject, body, "save"))).status())
        .isEqualTo(302);
    assertThat(texts.current(cohort.getId(), MailTemplate.APPLICATION_RECEIVED).orElseThrow().getBody())
        .isEqualTo(body);

    String applicant = apply(cohort, "Eve " + SCRIPT + " ${7*7}");

    MimeMessage ack = single(applicant);
    assertThat(ack.getSubject()).isEqualTo("Hi Eve " + SCRIPT + " ${7*7} ${T(java.lang.Runtime)} [[${cohort}]]");
    assertThat(Mailbox.text(ack)).contains("Hello Eve " + SCRIPT + " ${7*7},").contains(HOSTILE);
    assertThat(Mailbox.html(ack)).doesNotContain("<script").doesNotContain("<p th:text")
        .contains("Hello Eve &lt;script&gt;alert('x')&lt;/script&gt; ${7*7},")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt; ${T(java.lang.Runtime).getRuntime().exec('id')} "
            + "[[${name}]] &lt;p th:text=&quot;${name}&quot;&gt;th&lt;/p&gt;");
  }

  @Test
  void shouldEraseOneApplicationsEmailsWhoseSubjectTheOrganisersChangedAndLeaveTheOtherCohorts() {
    Cohort changed = testData.openCohort();
    Cohort other = testData.openCohort();
    texts.save(changed.getId(), MailTemplate.APPLICATION_RECEIVED, "Lift-off for {{cohortName}}",
        "Hello {{name}}, we have application {{applicationId}}.", 0, "olga");
    String email = TestData.uniqueEmail();
    long first = submitted(changed, email);
    submitted(other, email);
    assertThat(outbox.findByRecipientOrderById(email)).hasSize(2);

    transactions.executeWithoutResult(status ->
        personalData.eraseThisApplicationOnly(applications.findWithCohort(first).orElseThrow()));

    assertThat(outbox.findByRecipientOrderById(email)).as("only the other cohort's acknowledgement stays")
        .singleElement().satisfies(e -> {
          assertThat(e.getCohortId()).isEqualTo(other.getId());
          assertThat(e.getSubject()).isEqualTo("We received your application to Djangonaut Space " + other.getName());
        });
    assertThat(outbox.findAll()).filteredOn(e -> changed.getId().equals(e.getCohortId()))
        .extracting(OutboxEmail::getRecipient).allMatch(r -> r.endsWith("@erased.invalid"));
  }

  private static Map<String, List<String>> fields(String subject, String body, String action) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("subject", List.of(subject));
    fields.put("body", List.of(body));
    fields.put("baseVersion", List.of("0"));
    fields.put("action", List.of(action));
    return fields;
  }

  /** Applies through the public form and runs the process's jobs: the acknowledgement is sent. */
  private String apply(Cohort cohort, String name) {
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    assertThat(browser.postForm(path, WebClient.form(browser.get(path), TestData.formAnswers(email, name))).status())
        .isEqualTo(302);
    runJobs(applications.findByEmail(email).get(0).getId());
    return email;
  }

  private long submitted(Cohort cohort, String email) {
    long id = applicationService.submit(cohort.getSlug(), TestData.applicationForm(email)).getId();
    runJobs(id);
    return id;
  }

  private void runJobs(long applicationId) {
    testData.executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Long.toString(applicationId)).singleResult().getId());
  }

  private static MimeMessage single(String email) throws MessagingException {
    List<MimeMessage> messages = Mailbox.messagesTo(email);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
