package space.djangonaut.missioncontrol.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One email as its reader sees it, decoded by Jakarta Mail ({@link MimeMessage}): the subject and addresses with
 * their RFC 2047 words decoded, the text and HTML parts with their transfer encoding (quoted-printable, base64)
 * undone, so that a link a soft line break split comes out whole.
 *
 * @param sentAt the message's {@code Date} header, or when the sink received it if it has none; null if neither
 * @param text the text/plain part, cut into plain text and links for the page to show links clickable
 * @param html the text/html part as the sender wrote it, or null; the page shows it in a sandboxed frame
 */
public record ReceivedEmail(String subject, String from, String to, Instant sentAt, List<Segment> text,
    String html) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

  /** A piece of the text: plain text, or a link ({@code href} not null) showing its own address. */
  public record Segment(String text, String href) {}

  /**
   * Decodes a received message.
   *
   * @throws MessagingException if the message cannot be parsed
   */
  public static ReceivedEmail of(MimeMessage message) throws MessagingException, IOException {
    String text = part(message, "text/plain");
    Instant sentAt = message.getSentDate() != null ? message.getSentDate().toInstant()
        : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null;
    return new ReceivedEmail(message.getSubject(), addresses(message.getFrom()),
        addresses(message.getAllRecipients()), sentAt, segments(text == null ? "" : text),
        part(message, "text/html"));
  }

  /** When it was sent, in UTC ({@code 2026-11-30 16:55:02 UTC}), or blank if unknown. */
  public String sentAtText() {
    return sentAt == null ? "" : DATE.format(sentAt);
  }

  /** The HTML with a {@code <base target="_blank">}, so that its links open outside the sandboxed frame. */
  public String htmlForFrame() {
    return html == null ? null : "<base target=\"_blank\">" + html;
  }

  /** Cuts text into plain runs and http(s) links. */
  static List<Segment> segments(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    int at = 0;
    while (link.find()) {
      if (link.start() > at) {
        segments.add(new Segment(text.substring(at, link.start()), null));
      }
      segments.add(new Segment(link.group(), link.group()));
      at = link.end();
    }
    if (at < text.length()) {
      segments.add(new Segment(text.substring(at), null));
    }
    return segments;
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    return Arrays.stream(addresses)
        .map(address -> address instanceof InternetAddress internet && internet.getPersonal() != null
            ? internet.getPersonal() + " <" + internet.getAddress() + ">" : address.toString())
        .collect(Collectors.joining(", "));
  }

  /** The first part of this type, searched through nested multiparts, decoded; null if none. */
  private static String part(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = part(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
