package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which failures of the relay are refusals for good (not retried) and which are worth another attempt. */
class PermanentRefusalTest {

  @Test
  void shouldTakeA5xxReplyToTheRecipientAsARefusalWithTheRelaysReason() throws Exception {
    assertThat(MailDispatcher.permanentRefusal(asSpringReports(recipientRefused(550, "550 5.1.1 User unknown"))))
        .isEqualTo("550 5.1.1 User unknown");
  }

  @Test
  void shouldTakeA5xxReplyToTheMessageAsARefusal() {
    SMTPSendFailedException data = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message refused", null,
        null, null, null);
    assertThat(MailDispatcher.permanentRefusal(asSpringReports(data))).isEqualTo("554 5.7.1 Message refused");
  }

  @Test
  void shouldRetryA4xxReplyAndA5xxReplyToOurSenderAndAnOutage() throws Exception {
    assertThat(MailDispatcher.permanentRefusal(asSpringReports(recipientRefused(450, "450 4.2.1 Try later"))))
        .isNull();
    SMTPSendFailedException sender = new SMTPSendFailedException("MAIL FROM:<mc@djangonaut.space>", 550,
        "550 5.7.1 Sender not allowed", null, null, null, null);
    assertThat(MailDispatcher.permanentRefusal(asSpringReports(sender))).isNull();
    assertThat(MailDispatcher.permanentRefusal(new org.springframework.mail.MailSendException(
        "Mail server connection failed", new MessagingException("Connection refused")))).isNull();
  }

  /** As Angus Mail reports a refused recipient: a SendFailedException whose next exception says why. */
  private static SendFailedException recipientRefused(int code, String reply) throws Exception {
    InternetAddress address = new InternetAddress("casey@example.org");
    SMTPAddressFailedException refused = new SMTPAddressFailedException(address, "RCPT TO:<casey@example.org>", code,
        reply);
    return new SendFailedException("Invalid Addresses", refused, null, null, new InternetAddress[] {address});
  }

  /** As Spring's JavaMailSenderImpl reports a failed message. */
  private static MailSendException asSpringReports(MessagingException failure) {
    return new MailSendException(Map.of(new Object(), failure));
  }
}
