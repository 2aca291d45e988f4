package space.djangonaut.missioncontrol.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that keeps what it receives: the default run's sink inside the application (GreenMail), read on
 * {@code /organiser/mailbox}. No other profile has one.
 */
@FunctionalInterface
public interface SmtpSink {

  /** Every message received so far, oldest first. */
  MimeMessage[] receivedMessages();
}
