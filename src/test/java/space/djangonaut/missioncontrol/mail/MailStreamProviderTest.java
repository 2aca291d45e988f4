package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivering an email does not scan the class path for Jakarta Mail's {@code StreamProvider} (issue 14: a fifth of
 * the delivery thread's time): the dispatcher names Angus Mail's, and messages are still written as before.
 */
class MailStreamProviderTest {

  @Test
  void shouldNameAngusMailsStreamProviderOnceTheDispatcherIsLoaded() throws Exception {
    Class.forName(MailDispatcher.class.getName(), true, getClass().getClassLoader());

    assertThat(System.getProperty(MailDispatcher.STREAM_PROVIDER)).isEqualTo(MailDispatcher.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailDispatcher.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void shouldStillWriteAMultipartMessage() throws Exception {
    MailDispatcher.nameStreamProvider();
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setTo("ada@example.org");
    helper.setSubject("Bienvenue à Djangonaut Space");
    helper.setText("plain", "<p>html</p>");
    ByteArrayOutputStream written = new ByteArrayOutputStream();

    message.writeTo(written);

    assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("plain").contains("<p>html</p>")
        .contains("Subject: =?UTF-8?");
  }
}
