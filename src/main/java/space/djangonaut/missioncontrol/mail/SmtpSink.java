package space.djangonaut.missioncontrol.mail;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Comparator;

/**
 * An SMTP server that keeps what it receives: the default run's sink inside the application (GreenMail), read on
 * {@code /organiser/mailbox}. No other profile has one.
 */
@FunctionalInterface
public interface SmtpSink {

  /** Every message received so far, in the order they arrived (oldest first). */
  MimeMessage[] receivedMessages();

  /**
   * What a GreenMail server received, in the order it arrived. GreenMail's own list goes mailbox by mailbox (all of
   * one recipient's, then the next's), so it is sorted by the time each message was stored (milliseconds; the
   * {@code Date} header has only seconds).
   */
  static MimeMessage[] receivedBy(GreenMail server) {
    return server.getManagers().getImapHostManager().getAllMessages().stream()
        .sorted(Comparator.comparing(StoredMessage::getReceivedDate))
        .map(StoredMessage::getMimeMessage).toArray(MimeMessage[]::new);
  }
}
