package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** The organiser pages of a cohort's email texts: refusals that lose nothing, versions, and who may reach them. */
@IntegrationTest
class MailTextsPageTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired MailTexts texts;

  @Test
  void shouldRefuseAnUnknownVariableWithTheReasonAndKeepWhatWasTyped() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_RECEIVED";
    String body = "Hello {{name}}, your password is {{password}}. Every word of this sentence stays.";

    WebClient.Response refused = organiser.postForm(path,
        WebClient.form(organiser.get(path), fields("Thanks, {{name}}", body, 0)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("body: {{password}} is not a variable of this email.")
        .contains("The variables of this email are: {{name}}, {{cohortName}}, {{cohortStartsOn}}")
        .contains(">" + body + "</textarea>").contains("value=\"Thanks, {{name}}\"");
    assertThat(texts.history(cohort.getId(), MailTemplate.APPLICATION_RECEIVED)).isEmpty();
  }

  @Test
  void shouldOpenAndPreviewEveryEmailFromTheDefaultWordsInMarkdown() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String emails = "/organiser/cohorts/" + cohort.getSlug() + "/emails";
    assertThat(organiser.get(emails).body()).contains("application-received").contains("volunteer-welcome");
    for (MailTemplate template : MailTemplate.values()) {
      String path = emails + "/" + template.name();
      WebClient.Response page = organiser.get(path);
      assertThat(page.status()).as(template.name()).isEqualTo(200);
      MailTexts.Draft starter = MailTexts.starter(template);
      Map<String, List<String>> fields = fields(starter.subject(), starter.body(), 0);
      fields.put("action", List.of("preview"));

      WebClient.Response preview = organiser.postForm(path, WebClient.form(page, fields));

      assertThat(preview.status()).as(template.name()).isEqualTo(200);
      String text = preview.body().substring(preview.body().indexOf("id=\"preview-text\""));
      assertThat(text).as(template.name()).contains("Hello Ada Lovelace,").doesNotContain("{{");
    }
    assertThat(organiser.get(emails + "/NO_SUCH").status()).isEqualTo(404);
  }

  /** A text whose words depend on the situation is previewed both ways: each part shown only sometimes is seen. */
  @Test
  void shouldPreviewEachPartShownOnlySometimesAndItsAbsence() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_ACCEPTED";
    WebClient.Response page = organiser.get(path);
    Map<String, List<String>> fields = fields("A place{{#fromWaitlist}} has become free{{/fromWaitlist}}",
        "Hello {{name}}, {{#fromWaitlist}}from the waitlist{{/fromWaitlist}}{{^fromWaitlist}}selected"
            + "{{/fromWaitlist}}: {{offerLink}}", 0);
    fields.put("action", List.of("preview"));

    WebClient.Response preview = organiser.postForm(path, WebClient.form(page, fields));

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains("Hello Ada Lovelace, selected:")
        .contains("Hello Ada Lovelace, from the waitlist:").contains("A place has become free");
    assertThat(organiser.get(path).body()).contains("Congratulations!").contains("a place has become free");
  }

  @Test
  void shouldRefuseAnOfferWithoutThePersonalLinkItMustGive() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_ACCEPTED";

    WebClient.Response refused = organiser.postForm(path,
        WebClient.form(organiser.get(path), fields("A place for you", "Hello {{name}}, you are in!", 0)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("body: this email must give {{offerLink}}");
  }

  @Test
  void shouldRefuseTheLaterSaveOfAStaleVersionAndKeepItsText() {
    Cohort cohort = testData.openCohort();
    WebClient first = organiser();
    WebClient second = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_REJECTED";
    WebClient.Response firstPage = first.get(path);
    WebClient.Response secondPage = second.get(path);

    assertThat(first.postForm(path, WebClient.form(firstPage, fields("Sorry, {{name}}", "First words.", 0)))
        .status()).isEqualTo(302);
    WebClient.Response stale = second.postForm(path,
        WebClient.form(secondPage, fields("Sorry, {{name}}", "Second words, typed at the same time.", 0)));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body()).contains("This email was changed since you opened it: you started from the default "
        + "text, and version 1 has been saved since. Your text was not saved")
        .contains(">Second words, typed at the same time.</textarea>");
    MailText current = texts.current(cohort.getId(), MailTemplate.APPLICATION_REJECTED).orElseThrow();
    assertThat(current.getVersion()).isEqualTo(1);
    assertThat(current.getBody()).isEqualTo("First words.");
  }

  @Test
  void shouldShowEveryVersionAndRestoreOneAsANewVersion() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_WAITLISTED";
    assertThat(organiser.postForm(path, WebClient.form(organiser.get(path), fields("One", "Words one.", 0)))
        .status()).isEqualTo(302);
    assertThat(organiser.postForm(path, WebClient.form(organiser.get(path), fields("Two", "Words two.", 1)))
        .status()).isEqualTo(302);
    WebClient.Response version1 = organiser.get(path + "/versions/1");
    assertThat(version1.body()).contains("Words one.").contains("Restore version 1 as version 3");

    WebClient.Response restored = organiser.postForm(path + "/versions/1/restore",
        WebClient.form(version1, Map.of("baseVersion", List.of("2"))));

    assertThat(restored.status()).isEqualTo(302);
    MailText current = texts.current(cohort.getId(), MailTemplate.APPLICATION_WAITLISTED).orElseThrow();
    assertThat(current.getVersion()).isEqualTo(3);
    assertThat(current.getBody()).isEqualTo("Words one.");
    assertThat(current.getRestoredFrom()).isEqualTo(1);
    assertThat(restored.header("Location")).endsWith(path + "?restored=1&as=3");
    assertThat(organiser.get(path + "?restored=1&as=3").body()).contains("Version 1 restored as version 3.")
        .contains("(restores version 1)");
    WebClient.Response staleRestore = organiser.postForm(path + "/versions/2/restore",
        WebClient.form(version1, Map.of("baseVersion", List.of("2"))));
    assertThat(staleRestore.status()).isEqualTo(302);
    assertThat(staleRestore.header("Location")).endsWith(path + "?stale=3");
    assertThat(organiser.get(path + "?stale=3").body()).contains("version 3 has been saved since. Nothing was restored.");
    assertThat(texts.current(cohort.getId(), MailTemplate.APPLICATION_WAITLISTED).orElseThrow().getVersion())
        .isEqualTo(3);
    assertThat(organiser.get(path + "/versions/9").status()).isEqualTo(404);
  }

  @Test
  void shouldLetOnlyOrganisersReachTheEmailTexts() {
    Cohort cohort = testData.openCohort();
    String reviewer = testData.reviewerOf(cohort);
    WebClient client = new WebClient(port).basicAuth(reviewer, reviewer);
    String emails = "/organiser/cohorts/" + cohort.getSlug() + "/emails";

    assertThat(client.get(emails).status()).isEqualTo(403);
    assertThat(client.get(emails + "/APPLICATION_RECEIVED").status()).isEqualTo(403);
    assertThat(client.postForm(emails + "/APPLICATION_RECEIVED", fields("Hacked", "Hacked {{name}}", 0)).status())
        .isEqualTo(403);
    assertThat(client.postForm(emails + "/APPLICATION_RECEIVED/versions/1/restore",
        Map.of("baseVersion", List.of("0"))).status()).isEqualTo(403);
    assertThat(texts.history(cohort.getId(), MailTemplate.APPLICATION_RECEIVED)).isEmpty();
    assertThat(new WebClient(port).get(emails).status()).as("signed out").isEqualTo(401);
  }

  /** A NUL character (pasted from a binary file, or sent on purpose) cannot be kept by PostgreSQL: refused, not 500. */
  @Test
  void shouldRefuseATextWithANulCharacterWithoutAnError500() {
    Cohort cohort = testData.openCohort();
    WebClient organiser = organiser();
    String path = "/organiser/cohorts/" + cohort.getSlug() + "/emails/APPLICATION_RECEIVED";

    WebClient.Response refused = organiser.postForm(path, WebClient.form(organiser.get(path),
        fields("Thanks, {{name}}", "Hello {{name}} \u0000, we have your application {{applicationId}}.", 0)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(texts.history(cohort.getId(), MailTemplate.APPLICATION_RECEIVED)).isEmpty();
  }

  private WebClient organiser() {
    String id = testData.organiser();
    return new WebClient(port).basicAuth(id, id);
  }

  private static Map<String, List<String>> fields(String subject, String body, int baseVersion) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("subject", List.of(subject));
    fields.put("body", List.of(body));
    fields.put("baseVersion", List.of(Integer.toString(baseVersion)));
    fields.put("action", List.of("save"));
    return fields;
  }
}
