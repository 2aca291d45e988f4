package space.djangonaut.missioncontrol.mentorship;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import space.djangonaut.missioncontrol.privacy.Mentions;

/**
 * What a Navigator recorded of a team's weekly check-in, or, when nothing was recorded a week after the reminder, a
 * check-in "not recorded": neither held nor not held, and counted apart in the impact report.
 */
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
  /** False for a check-in the team's process closed because nobody recorded it. */
  private boolean recorded = true;
  /**
   * True for a check-in whose tickets and pull requests were recorded as links ({@link Contribution}): its ticket
   * figures are derived from its lines. False for one recorded before (typed weekly numbers, kept as they were).
   */
  private boolean contributionsAsLinks;

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

  /**
   * A check-in whose tickets and pull requests are listed as links: its ticket figures are what its lines say
   * (distinct tickets progressed, distinct tickets closed), so the weekly view stays as it was.
   */
  static CheckIn withLinks(Long cohortId, Long teamId, int week, String navigator, boolean held, String attended,
      List<ContributionLines.Line> lines, int prReviewComments, int presentations, String blockers,
      Instant recordedAt) {
    CheckIn checkIn = new CheckIn(cohortId, teamId, week, navigator, held, attended,
        distinct(lines, ContributionState.PROGRESSED), distinct(lines, ContributionState.CLOSED), prReviewComments,
        presentations, blockers, recordedAt);
    checkIn.contributionsAsLinks = true;
    return checkIn;
  }

  private static int distinct(List<ContributionLines.Line> lines, ContributionState state) {
    return (int) lines.stream().filter(l -> l.state() == state).map(ContributionLines.Line::url).distinct().count();
  }

  /**
   * The check-in nobody recorded: the team's process closed it a week after its reminder.
   *
   * @param navigator the user id of the team's Navigator at the time
   * @param closedAt when it was closed (UTC)
   */
  public static CheckIn notRecorded(Long cohortId, Long teamId, int week, String navigator, Instant closedAt) {
    CheckIn checkIn = new CheckIn(cohortId, teamId, week, navigator, false, null, 0, 0, 0, 0, null, closedAt);
    checkIn.recorded = false;
    return checkIn;
  }

  /** An erased Djangonaut is no longer named in who attended or in the blockers; the figures stay. */
  void scrub(Mentions mentions) {
    attended = mentions.scrub(attended);
    blockers = mentions.scrub(blockers);
  }

  /** Whether the Navigator recorded it (held or not); false when it was closed as not recorded. */
  public boolean isRecorded() {
    return recorded;
  }

  /** Whether its tickets and pull requests were recorded as links rather than as typed weekly numbers. */
  public boolean isContributionsAsLinks() {
    return contributionsAsLinks;
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

  /**
   * Tickets progressed that week: typed by the Navigator before links, or the distinct tickets its lines name as
   * progressed. Summing these over weeks counts a ticket once per week; the report counts distinct links instead.
   */
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
