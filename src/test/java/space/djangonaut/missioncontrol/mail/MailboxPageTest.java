package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** The organisers' mailbox shows each email the SMTP server received as its recipient reads it. */
@IntegrationTest
class MailboxPageTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired MailService mail;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldShowAPasswordLinkThatQuotedPrintableSplitWholeAndClickable() throws Exception {
    String to = TestData.uniqueEmail();
    String passwordPath = "/volunteers/password/" + Tokens.newToken();
    Cohort cohort = testData.openCohort();
    transactions.execute(status -> mail.send(to, MailTemplate.VOLUNTEER_WELCOME, Map.of("name", "José Núñez",
        "role", "Navigator", "cohort", cohort, "userId", "jose-k7m2q", "passwordPath", passwordPath),
        new Step(TestData.unique("pi"), "ai")));
    MimeMessage received = Mailbox.messagesTo(to).get(0);
    String link = "http://localhost" + passwordPath;
    // What travelled: quoted-printable, with the link cut by a soft line break ("=" at the end of a line).
    String source = source(received);
    assertThat(source).contains("quoted-printable").doesNotContain(link);

    String organiser = testData.organiser();
    WebClient.Response page = new WebClient(port).basicAuth(organiser, organiser).get("/organiser/mailbox");

    assertThat(page.status()).isEqualTo(200);
    String body = page.body();
    assertThat(body).contains("<a href=\"" + link + "\">" + link + "</a>")
        .contains(HtmlUtils.htmlEscape("Welcome aboard Djangonaut Space " + cohort.getName() + ": your account"))
        .contains("Hello José Núñez,").contains(to).doesNotContain("=\r\n").doesNotContain("=C3=A9");
    // The HTML part in a sandboxed frame: no scripts, no access to the page.
    assertThat(body).containsPattern("<iframe[^>]*sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
        .contains("srcdoc=");
  }

  @Test
  void shouldShowTheNewestEmailFirstWhoeverItIsTo() {
    String ada = TestData.uniqueEmail();
    String bea = TestData.uniqueEmail();
    Cohort cohort = testData.openCohort();
    // The SMTP server keeps one mailbox per recipient: the third email goes to the first one's.
    List<String> names = List.of("Ada " + TestData.unique("first"), "Bea " + TestData.unique("second"),
        "Ada " + TestData.unique("third"));
    List<String> recipients = List.of(ada, bea, ada);
    for (int i = 0; i < names.size(); i++) {
      String to = recipients.get(i);
      Map<String, Object> model = Map.of("name", names.get(i), "cohort", cohort);
      transactions.execute(status -> mail.send(to, MailTemplate.APPLICATION_REJECTED, model,
          new Step(TestData.unique("pi"), "ai")));
    }
    String organiser = testData.organiser();

    String body = new WebClient(port).basicAuth(organiser, organiser).get("/organiser/mailbox").body();

    assertThat(body.indexOf(names.get(2))).isPositive().isLessThan(body.indexOf(names.get(1)));
    assertThat(body.indexOf(names.get(1))).isLessThan(body.indexOf(names.get(0)));
  }

  private static String source(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
