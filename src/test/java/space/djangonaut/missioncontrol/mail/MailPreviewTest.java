package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

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
}
