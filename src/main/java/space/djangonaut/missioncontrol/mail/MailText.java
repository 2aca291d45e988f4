package space.djangonaut.missioncontrol.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One version of an organiser's text for one email of one cohort: a subject and a Markdown body with
 * {@code {{variable}}} placeholders. Versions are never changed; a save or a restore writes the next one, and the
 * newest is the one the cohort's emails use.
 */
@Entity
public class MailText {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long cohortId;

  @Enumerated(EnumType.STRING)
  private MailTemplate template;

  private int version;
  private String subject;
  private String body;
  private String writtenBy;
  private Instant writtenAt;
  private Integer restoredFrom;

  protected MailText() {}

  MailText(long cohortId, MailTemplate template, int version, String subject, String body, String writtenBy,
      Instant writtenAt, Integer restoredFrom) {
    this.cohortId = cohortId;
    this.template = template;
    this.version = version;
    this.subject = subject;
    this.body = body;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
    this.restoredFrom = restoredFrom;
  }

  public Long getId() {
    return id;
  }

  public long getCohortId() {
    return cohortId;
  }

  public MailTemplate getTemplate() {
    return template;
  }

  /** 1 for the first saved text, then 2, 3, ... per cohort and template. */
  public int getVersion() {
    return version;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  /** The organiser's user id. */
  public String getWrittenBy() {
    return writtenBy;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  /** The version this one restored, or null for a text written on the edit page. */
  public Integer getRestoredFrom() {
    return restoredFrom;
  }
}
