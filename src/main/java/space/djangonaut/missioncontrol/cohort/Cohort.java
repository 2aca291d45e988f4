package space.djangonaut.missioncontrol.cohort;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A Djangonaut Space session: its application window, start date, length and how many Djangonauts it takes.
 *
 * <p>The application window is announced in dates "Anywhere on Earth": it opens when the first place on Earth
 * (UTC+14) reaches the opening date and closes when the last place (UTC-12) leaves the closing date.
 */
@Entity
public class Cohort {

  static final ZoneOffset EARLIEST_ON_EARTH = ZoneOffset.ofHours(14);
  static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String slug;
  private String name;
  private LocalDate applicationsOpenOn;
  private LocalDate applicationsCloseOn;
  private LocalDate startsOn;
  private int weeks;
  private int capacity;
  private Instant createdAt;
  /** When the window was closed: at its end, or earlier by an organiser. */
  private Instant applicationsClosedAt;
  /** Days an offered place waits for an answer. */
  private int acceptanceDays = 7;
  /** When the teams are formed, confirmed and welcomed (week 0); null for cohorts created before there was one. */
  private Instant teamsFormAt;
  /** When an organiser published the impact report (UTC); null while it is for organisers only. */
  private Instant reportPublishedAt;
  /** The version of the public application form ({@code forms/apply.form}) this cohort asks; null until it opens. */
  private Integer applyFormVersion;

  protected Cohort() {}

  /** The deployed version of {@code forms/apply.form} this cohort's public page asks, or null if not chosen yet. */
  public Integer getApplyFormVersion() {
    return applyFormVersion;
  }

  public Cohort(String slug, String name, LocalDate applicationsOpenOn, LocalDate applicationsCloseOn,
      LocalDate startsOn, int weeks, int capacity, Instant createdAt) {
    this.slug = slug;
    this.name = name;
    this.applicationsOpenOn = applicationsOpenOn;
    this.applicationsCloseOn = applicationsCloseOn;
    this.startsOn = startsOn;
    this.weeks = weeks;
    this.capacity = capacity;
    this.createdAt = createdAt;
  }

  /** The first instant at which it is the opening date somewhere on Earth. */
  public Instant applicationsOpenAt() {
    return applicationsOpenOn.atStartOfDay().toInstant(EARLIEST_ON_EARTH);
  }

  /** The instant at which the closing date has ended everywhere on Earth (midnight AoE). */
  public Instant applicationsCloseAt() {
    return applicationsCloseOn.plusDays(1).atTime(LocalTime.MIDNIGHT).toInstant(ANYWHERE_ON_EARTH);
  }

  public boolean isAcceptingApplicationsAt(Instant now) {
    return applicationsClosedAt == null && !now.isBefore(applicationsOpenAt()) && now.isBefore(applicationsCloseAt());
  }

  /** Closes the application window now (at its end, or earlier). Closing twice keeps the first time. */
  public void closeApplications(Instant now) {
    if (applicationsClosedAt == null) {
      applicationsClosedAt = now;
    }
  }

  /** The first instant of the start date, Anywhere on Earth being the last to reach it: the start of week 1. */
  public Instant startsAt() {
    return weekStart(1);
  }

  /** {@link #weekStart(LocalDate, long)} of this cohort. */
  public Instant weekStart(long week) {
    return weekStart(startsOn, week);
  }

  /**
   * The first instant (UTC) of week {@code week} of a cohort starting on {@code startsOn}: week 1 begins at 00:00 of
   * the start date Anywhere on Earth (UTC-12, so 12:00 UTC that day), each week seven days after the one before,
   * and week 0 is the week before the start. The one definition of a cohort's weeks: the timers and due dates
   * ({@code mentorship/WeekCalendar}), team formation's weekly overlap ({@code team/CohortWeeks}) and the meeting
   * check ({@code team/TeamMeetings}) all count weeks with it.
   *
   * @param week 0 (the week before the start) to the cohort's number of weeks; others are counted the same way
   */
  public static Instant weekStart(LocalDate startsOn, long week) {
    return startsOn.atStartOfDay().toInstant(ANYWHERE_ON_EARTH).plus(Duration.ofDays(7 * (week - 1)));
  }

  /**
   * Fixes when the teams are formed: this long before the start, so that they meet their Navigator and Captains in a
   * week 0. Offers and the waitlist close then.
   *
   * @param leadTime how long before the start (e.g. seven days); zero forms them at the start
   */
  public void formTeamsBeforeTheStart(java.time.Duration leadTime) {
    this.teamsFormAt = startsAt().minus(leadTime);
  }

  /** When the teams are formed and offers and the waitlist close (UTC); the start for a cohort without a week 0. */
  public Instant teamsFormAt() {
    return teamsFormAt != null ? teamsFormAt : startsAt();
  }

  /** Publishes the impact report on its public page. Publishing twice keeps the first time. */
  public void publishReport(Instant now) {
    if (reportPublishedAt == null) {
      reportPublishedAt = now;
    }
  }

  /** When the impact report was published (UTC), or null while only organisers see it. */
  public Instant getReportPublishedAt() {
    return reportPublishedAt;
  }

  public Instant getApplicationsClosedAt() {
    return applicationsClosedAt;
  }

  public int getAcceptanceDays() {
    return acceptanceDays;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public LocalDate getApplicationsOpenOn() {
    return applicationsOpenOn;
  }

  public LocalDate getApplicationsCloseOn() {
    return applicationsCloseOn;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public int getWeeks() {
    return weeks;
  }

  public int getCapacity() {
    return capacity;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
