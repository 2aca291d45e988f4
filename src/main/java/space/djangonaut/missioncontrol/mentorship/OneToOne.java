package space.djangonaut.missioncontrol.mentorship;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import space.djangonaut.missioncontrol.privacy.Mentions;

/**
 * What a Captain recorded of a one-to-one with a Djangonaut (notes are for captains and organisers only), or, when
 * nothing was recorded a week after the reminder, a one-to-one "not recorded", counted apart in the impact report.
 */
@Entity
public class OneToOne {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;
  private Long applicationId;
  private String captain;
  private int week;
  private boolean held;
  private String notes;
  private Instant recordedAt;
  /** False for a one-to-one the team's process closed because nobody recorded it. */
  private boolean recorded = true;

  protected OneToOne() {}

  public OneToOne(Long cohortId, Long applicationId, String captain, int week, boolean held, String notes,
      Instant recordedAt) {
    this.cohortId = cohortId;
    this.applicationId = applicationId;
    this.captain = captain;
    this.week = week;
    this.held = held;
    this.notes = notes;
    this.recordedAt = recordedAt;
  }

  /**
   * The one-to-one nobody recorded: the team's process closed it a week after its reminder.
   *
   * @param captain the user id of the Djangonaut's Captain at the time
   * @param closedAt when it was closed (UTC)
   */
  public static OneToOne notRecorded(Long cohortId, Long applicationId, String captain, int week, Instant closedAt) {
    OneToOne oneToOne = new OneToOne(cohortId, applicationId, captain, week, false, null, closedAt);
    oneToOne.recorded = false;
    return oneToOne;
  }

  /**
   * The Djangonaut it was with was erased: the Captain's notes about them go, whether it was held and recorded stays
   * (the report counts it). Notes about someone else only lose the mentions.
   */
  void scrub(Mentions mentions, boolean aboutThem) {
    notes = aboutThem ? null : mentions.scrub(notes);
  }

  /** Whether the Captain recorded it (held or not); false when it was closed as not recorded. */
  public boolean isRecorded() {
    return recorded;
  }

  public Long getId() {
    return id;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getCaptain() {
    return captain;
  }

  public int getWeek() {
    return week;
  }

  public boolean isHeld() {
    return held;
  }

  public String getNotes() {
    return notes;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
