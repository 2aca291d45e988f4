package space.djangonaut.missioncontrol.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the test SMTP server received, per recipient. */
public final class Mailbox {

  private static final Pattern LINK_TOKEN =
      Pattern.compile("/(offers|survey|midpoint|withdraw|volunteers/password)/([A-Za-z0-9_-]{43})");

  private Mailbox() {}

  public static List<MimeMessage> messagesTo(String email) {
    return messagesTo(TestInfrastructure.mail(), email);
  }

  /** What this SMTP server (the tests' or, in a benchmark, the default run's sink) received for this address. */
  public static List<MimeMessage> messagesTo(GreenMail server, String email) {
    return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, email)).toList();
  }

  /** The plain-text part of a message. */
  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  /** The HTML part of a message. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  /** The token of the newest offer link emailed to this address. */
  public static String offerToken(String email) {
    return newestToken(email, "offers");
  }

  /** The token of the newest personal link of this kind ("offers", "survey", ...) emailed to this address. */
  public static String newestToken(String email, String kind) {
    return newestToken(TestInfrastructure.mail(), email, kind);
  }

  /** As {@link #newestToken(String, String)}, from what this SMTP server received. */
  public static String newestToken(GreenMail server, String email, String kind) {
    List<MimeMessage> messages = messagesTo(server, email);
    for (int i = messages.size() - 1; i >= 0; i--) {
      Matcher matcher = LINK_TOKEN.matcher(text(messages.get(i)));
      while (matcher.find()) {
        if (matcher.group(1).equals(kind)) {
          return matcher.group(2);
        }
      }
    }
    throw new AssertionError("No /" + kind + "/ link was emailed to " + email);
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart body = multipart.getBodyPart(i);
          String found = part(body, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isTo(MimeMessage message, String email) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
