package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** An email as its reader sees it: Jakarta Mail undoes the encodings, links come out whole and clickable. */
class ReceivedEmailTest {

  private static final String LINK =
      "http://localhost:8080/volunteers/password/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg";

  @Test
  void shouldJoinALinkThatAQuotedPrintableSoftBreakSplit() throws Exception {
    String source = """
        From: =?UTF-8?Q?Djangonaut_Space_=E2=80=93_Mission_Control?= <mission-control@example.org>
        To: jose@example.org
        Date: Mon, 30 Nov 2026 16:55:02 +0000
        Subject: =?UTF-8?Q?Welcome_aboard,_Jos=C3=A9?=
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b"

        --b
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        Hello Jos=C3=A9, choose your password here: http://localhost:8080/volunteers/pa=
        ssword/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg.
        --b
        Content-Type: text/html; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        <p>Hello Jos=C3=A9, <a href=3D"http://localhost:8080/volunteers/password/Zm9v=
        YmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg">choose your password</a></p>
        --b--
        """.replace("\n", "\r\n");
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(source.getBytes(StandardCharsets.US_ASCII)));

    ReceivedEmail email = ReceivedEmail.of(message);

    assertThat(email.subject()).isEqualTo("Welcome aboard, José");
    assertThat(email.from()).isEqualTo("Djangonaut Space – Mission Control <mission-control@example.org>");
    assertThat(email.to()).isEqualTo("jose@example.org");
    assertThat(email.sentAtText()).isEqualTo("2026-11-30 16:55:02 UTC");
    assertThat(email.text()).containsExactly(
        new ReceivedEmail.Segment("Hello José, choose your password here: ", null),
        new ReceivedEmail.Segment(LINK, LINK),
        new ReceivedEmail.Segment(".", null));
    assertThat(email.html()).contains("<a href=\"" + LINK + "\">");
    assertThat(email.htmlForFrame()).startsWith("<base target=\"_blank\">");
  }

  @Test
  void shouldLeaveTextWithoutLinksAsItIs() {
    assertThat(ReceivedEmail.segments("No link here, only <b>text</b>."))
        .containsExactly(new ReceivedEmail.Segment("No link here, only <b>text</b>.", null));
  }
}
