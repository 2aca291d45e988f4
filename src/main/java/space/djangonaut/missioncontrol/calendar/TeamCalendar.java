package space.djangonaut.missioncontrol.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.Offer;
import space.djangonaut.missioncontrol.application.OfferRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.mentorship.WeekCalendar;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMeeting;
import space.djangonaut.missioncontrol.team.TeamMeetings;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * A team's calendar in iCalendar (RFC 5545), written and read with ical4j, never by hand: the invitation to the
 * weekly check-in (METHOD:REQUEST, one weekly event over the cohort's weeks with a stable UID and the meeting's
 * SEQUENCE) and each member's personal feed (METHOD:PUBLISH): the check-in, their one-to-ones (Captain with
 * Djangonaut: no times are recorded for them, so the weeks' due dates), and the deadlines (their offer's, the
 * check-ins' due dates for the Navigator, the survey's).
 *
 * <p>The check-in keeps the Navigator's zone (TZID and VTIMEZONE), so that its weekly rule holds the local time
 * across clock changes; everything else, and the weeks listed in the event's description, are in the member's own
 * zone: a Djangonaut's from their application, a Navigator's or Captain's from their volunteer form (the zone of
 * their weekly availability, migration V16; {@code UTC} for those who signed up before zones were asked). A zone
 * stored before only the offered zones were accepted ({@link ProgrammeOptions#isOfferedZone}) is read as UTC, so
 * that every zone written has a VTIMEZONE.
 */
@Service
public class TeamCalendar {

  /** The domain of our UIDs (RFC 5545, 3.8.4.7: globally unique, stable across SEQUENCEs). */
  static final String UID_DOMAIN = "mission-control.djangonaut.space";
  /** One-to-ones are every second week (team.bpmn, Gateway_OneToOneWeek: {@code week % 2 == 0}). */
  static final int ONE_TO_ONE_EVERY = 2;
  /**
   * The survey stays open this long after the last week ends (cohort.bpmn: a reminder after P7D, closed P7D later).
   */
  static final Duration SURVEY_OPEN_FOR = Duration.ofDays(14);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.ENGLISH);

  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final TeamMeetings meetings;
  private final VolunteerRepository volunteers;
  private final ApplicationRepository applications;
  private final OfferRepository offers;
  private final CohortRepository cohorts;
  private final WeekCalendar weeks;
  private final Clock clock;
  private final String organisersEmail;
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  TeamCalendar(TeamRepository teams, TeamMemberRepository members, TeamMeetings meetings,
      VolunteerRepository volunteers, ApplicationRepository applications, OfferRepository offers,
      CohortRepository cohorts, WeekCalendar weeks, Clock clock,
      @Value("${missioncontrol.roster.organisers-email:organisers@djangonaut.space}") String organisersEmail) {
    this.teams = teams;
    this.members = members;
    this.meetings = meetings;
    this.volunteers = volunteers;
    this.applications = applications;
    this.offers = offers;
    this.cohorts = cohorts;
    this.weeks = weeks;
    this.clock = clock;
    this.organisersEmail = organisersEmail;
  }

  /**
   * Someone the team's calendar is for: the Navigator, a Captain (with the Djangonauts they look after), or a
   * Djangonaut (with their Captain). Exactly one of {@code volunteerId} and {@code applicationId} is set.
   */
  public record Member(String name, String email, ZoneId zone, Long volunteerId, Long applicationId,
      boolean navigator, Map<Long, String> captainOf, String captainName) {}

  /**
   * When a week's check-in is due: the end of that week's meeting when the Navigator chose one, else the end of the
   * week ({@link WeekCalendar#dueAt}). What Tasklist shows as the due date of Task_RecordCheckIn.
   *
   * @param week 1-based
   */
  @Transactional(readOnly = true)
  public Instant checkInDue(long teamId, long cohortId, long week) {
    return meetings.meetingEnd(teamId, week).orElseGet(() -> weeks.dueAt(cohortId, week).toInstant());
  }

  /**
   * Everyone the team's calendar is for, once per address: its Navigator, its Captains and its staying Djangonauts
   * who were not erased.
   *
   * @throws java.util.NoSuchElementException if there is no such team
   */
  @Transactional(readOnly = true)
  public List<Member> members(long teamId) {
    Team team = teams.findById(teamId).orElseThrow();
    Map<String, Member> byEmail = new LinkedHashMap<>();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Map<Long, Map<Long, String>> captains = new LinkedHashMap<>();
    List<Member> djangonauts = new ArrayList<>();
    for (TeamMember member : members.findStayingByTeamId(teamId)) {
      Application a = applications.findById(member.getApplicationId()).orElseThrow();
      Volunteer captain = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow();
      captains.computeIfAbsent(captain.getId(), id -> new LinkedHashMap<>()).put(a.getId(), a.getName());
      if (a.getErasedAt() == null) {
        djangonauts.add(new Member(a.getName(), a.getEmail(), zoneOf(a), null, a.getId(), false, Map.of(),
            captain.getName()));
      }
    }
    Map<Long, String> navigatorCaptains = new LinkedHashMap<>();
    captains.forEach((id, names) -> {
      Volunteer captain = volunteers.findById(id).orElseThrow();
      if (captain.getEmail().equalsIgnoreCase(navigator.getEmail())) {
        navigatorCaptains.putAll(names);
      }
    });
    byEmail.put(key(navigator.getEmail()), new Member(navigator.getName(), navigator.getEmail(), zoneOf(navigator),
        navigator.getId(), null, true, navigatorCaptains, null));
    captains.forEach((id, names) -> {
      Volunteer captain = volunteers.findById(id).orElseThrow();
      byEmail.putIfAbsent(key(captain.getEmail()), new Member(captain.getName(), captain.getEmail(), zoneOf(captain),
          captain.getId(), null, false, names, null));
    });
    djangonauts.forEach(d -> byEmail.putIfAbsent(key(d.email()), d));
    return List.copyOf(byEmail.values());
  }

  /** The member of the team this feed belongs to, if they still are one. */
  @Transactional(readOnly = true)
  public Optional<Member> memberOf(CalendarFeed feed) {
    if (teams.findById(feed.getTeamId()).isEmpty()) {
      return Optional.empty();
    }
    return members(feed.getTeamId()).stream()
        .filter(m -> feed.getApplicationId() != null ? feed.getApplicationId().equals(m.applicationId())
            : feed.getVolunteerId().equals(m.volunteerId()))
        .findFirst();
  }

  /**
   * The invitation to the team's weekly check-in for one member: METHOD:REQUEST with the meeting's SEQUENCE.
   *
   * @throws IllegalStateException if the Navigator has not chosen the meeting
   */
  @Transactional(readOnly = true)
  public Calendar invitation(long teamId, Member to) {
    TeamMeeting meeting = meetings.meetingOf(teamId).orElseThrow(() -> new IllegalStateException(
        "Team " + teamId + " has no meeting time"));
    Calendar calendar = calendar(Method.VALUE_REQUEST);
    Set<ZoneId> used = new LinkedHashSet<>();
    calendar.add(checkIn(teamId, meeting, to, members(teamId), used));
    addTimeZones(calendar, used);
    return calendar;
  }

  /**
   * A member's personal feed: the check-in (once chosen), their one-to-ones and their deadlines, in their zone.
   */
  @Transactional(readOnly = true)
  public Calendar feed(long teamId, Member who) {
    Team team = teams.findById(teamId).orElseThrow();
    Cohort cohort = cohorts.findById(team.getCohortId()).orElseThrow();
    Calendar calendar = calendar(Method.VALUE_PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", "Djangonaut Space " + cohort.getName() + ": " + team.getName()));
    calendar.add(new XProperty("X-WR-TIMEZONE", who.zone().getId()));
    Set<ZoneId> used = new LinkedHashSet<>();
    // A published calendar names no attendees (RFC 5546, 3.2.1); the invitation does.
    meetings.meetingOf(teamId).ifPresent(m -> calendar.add(checkIn(teamId, m, who, List.of(), used)));
    if (who.navigator()) {
      for (long week = 1; week <= cohort.getWeeks(); week++) {
        calendar.add(deadline("team-" + teamId + "-week-" + week + "-check-in-due",
            "Record the week " + week + " check-in of " + team.getName(), checkInDue(teamId, cohort.getId(), week),
            who.zone(), used));
      }
    }
    for (long week = ONE_TO_ONE_EVERY; week <= cohort.getWeeks(); week += ONE_TO_ONE_EVERY) {
      Instant due = weeks.dueAt(cohort.getId(), week).toInstant();
      for (Map.Entry<Long, String> djangonaut : who.captainOf().entrySet()) {
        calendar.add(deadline("team-" + teamId + "-week-" + week + "-one-to-one-" + djangonaut.getKey(),
            "One-to-one with " + djangonaut.getValue() + " (week " + week + ")", due, who.zone(), used));
      }
      if (who.applicationId() != null) {
        calendar.add(deadline("team-" + teamId + "-week-" + week + "-one-to-one-" + who.applicationId(),
            "One-to-one with your Captain " + who.captainName() + " (week " + week + ")", due, who.zone(), used));
      }
    }
    if (who.applicationId() != null) {
      List<Offer> made = offers.findByApplicationIdOrderByCreatedAt(who.applicationId());
      if (!made.isEmpty()) {
        calendar.add(deadline("application-" + who.applicationId() + "-offer-deadline",
            "Deadline to accept your place in " + cohort.getName(), made.get(made.size() - 1).getDeadline(),
            who.zone(), used));
      }
    }
    calendar.add(deadline("cohort-" + cohort.getId() + "-survey-deadline",
        "The " + cohort.getName() + " feedback survey closes",
        weeks.dueAt(cohort.getId(), cohort.getWeeks()).toInstant().plus(SURVEY_OPEN_FOR), who.zone(), used));
    addTimeZones(calendar, used);
    return calendar;
  }

  /**
   * The calendar as iCalendar text, written by ical4j's outputter: CRLF line ends and lines folded at 75 octets
   * (RFC 5545, 3.1).
   */
  public static String text(Calendar calendar) {
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The weekly meeting in words, in a member's zone: "Mondays 22:00-23:00 (Europe/Berlin)". */
  @Transactional(readOnly = true)
  public String describe(long teamId, ZoneId zone) {
    TeamMeeting meeting = meetings.meetingOf(teamId).orElseThrow();
    ZonedDateTime first = meetings.occurrences(teamId).get(0).withZoneSameInstant(zone);
    return first.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s "
        + first.toLocalTime() + "-" + first.plus(meeting.getDuration()).toLocalTime() + " (" + zone.getId()
        + "; set in " + meeting.getZone().getId() + ")";
  }

  /** Each week's meeting in a member's zone: "Week 1: Monday 1 February 22:00". */
  @Transactional(readOnly = true)
  public List<String> weeksIn(long teamId, ZoneId zone) {
    List<ZonedDateTime> all = meetings.occurrences(teamId);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      lines.add("Week " + (i + 1) + ": " + DAY_TIME.format(all.get(i).withZoneSameInstant(zone)));
    }
    return lines;
  }

  private VEvent checkIn(long teamId, TeamMeeting meeting, Member who, List<Member> everyone, Set<ZoneId> used) {
    Team team = teams.findById(teamId).orElseThrow();
    Cohort cohort = cohorts.findById(team.getCohortId()).orElseThrow();
    List<ZonedDateTime> all = meetings.occurrences(teamId);
    ZonedDateTime first = all.get(0);
    used.add(meeting.getZone());
    // UTC needs no VTIMEZONE: its instants are written with a Z.
    VEvent event = isUtc(meeting.getZone())
        ? new VEvent(first.toInstant(), first.plus(meeting.getDuration()).toInstant(),
        team.getName() + " weekly check-in (Djangonaut Space " + cohort.getName() + ")")
        : new VEvent(first, first.plus(meeting.getDuration()),
        team.getName() + " weekly check-in (Djangonaut Space " + cohort.getName() + ")");
    event.add(new Uid("team-" + teamId + "-check-in@" + UID_DOMAIN));
    event.add(new Sequence(meeting.getSequence()));
    event.replace(new DtStamp(meeting.getChangedAt()));
    event.add(new RRule<>("FREQ=WEEKLY;COUNT=" + all.size()));
    event.add(new Description("The weekly check-in of " + team.getName() + " (" + team.getProject() + "), "
        + "set by its Navigator in " + meeting.getZone().getId() + ". In your time zone (" + who.zone().getId()
        + "):\n" + String.join("\n", weeksIn(teamId, who.zone()))));
    event.add(organizer());
    for (Member member : everyone) {
      Attendee attendee = new Attendee(URI.create("mailto:" + member.email()));
      attendee.add(new Cn(member.name()));
      attendee.add(Role.REQ_PARTICIPANT);
      attendee.add(PartStat.NEEDS_ACTION);
      attendee.add(Rsvp.FALSE);
      event.add(attendee);
    }
    return event;
  }

  private VEvent deadline(String uid, String summary, Instant at, ZoneId zone, Set<ZoneId> used) {
    VEvent event;
    if (isUtc(zone)) {
      event = new VEvent(at, summary);
    } else {
      used.add(zone);
      event = new VEvent(at.atZone(zone), summary);
    }
    event.add(new Uid(uid + "@" + UID_DOMAIN));
    event.replace(new DtStamp(clock.instant()));
    event.add(organizer());
    return event;
  }

  private Organizer organizer() {
    Organizer organizer = new Organizer(URI.create("mailto:" + organisersEmail));
    organizer.add(new Cn("Djangonaut Space organisers"));
    return organizer;
  }

  private Calendar calendar(String method) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Djangonaut Space//Mission Control//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method(method));
    return calendar;
  }

  private void addTimeZones(Calendar calendar, Set<ZoneId> used) {
    for (ZoneId zone : used) {
      if (!isUtc(zone)) {
        calendar.add(zones.getTimeZone(zone.getId()).getVTimeZone());
      }
    }
  }

  private static boolean isUtc(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC);
  }

  private static ZoneId zoneOf(Application djangonaut) {
    return offeredOrUtc(djangonaut.getTimezone());
  }

  private static ZoneId zoneOf(Volunteer volunteer) {
    try {
      return offeredOrUtc(volunteer.getAvailability().zone().getId());
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static ZoneId offeredOrUtc(String zone) {
    return ProgrammeOptions.isOfferedZone(zone) ? ZoneId.of(zone) : ZoneOffset.UTC;
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
