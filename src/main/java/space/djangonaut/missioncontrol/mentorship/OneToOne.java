package space.djangonaut.missioncontrol.mentorship;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What a Captain recorded of a one-to-one with a Djangonaut. Notes are for captains and organisers only. */
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
