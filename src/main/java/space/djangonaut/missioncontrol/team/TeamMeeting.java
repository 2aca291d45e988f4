package space.djangonaut.missioncontrol.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A team's weekly check-in, as its Navigator chose it: a weekday and a local start time in the Navigator's IANA zone,
 * for {@link #getDuration()} each week of the cohort. {@link #getSequence()} is the iCalendar SEQUENCE of its
 * invitation (RFC 5545, 3.8.7.4): 0 when first chosen, one more each time it moves.
 */
@Entity
public class TeamMeeting {

  @Id
  private Long teamId;

  @Enumerated(EnumType.STRING)
  private DayOfWeek dayOfWeek;

  private LocalTime startTime;
  private String zone;
  private int durationMinutes;

  @Column(name = "invitation_sequence")
  private int sequence;

  private Instant changedAt;

  protected TeamMeeting() {}

  TeamMeeting(Long teamId, DayOfWeek day, LocalTime start, ZoneId zone, Duration duration, Instant now) {
    this.teamId = teamId;
    this.dayOfWeek = day;
    this.startTime = start;
    this.zone = zone.getId();
    this.durationMinutes = (int) duration.toMinutes();
    this.sequence = 0;
    this.changedAt = now;
  }

  /** The Navigator moved the meeting: the invitation is sent again with a higher SEQUENCE. */
  void move(DayOfWeek day, LocalTime start, ZoneId zone, Duration duration, Instant now) {
    this.dayOfWeek = day;
    this.startTime = start;
    this.zone = zone.getId();
    this.durationMinutes = (int) duration.toMinutes();
    this.sequence++;
    this.changedAt = now;
  }

  /** Whether the meeting is already at this time (choosing it again moves nothing). */
  boolean isAt(DayOfWeek day, LocalTime start, ZoneId zone) {
    return dayOfWeek == day && startTime.equals(start) && this.zone.equals(zone.getId());
  }

  public Long getTeamId() {
    return teamId;
  }

  public DayOfWeek getDayOfWeek() {
    return dayOfWeek;
  }

  /** The local start time in {@link #getZone()}. */
  public LocalTime getStartTime() {
    return startTime;
  }

  /** The Navigator's IANA zone, in which the weekday and start time hold across clock changes. */
  public ZoneId getZone() {
    return ZoneId.of(zone);
  }

  public Duration getDuration() {
    return Duration.ofMinutes(durationMinutes);
  }

  public int getSequence() {
    return sequence;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
