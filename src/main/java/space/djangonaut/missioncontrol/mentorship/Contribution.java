package space.djangonaut.missioncontrol.mentorship;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A ticket or pull request a check-in names, with its state that week: one line of the Navigator's
 * {@code contributions} field ({@link ContributionLines}). The impact report counts distinct {@link #getUrl() links}.
 */
@Entity
public class Contribution {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long checkInId;
  private Long cohortId;
  private int week;
  /** The Djangonaut the line names; null when it names nobody. */
  private Long applicationId;
  @Enumerated(EnumType.STRING)
  private ContributionKind kind;
  private long number;
  private String url;
  @Enumerated(EnumType.STRING)
  private ContributionState state;

  protected Contribution() {}

  Contribution(CheckIn checkIn, ContributionLines.Line line) {
    this.checkInId = checkIn.getId();
    this.cohortId = checkIn.getCohortId();
    this.week = checkIn.getWeek();
    this.applicationId = line.applicationId();
    this.kind = line.kind();
    this.number = line.number();
    this.url = line.url();
    this.state = line.state();
  }

  public Long getId() {
    return id;
  }

  public Long getCheckInId() {
    return checkInId;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public int getWeek() {
    return week;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public ContributionKind getKind() {
    return kind;
  }

  /** The ticket's or pull request's number. */
  public long getNumber() {
    return number;
  }

  /** The normalised link, the same for every line naming this ticket or pull request. */
  public String getUrl() {
    return url;
  }

  public ContributionState getState() {
    return state;
  }
}
