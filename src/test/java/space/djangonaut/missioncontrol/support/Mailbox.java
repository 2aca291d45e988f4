package space.djangonaut.missioncontrol.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What the test SMTP server received, per recipient. */
public final class Mailbox {

  private Mailbox() {}

  public static List<MimeMessage> messagesTo(String email) {
    return Arrays.stream(TestInfrastructure.mail().getReceivedMessages())
        .filter(message -> isTo(message, email)).toList();
  }

  private static boolean isTo(MimeMessage message, String email) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
