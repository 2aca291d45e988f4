package space.djangonaut.missioncontrol.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import space.djangonaut.missioncontrol.privacy.Mentions;

/**
 * An email in the outbox: rendered when its process step runs, delivered by the {@link MailDispatcher}, retried
 * with backoff while SMTP is down, and in the end either sent, or failed or refused for an organiser to retry.
 */
@Entity
public class OutboxEmail {

  /** After this many failed attempts the email waits for an organiser ({@link Status#FAILED}). */
  public static final int MAX_ATTEMPTS = 8;

  public enum Status {
    /** Waiting for its next attempt. */
    PENDING,
    /** Claimed by a node that is sending it. */
    SENDING,
    SENT,
    /** {@link #MAX_ATTEMPTS} attempts failed (the relay was down or answered "try later"): waits for an organiser. */
    FAILED,
    /**
     * The relay refused it for good (a 5xx reply, such as an address that does not exist), at the first attempt:
     * not tried again until an organiser asks.
     */
    REFUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String idempotencyKey;
  private String recipient;

  @Enumerated(EnumType.STRING)
  private MailTemplate template;

  private String subject;
  private String textBody;
  private String htmlBody;
  private String processInstanceId;
  /** The cohort the email was written for (its model's cohort), or null. */
  private Long cohortId;

  /** An iCalendar invitation sent with the email (RFC 5545 text), or null. */
  private String calendar;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int attempts;
  private Instant nextAttemptAt;
  private Instant lockedUntil;
  private String lastError;
  private Instant createdAt;
  private Instant sentAt;

  protected OutboxEmail() {}

  OutboxEmail(String idempotencyKey, String recipient, MailTemplate template, MailService.Rendered rendered,
      String processInstanceId, Long cohortId, Instant now, String calendar) {
    this.calendar = calendar;
    this.idempotencyKey = idempotencyKey;
    this.recipient = recipient;
    this.template = template;
    this.subject = rendered.subject();
    this.textBody = rendered.text();
    this.htmlBody = rendered.html();
    this.processInstanceId = processInstanceId;
    this.cohortId = cohortId;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  void sent(Instant now) {
    status = Status.SENT;
    sentAt = now;
    attempts++;
    lockedUntil = null;
    lastError = null;
  }

  /** A failed attempt: the next one waits 1, 2, 4 ... minutes (at most an hour), until the last attempt. */
  void failed(String error, Instant now) {
    attempts++;
    lockedUntil = null;
    lastError = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
    if (attempts >= MAX_ATTEMPTS) {
      status = Status.FAILED;
    } else {
      status = Status.PENDING;
      nextAttemptAt = now.plus(backoff(attempts));
    }
  }

  /**
   * The mail server refused the email for good (a permanent, 5xx reply): it is not tried again, and waits with the
   * server's reason for an organiser.
   */
  void refused(String reason, Instant now) {
    attempts++;
    lockedUntil = null;
    status = Status.REFUSED;
    String error = "Refused by the mail server: " + (reason == null ? "no reason given" : reason.strip());
    lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  static Duration backoff(int attempts) {
    return Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
  }

  /** Forgets to whom and what was written; that an email of this template was sent stays. */
  void erase() {
    idempotencyKey = "erased/" + id;
    recipient = "erased-" + id + "@erased.invalid";
    textBody = "";
    htmlBody = "";
    calendar = null;
    lastError = null;
  }

  /**
   * Replaces the mentions of an erased person in the subject and bodies; the rest stays (see
   * {@link OutboxPersonalData#scrubMentions}). An email still to be sent goes out scrubbed.
   *
   * @return whether anything was mentioned
   */
  boolean scrub(Mentions mentions) {
    if (!mentions.in(subject) && !mentions.in(textBody) && !mentions.in(htmlBody)
        && (calendar == null || !mentions.in(calendar))) {
      return false;
    }
    if (calendar != null) {
      calendar = mentions.scrub(calendar);
    }
    subject = mentions.scrub(subject);
    textBody = mentions.scrub(textBody);
    htmlBody = mentions.scrub(htmlBody);
    return true;
  }

  /** An organiser asks to try again now (an email that failed, or that the mail server refused). */
  void retry(Instant now) {
    if (status == Status.FAILED || status == Status.REFUSED) {
      status = Status.PENDING;
      attempts = 0;
      nextAttemptAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRecipient() {
    return recipient;
  }

  public MailTemplate getTemplate() {
    return template;
  }

  public String getSubject() {
    return subject;
  }

  public String getTextBody() {
    return textBody;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  /** The iCalendar invitation sent with the email, or null. */
  public String getCalendar() {
    return calendar;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
