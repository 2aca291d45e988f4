package space.djangonaut.missioncontrol.mentorship;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What a Navigator recorded of a team's weekly check-in. */
@Entity
public class CheckIn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;
  private Long teamId;
  private int week;
  private String navigator;
  private boolean held;
  /** Application ids of the Djangonauts who attended, separated by commas. */
  private String attended;
  private int ticketsProgressed;
  private int ticketsClosed;
  private int prReviewComments;
  private int presentations;
  private String blockers;
  private Instant recordedAt;

  protected CheckIn() {}

  public CheckIn(Long cohortId, Long teamId, int week, String navigator, boolean held, String attended,
      int ticketsProgressed, int ticketsClosed, int prReviewComments, int presentations, String blockers,
      Instant recordedAt) {
    this.cohortId = cohortId;
    this.teamId = teamId;
    this.week = week;
    this.navigator = navigator;
    this.held = held;
    this.attended = attended;
    this.ticketsProgressed = ticketsProgressed;
    this.ticketsClosed = ticketsClosed;
    this.prReviewComments = prReviewComments;
    this.presentations = presentations;
    this.blockers = blockers;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public Long getTeamId() {
    return teamId;
  }

  public int getWeek() {
    return week;
  }

  public String getNavigator() {
    return navigator;
  }

  public boolean isHeld() {
    return held;
  }

  public String getAttended() {
    return attended;
  }

  public int getTicketsProgressed() {
    return ticketsProgressed;
  }

  public int getTicketsClosed() {
    return ticketsClosed;
  }

  public int getPrReviewComments() {
    return prReviewComments;
  }

  public int getPresentations() {
    return presentations;
  }

  public String getBlockers() {
    return blockers;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
