package space.djangonaut.missioncontrol.team;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * A team's weekly check-in: its Navigator chooses a weekday and a start time in their own IANA zone, for
 * {@link #DURATION}, among the times the team shares ({@link #sharedHours}) in every week of the cohort. The
 * meeting's local time holds across clock changes, as an iCalendar weekly rule does (RFC 5545, 3.3.10): a meeting on
 * Mondays at 16:00 in America/New_York is at 21:00 UTC in January and at 20:00 UTC after the second Sunday of March,
 * and each of those weeks must be inside the shared hours.
 */
@Service
public class TeamMeetings {

  /** How long a check-in lasts: one hour, the stand-up the programme asks of a team. */
  public static final Duration DURATION = Duration.ofHours(1);
  /** Start times on offer are on this step of the local clock (half hours, for zones such as Asia/Kolkata). */
  static final Duration STEP = Duration.ofMinutes(30);

  private final TeamMeetingRepository meetings;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final VolunteerRepository volunteers;
  private final ApplicationRepository applications;
  private final CohortRepository cohorts;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;
  private final TeamService teamService;

  TeamMeetings(TeamMeetingRepository meetings, TeamRepository teams, TeamMemberRepository members,
      VolunteerRepository volunteers, ApplicationRepository applications, CohortRepository cohorts,
      ApplicationEventPublisher events, java.time.Clock clock, TeamService teamService) {
    this.teamService = teamService;
    this.meetings = meetings;
    this.teams = teams;
    this.members = members;
    this.volunteers = volunteers;
    this.applications = applications;
    this.cohorts = cohorts;
    this.events = events;
    this.clock = clock;
  }

  /** The hours a team shares each week, whatever way they are computed. */
  public interface SharedHours {

    /** Whether the whole team can meet from {@code from} to {@code to} (UTC instants of an actual week). */
    boolean covers(Instant from, Instant to);

    /** The hours in words, for the team page. */
    String describe();
  }

  /**
   * The hours the team shares: its Navigator's and its staying Djangonauts' weekly availability, each in their own
   * time zone, intersected in UTC for each actual week of the cohort ({@link TeamService#weeklySharedHours}, the
   * overlap team formation checks), so that a meeting is offered only where it falls inside the shared hours of the
   * week it is in, clock changes included.
   *
   * @throws space.djangonaut.missioncontrol.common.NotFoundException if there is no such team
   */
  public SharedHours sharedHours(long teamId) {
    List<CohortWeeks.WeekOverlap> weekly = teamService.weeklySharedHours(teamId);
    return new SharedHours() {
      @Override
      public boolean covers(Instant from, Instant to) {
        // The union of every week's spans: a meeting across the end of one span and the start of the next that
        // touches it (two weeks' spans meeting at a week's boundary) is still inside the hours the team shares.
        return UtcSpan.merge(weekly.stream().flatMap(week -> week.shared().stream()).toList()).stream()
            .anyMatch(span -> !span.start().isAfter(from) && !span.end().isBefore(to));
      }

      @Override
      public String describe() {
        return weekly.stream().map(week -> week.label() + ": " + week.hours() + " h")
            .collect(java.util.stream.Collectors.joining("; "));
      }
    };
  }

  /** A weekday and a local start time, as the team page offers them ({@code MONDAY 16:00}). */
  public record Slot(DayOfWeek day, LocalTime start) {

    /** The value a form submits. */
    public String value() {
      return day + " " + start;
    }

    /** "Monday 16:00". */
    public String label() {
      return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start;
    }

    /**
     * Reads a form's value.
     *
     * @throws IllegalArgumentException if it is not a weekday and a time such as {@code MONDAY 16:00}
     */
    public static Slot parse(String value) {
      String[] parts = value == null ? new String[0] : value.strip().split(" ");
      if (parts.length != 2) {
        throw new IllegalArgumentException("choose a weekday and a start time, such as MONDAY 16:00");
      }
      try {
        return new Slot(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("\"" + value + "\" is not a weekday and a start time such as MONDAY 16:00");
      }
    }
  }

  /** A meeting time refused, with the form field at fault and the reason. */
  public static class MeetingTimeRefusedException extends RuntimeException {

    private final String field;

    MeetingTimeRefusedException(String field, String reason) {
      super(field + ": " + reason);
      this.field = field;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return getMessage().substring(field.length() + 2);
    }
  }

  /** The team's meeting, if its Navigator chose one. */
  @Transactional(readOnly = true)
  public Optional<TeamMeeting> meetingOf(long teamId) {
    return meetings.findById(teamId);
  }

  /**
   * The start of each week's meeting, week 1 first: the first time the weekday and local time come at or after the
   * cohort's start, then the same local time each week (so that a clock change moves the UTC instant, not the local
   * time). Pure, for tests.
   *
   * @param cohortStart when week 1 begins (UTC)
   * @param weeks the cohort's number of weeks
   */
  public static List<ZonedDateTime> occurrences(Instant cohortStart, int weeks, DayOfWeek day, LocalTime start,
      ZoneId zone) {
    ZonedDateTime begins = cohortStart.atZone(zone);
    ZonedDateTime first = begins.with(TemporalAdjusters.nextOrSame(day)).with(start);
    if (first.isBefore(begins)) {
      first = first.plusWeeks(1);
    }
    List<ZonedDateTime> all = new ArrayList<>();
    for (int week = 0; week < weeks; week++) {
      all.add(first.plusWeeks(week));
    }
    return all;
  }

  /** The start of each week's meeting of this team (week 1 first), or empty if no meeting is chosen. */
  @Transactional(readOnly = true)
  public List<ZonedDateTime> occurrences(long teamId) {
    return meetings.findById(teamId).map(m -> {
      Cohort cohort = cohortOf(teamId);
      return occurrences(cohort.startsAt(), cohort.getWeeks(), m.getDayOfWeek(), m.getStartTime(), m.getZone());
    }).orElse(List.of());
  }

  /**
   * When the meeting of a week ends, which is when that week's check-in is due; empty if no meeting is chosen.
   *
   * @param week 1-based
   */
  @Transactional(readOnly = true)
  public Optional<Instant> meetingEnd(long teamId, long week) {
    List<ZonedDateTime> all = occurrences(teamId);
    if (week < 1 || week > all.size()) {
      return Optional.empty();
    }
    return Optional.of(all.get((int) week - 1).toInstant().plus(meetingOf(teamId).orElseThrow().getDuration()));
  }

  /**
   * The start times the Navigator can choose in this zone: every weekday and half hour whose meeting, in every week
   * of the cohort, lies inside its week and inside the hours the team shares.
   */
  @Transactional(readOnly = true)
  public List<Slot> offered(long teamId, ZoneId zone) {
    Cohort cohort = cohortOf(teamId);
    SharedHours shared = sharedHours(teamId);
    List<Slot> offered = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (LocalTime start = LocalTime.MIDNIGHT; ; start = start.plus(STEP)) {
        if (refusal(cohort, shared, day, start, zone).isEmpty()) {
          offered.add(new Slot(day, start));
        }
        if (start.equals(LocalTime.MIDNIGHT.minus(STEP))) {
          break;
        }
      }
    }
    return offered;
  }

  /**
   * The team's Navigator chooses, or moves, the weekly check-in. Choosing the time it already has changes nothing;
   * otherwise {@link TeamMeetingChanged} is published in this transaction (the invitations, the tasks' due dates).
   *
   * @param slot a weekday and local start time, {@code MONDAY 16:00}
   * @param zone the Navigator's IANA zone, {@code America/New_York}
   * @throws NotFoundException if the team does not exist
   * @throws MeetingTimeRefusedException with the field ({@code slot} or {@code zone}) and the reason: not a time, not
   *     a zone, or outside the hours the team shares (or outside a week of the cohort) in some week
   */
  @Transactional
  public TeamMeeting choose(long teamId, String slot, String zone) {
    Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId + "."));
    if (!ProgrammeOptions.isOfferedZone(zone)) {
      throw new MeetingTimeRefusedException("zone", "choose a time zone from the list (such as Europe/Berlin)");
    }
    ZoneId zoneId = ZoneId.of(zone);
    Slot chosen;
    try {
      chosen = Slot.parse(slot);
    } catch (IllegalArgumentException e) {
      throw new MeetingTimeRefusedException("slot", e.getMessage());
    }
    SharedHours shared = sharedHours(teamId);
    Optional<String> refusal = refusal(cohortOf(teamId), shared, chosen.day(), chosen.start(), zoneId);
    if (refusal.isPresent()) {
      throw new MeetingTimeRefusedException("slot", refusal.get());
    }
    Optional<TeamMeeting> existing = meetings.findById(team.getId());
    if (existing.isPresent() && existing.get().isAt(chosen.day(), chosen.start(), zoneId)) {
      return existing.get();
    }
    TeamMeeting meeting = existing.orElse(null);
    if (meeting == null) {
      meeting = new TeamMeeting(team.getId(), chosen.day(), chosen.start(), zoneId, DURATION, clock.instant());
    } else {
      meeting.move(chosen.day(), chosen.start(), zoneId, DURATION, clock.instant());
    }
    meeting = meetings.save(meeting);
    events.publishEvent(new TeamMeetingChanged(team.getId(), meeting.getSequence()));
    return meeting;
  }

  private Optional<String> refusal(Cohort cohort, SharedHours shared, DayOfWeek day, LocalTime start, ZoneId zone) {
    List<ZonedDateTime> all = occurrences(cohort.startsAt(), cohort.getWeeks(), day, start, zone);
    Slot slot = new Slot(day, start);
    for (int i = 0; i < all.size(); i++) {
      Instant from = all.get(i).toInstant();
      Instant to = from.plus(DURATION);
      Instant weekStarts = cohort.weekStart(i + 1);
      if (from.isBefore(weekStarts) || to.isAfter(cohort.weekStart(i + 2))) {
        return Optional.of(slot.label() + " " + zone.getId() + " falls outside week " + (i + 1)
            + " of the cohort; choose another time");
      }
      if (!shared.covers(from, to)) {
        return Optional.of(slot.label() + "-" + start.plus(DURATION) + " " + zone.getId() + " is outside the hours "
            + "your team shares in week " + (i + 1) + " (" + all.get(i).toLocalDate() + "); shared: "
            + shared.describe());
      }
    }
    return Optional.empty();
  }

  private Cohort cohortOf(long teamId) {
    return cohorts.findById(teams.findById(teamId).orElseThrow().getCohortId()).orElseThrow();
  }
}
