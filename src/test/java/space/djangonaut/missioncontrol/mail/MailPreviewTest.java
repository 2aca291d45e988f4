package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** Organisers preview every email template with sample data; nobody else can. */
@IntegrationTest
class MailPreviewTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired MailService mail;

  @Test
  void shouldPreviewEveryTemplateWithSampleDataForAnOrganiser() {
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);

    assertThat(client.get("/organiser/mail-templates").body()).contains("application-received")
        .contains("volunteer-welcome");
    for (MailTemplate template : MailTemplate.values()) {
      WebClient.Response preview = client.get("/organiser/mail-templates/" + template.name());
      assertThat(preview.status()).as(template.name()).isEqualTo(200);
      assertThat(preview.body()).as(template.name()).contains("Session 5 (sample)").contains("Hello Ada Lovelace,")
          .contains("srcdoc=");
    }
    assertThat(client.get("/organiser/mail-templates/NO_SUCH").status()).isEqualTo(404);
    String reviewer = testData.reviewer();
    assertThat(new WebClient(port).basicAuth(reviewer, reviewer).get("/organiser/mail-templates").status())
        .isEqualTo(403);
  }

  /**
   * An organiser who saves a starting text unchanged sends the words the default template sends, in each situation
   * the default template tells apart (punctuation and line breaks aside: a list in one is a sentence in the other).
   */
  @Test
  void shouldSayTheWordsOfTheDefaultEmailFromTheStartingTextInEachSituation() {
    Map<MailTemplate, List<Map<String, Object>>> situations = Map.of(
        MailTemplate.APPLICATION_ACCEPTED, List.of(Map.of("fromWaitlist", true), Map.of("fromWaitlist", false)),
        MailTemplate.MEETING_INVITATION, List.of(Map.of("moved", true), Map.of("moved", false)),
        MailTemplate.TEAM_WELCOME, List.of(Map.of(), Map.of("withdrawPath", "")),
        MailTemplate.PLACE_CONFIRMED, List.of(Map.of(), Map.of("withdrawPath", "")),
        MailTemplate.SURVEY_INVITATION, List.of(Map.of("volunteer", true), Map.of("volunteer", false)),
        MailTemplate.MIDPOINT_CHECK, List.of(Map.of("volunteer", true), Map.of("volunteer", false)),
        MailTemplate.VOLUNTEER_WELCOME, List.of(Map.of("otherRoles", true), Map.of("otherRoles", false)));
    SoftAssertions softly = new SoftAssertions();
    situations.forEach((template, cases) -> {
      for (Map<String, Object> situation : cases) {
        Map<String, Object> model = new HashMap<>(MailPreviewController.sample());
        model.putAll(situation);
        if ("".equals(model.get("withdrawPath"))) {
          model.put("withdrawPath", null);
        }
        MailTexts.Draft starter = MailTexts.starter(template);
        MailService.Rendered fromText = mail.render(template, starter.subject(), starter.body(), model);
        MailService.Rendered fromDefault = mail.renderDefault(template, model);
        softly.assertThat(words(fromText.subject())).as(template + " subject " + situation)
            .isEqualTo(words(fromDefault.subject()));
        softly.assertThat(words(fromText.text())).as(template + " " + situation).isEqualTo(words(fromDefault.text()));
      }
    });
    softly.assertAll();
  }

  private static String words(String text) {
    return String.join(" ", Arrays.stream(text.split("[^\\p{L}\\p{N}@.]+")).map(w -> w.replaceAll("\\.+$", ""))
        .filter(w -> !w.isEmpty()).toList());
  }
}
