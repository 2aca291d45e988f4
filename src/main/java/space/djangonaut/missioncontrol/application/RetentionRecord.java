package space.djangonaut.missioncontrol.application;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * What the erasure of an unselected applicant keeps ({@link RetentionRecords}): a keyed hash of their normalised
 * address, the cohort and how the application ended. No name, no address, no answer, no score.
 */
@Entity
public class RetentionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String emailHash;
  private Long cohortId;
  /** {@link PastOutcome#word()}: waitlisted, rejected, withdrew, djangonaut. */
  private String outcome;
  /** When it was kept (UTC): it is deleted its keep-for time later. */
  private Instant recordedAt;

  protected RetentionRecord() {}

  RetentionRecord(String emailHash, long cohortId, PastOutcome outcome, Instant recordedAt) {
    this.emailHash = emailHash;
    this.cohortId = cohortId;
    this.outcome = outcome.word();
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public String getEmailHash() {
    return emailHash;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public PastOutcome getOutcome() {
    return PastOutcome.ofWord(outcome);
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
