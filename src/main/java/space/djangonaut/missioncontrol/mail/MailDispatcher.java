package space.djangonaut.missioncontrol.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.common.DeliverableEmailValidator;

/**
 * Delivers the outbox over SMTP. Each email is claimed first, so that of several nodes only one sends it; a failed
 * attempt is retried with backoff, and after {@link OutboxEmail#MAX_ATTEMPTS} it waits for an organiser on the
 * outbox page. A permanent refusal (a 5xx reply to the recipient or to the message, RFC 5321 section 4.2.1, such as
 * "550 no such user") is not retried: the email is {@link OutboxEmail.Status#REFUSED} at once, with the server's
 * reason, on the outbox page and on the applicant's record. A 5xx reply to {@code MAIL FROM} (our sender is not
 * allowed) and failures to connect or log in concern every email, and are retried as an outage.
 *
 * <p>Recipients go to the relay in their ASCII form: an internationalised domain as its A-label
 * ({@code xn--bcher-kva.de}), which every relay takes; addresses with characters beyond ASCII before the @ are
 * refused where people type them ({@code common.DeliverableEmailValidator}), so no SMTPUTF8 is needed.
 */
@Component
public class MailDispatcher {

  /** A claim lasts this long: a node that stops while sending leaves the email to another after it. */
  static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
  /** The content type of an email's iCalendar invitation. */
  static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

  /** How many due emails one query of the outbox takes. */
  static final int BATCH = 200;

  /** The system property that names Jakarta Mail's {@code StreamProvider}, and the one Angus Mail brings. */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    nameStreamProvider();
  }

  private final OutboxEmailRepository outbox;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MailDispatcher(OutboxEmailRepository outbox, JavaMailSender sender, MailProperties properties,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.outbox = outbox;
    this.sender = sender;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Tries to deliver every due email now, in batches of {@value #BATCH}, each batch over one SMTP connection, until
   * the outbox has none due or a whole batch fails (SMTP is down: the failed ones wait for their next attempt).
   *
   * @return how many were sent
   */
  @Scheduled(fixedDelayString = "${missioncontrol.mail.dispatch-interval:PT15S}",
      initialDelayString = "${missioncontrol.mail.dispatch-interval:PT15S}")
  public int dispatchDue() {
    int sent = 0;
    while (true) {
      List<Long> due = transactions.execute(status -> outbox.findDue(clock.instant(), Limit.of(BATCH)));
      int sentNow = dispatch(due);
      sent += sentNow;
      if (due.size() < BATCH || sentNow == 0) {
        return sent;
      }
    }
  }

  /**
   * Tries to deliver one email, if it is due and no one else is sending it. Never throws: a failure is recorded on
   * the email.
   *
   * @return whether it was sent now
   */
  public boolean dispatch(long id) {
    return dispatch(List.of(id)) == 1;
  }

  /**
   * Tries to deliver these emails, those that are due and that no one else is sending, over one SMTP connection:
   * each is claimed first (one transaction for the lot), sent, and marked sent, failed or refused (one transaction
   * for the lot). One email's failure is its own: the others are sent. Never throws.
   *
   * @param ids outbox email ids, in the order to send them
   * @return how many were sent now
   */
  public int dispatch(List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<OutboxEmail> claimed = transactions.execute(status -> {
      // In the order of the ids, as every delivery claims (findDue's order too): two deliveries claiming some of the
      // same emails then wait for each other at most once, never each for the other (a deadlock).
      List<Long> won = ids.stream().sorted().filter(id -> outbox.claim(id, now, now.plus(CLAIM)) == 1).toList();
      return won.isEmpty() ? List.<OutboxEmail>of() : outbox.findAllById(won);
    });
    if (claimed == null || claimed.isEmpty()) {
      return 0;
    }
    Map<Long, Exception> failures = new HashMap<>();
    Map<MimeMessage, Long> messages = new LinkedHashMap<>();
    for (OutboxEmail email : claimed) {
      try {
        messages.put(message(email), email.getId());
      } catch (MessagingException e) {
        failures.put(email.getId(), e);
      }
    }
    if (!messages.isEmpty()) {
      try {
        sender.send(messages.keySet().toArray(MimeMessage[]::new));
      } catch (MailSendException e) {
        Map<Object, Exception> failed = e.getFailedMessages();
        messages.forEach((message, id) -> {
          Exception failure = failed.get(message);
          if (failure != null) {
            failures.put(id, failure);
          } else if (failed.isEmpty()) {
            failures.put(id, e); // the relay could not be reached at all
          }
        });
      } catch (MailException e) {
        messages.values().forEach(id -> failures.put(id, e)); // e.g. the login was refused: every email waits
      }
    }
    Instant done = clock.instant();
    int[] sent = {0};
    transactions.executeWithoutResult(status -> {
      for (OutboxEmail email : outbox.findAllById(claimed.stream().map(OutboxEmail::getId).toList())) {
        Exception failure = failures.get(email.getId());
        if (failure == null) {
          email.sent(done);
          sent[0]++;
          continue;
        }
        String refusal = permanentRefusal(failure);
        if (refusal != null) {
          LOG.warn("Email {} ({} to {}) refused for good: {}", email.getId(), email.getTemplate(),
              email.getRecipient(), refusal);
          email.refused(refusal, done);
        } else {
          LOG.warn("Email {} ({} to {}) not sent: {}", email.getId(), email.getTemplate(), email.getRecipient(),
              failure.getMessage());
          email.failed(failure.getMessage(), done);
        }
      }
    });
    return sent[0];
  }

  /** An organiser retries an email that failed for good. */
  public void retry(long id) {
    transactions.executeWithoutResult(status -> outbox.findById(id).orElseThrow().retry(clock.instant()));
    dispatch(id);
  }

  /**
   * The mail server's reason if it refused the email for good: a 5xx reply to {@code RCPT TO} (the recipient), or
   * to {@code DATA} (the message); null for anything worth trying again (4xx replies, a relay that is down, a 5xx
   * reply to {@code MAIL FROM} or to the login, which concern every email). An address whose domain has no ASCII
   * form is refused as well.
   */
  static String permanentRefusal(Exception failure) {
    if (failure instanceof NoAsciiFormException) {
      return failure.getMessage();
    }
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!todo.isEmpty()) {
      Throwable next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() / 100 == 5) {
        return refused.getMessage();
      }
      if (next instanceof SMTPSendFailedException refused && refused.getReturnCode() / 100 == 5
          && refused.getCommand() != null && !refused.getCommand().toUpperCase(Locale.ROOT).startsWith("MAIL")) {
        return refused.getMessage();
      }
      if (next instanceof MailSendException send) {
        todo.addAll(Arrays.asList(send.getMessageExceptions()));
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        todo.add(messaging.getNextException());
      }
      if (next.getCause() != null) {
        todo.add(next.getCause());
      }
    }
    return null;
  }

  private MimeMessage message(OutboxEmail email) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    try {
      helper.setTo(DeliverableEmailValidator.ascii(email.getRecipient()));
    } catch (IllegalArgumentException e) {
      throw new NoAsciiFormException(e);
    }
    helper.setSubject(email.getSubject());
    helper.setText(email.getTextBody(), email.getHtmlBody());
    if (email.getCalendar() != null) {
      // An iCalendar invitation (RFC 6047, iMIP): calendar clients offer to add or update the event.
      helper.addAttachment("invitation.ics", new ByteArrayDataSource(
          email.getCalendar().getBytes(StandardCharsets.UTF_8), CALENDAR_TYPE));
    }
    // Receivers that de-duplicate may use it; it is stable across attempts.
    message.setHeader("X-Mission-Control-Key", email.getIdempotencyKey());
    return message;
  }

  /**
   * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@link java.util.ServiceLoader} each time a message,
   * multipart or body part is created or written (jakartaee/mail-api issues 699 and 861): a scan of every jar on the
   * class path, a fifth of the delivery thread's time in the benchmark's profile. Named in the system property, it is
   * instantiated directly. Left alone when set already, or when Angus Mail is not the implementation on the path.
   */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAM_PROVIDER, false, MailDispatcher.class.getClassLoader())
          .asSubclass(jakarta.mail.util.StreamProvider.class);
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    } catch (ClassNotFoundException | ClassCastException e) {
      LOG.info("Jakarta Mail finds its StreamProvider by scanning the class path ({} is not on it)",
          ANGUS_STREAM_PROVIDER);
    }
  }

  /** The recipient's domain has no ASCII form (IDNA), so no relay can take it. */
  private static final class NoAsciiFormException extends MessagingException {
    NoAsciiFormException(IllegalArgumentException cause) {
      super("the domain of this address has no form a mail server takes (" + cause.getMessage() + ")", cause);
    }
  }
}
