package space.djangonaut.missioncontrol.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * The team's weekly check-in and its calendars (issue 12, "a team meeting time and calendars"), on the whole
 * application with a real PostgreSQL and SMTP server: the Navigator chooses the time on the team page among the hours
 * the team shares; everyone gets an iCalendar invitation by email and a personal feed, read back with ical4j in each
 * member's zone across the March clock changes; moving the time sends the invitation again with a higher SEQUENCE;
 * Tasklist's due date of the check-in is the end of the meeting.
 */
@IntegrationTest
class TeamMeetingCalendarTest {

  /** 18:00-24:00 UTC on Mondays: 16:00 in New York is inside it before and after the US clock change. */
  private static final List<String> MONDAY_EVENINGS = List.of("MON-18", "MON-21", "THU-18");
  /**
   * Each Djangonaut's hours on their own clock, wide enough to hold the Navigator's {@link #MONDAY_EVENINGS} (UTC)
   * before and after their clock changes: the team then shares exactly Monday 18-24 and Thursday 18-21 UTC every
   * week.
   */
  private static final Map<String, List<String>> AROUND_MONDAY_EVENINGS_UTC = Map.of(
      "Europe/Berlin", List.of("MON-18", "MON-21", "TUE-00", "THU-18", "THU-21"),
      "America/New_York", List.of("MON-12", "MON-15", "MON-18", "THU-12", "THU-15"),
      "Asia/Kolkata", List.of("MON-21", "TUE-00", "TUE-03", "THU-21", "FRI-00"));
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Pattern FEED = Pattern.compile("/calendar/([A-Za-z0-9_-]{43})\\.ics");

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired ApplicationService applicationService;
  @Autowired TeamRepository teams;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A team of three Djangonauts (Berlin, Kolkata, New York) whose cohort runs across both March changes. */
  private record Fixture(CohortDriver.Run run, Team team, Volunteer navigator, Volunteer captain,
      Application berlin, Application kolkata, Application newYork) {}

  @Test
  void shouldInviteEveryoneAndServeEachTheirFeedInTheirOwnZoneAcrossTheMarchClockChanges() throws Exception {
    Fixture f = teamAcrossMarch();
    WebClient navigator = signedIn(f.navigator().getUserId());

    WebClient.Response page = navigator.get("/my/teams/" + f.team().getId() + "?zone=America/New_York");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("value=\"MONDAY 16:00\"").doesNotContain("value=\"TUESDAY 09:00\"");
    WebClient.Response chosen = choose(navigator, f, "MONDAY 16:00", "America/New_York");
    assertThat(chosen.status()).isEqualTo(302);

    for (String email : List.of(f.navigator().getEmail(), f.captain().getEmail(), f.berlin().getEmail(),
        f.kolkata().getEmail(), f.newYork().getEmail())) {
      Calendar invitation = invitation(email, 0);
      assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
      VEvent checkIn = checkIn(invitation);
      assertThat(checkIn.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
      assertThat(checkIn.getProperty(Property.RRULE).orElseThrow().getValue()).isEqualTo("FREQ=WEEKLY;COUNT=8");
      assertThat(checkIn.getProperties(Property.ATTENDEE)).hasSize(5);
      assertThat(invitation.validate().hasErrors()).as(invitation.validate().toString()).isFalse();
    }

    Calendar berlin = feed(f.berlin().getEmail());
    // The feed as served, for the closing note: every line folded at 75 octets, CRLF line ends (RFC 5545, 3.1).
    Path saved = Path.of("target", "team-calendar-berlin.ics");
    Files.writeString(saved, feedText(f.berlin().getEmail()));
    assertThat(Files.readString(saved).split("\r\n")).allSatisfy(line -> assertThat(
        line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    Calendar reread = new CalendarBuilder().build(Files.newBufferedReader(saved));
    System.out.println("ical4j read " + saved + ": " + reread.getComponents(Component.VEVENT).size() + " events, "
        + reread.getComponents(Component.VTIMEZONE).size() + " time zones; validation: " + reread.validate());
    assertThat(reread.validate().hasErrors()).as(reread.validate().toString()).isFalse();

    // Berlin: 22:00 in February, 21:00 between the US change (14 March) and the European one (28 March), then 22:00.
    assertThat(localStarts(checkIn(berlin), BERLIN)).containsExactly(
        at(2027, 2, 22, 22, 0), at(2027, 3, 1, 22, 0), at(2027, 3, 8, 22, 0), at(2027, 3, 15, 21, 0),
        at(2027, 3, 22, 21, 0), at(2027, 3, 29, 22, 0), at(2027, 4, 5, 22, 0), at(2027, 4, 12, 22, 0));
    // Kolkata has no clock change: 02:30 on Tuesdays until the US change, then 01:30.
    assertThat(localStarts(checkIn(feed(f.kolkata().getEmail())), KOLKATA)).containsExactly(
        at(2027, 2, 23, 2, 30), at(2027, 3, 2, 2, 30), at(2027, 3, 9, 2, 30), at(2027, 3, 16, 1, 30),
        at(2027, 3, 23, 1, 30), at(2027, 3, 30, 1, 30), at(2027, 4, 6, 1, 30), at(2027, 4, 13, 1, 30));
    // New York: 16:00 every Monday, before and after its own change.
    assertThat(localStarts(checkIn(feed(f.newYork().getEmail())), NEW_YORK))
        .allSatisfy(t -> assertThat(t.toLocalTime()).hasToString("16:00")).hasSize(8);

    // The deadlines are in the person's own zone (TZID and its VTIMEZONE), at the right instants.
    Calendar kolkata = feed(f.kolkata().getEmail());
    VEvent survey = event(kolkata, "cohort-" + f.run().cohortId() + "-survey-deadline");
    DtStart<?> surveyStart = survey.getDateTimeStart();
    assertThat(surveyStart.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Kolkata");
    assertThat(instant(surveyStart))
        .isEqualTo(f.run().cohort().startsAt().plus(java.time.Duration.ofDays(8 * 7 + 14)));
    List<CalendarComponent> timeZones = kolkata.getComponents(Component.VTIMEZONE);
    assertThat(timeZones).extracting(c -> c.getProperty(Property.TZID)
        .orElseThrow().getValue()).contains("Asia/Kolkata", "America/New_York");
    assertThat(event(kolkata, "application-" + f.kolkata().getId() + "-offer-deadline")).isNotNull();
    assertThat(event(kolkata, "team-" + f.team().getId() + "-week-2-one-to-one-" + f.kolkata().getId())
        .getProperty(Property.SUMMARY).orElseThrow().getValue()).contains(f.captain().getName());
    Calendar captain = feed(f.captain().getEmail());
    List<CalendarComponent> captainEvents = captain.getComponents(Component.VEVENT);
    assertThat(captainEvents).extracting(c -> c.getProperty(Property.UID).orElseThrow()
        .getValue()).contains("team-" + f.team().getId() + "-week-8-one-to-one-" + f.berlin().getId()
        + "@" + TeamCalendar.UID_DOMAIN);
    Calendar navigatorFeed = feed(f.navigator().getEmail());
    assertThat(instant(event(navigatorFeed, "team-" + f.team().getId() + "-week-4-check-in-due")
        .getDateTimeStart())).isEqualTo(Instant.parse("2027-03-15T21:00:00Z"));
  }

  @Test
  void shouldRefuseAMeetingTimeOutsideTheHoursTheTeamSharesWithTheFieldAndTheReason() {
    Fixture f = teamAcrossMarch();
    WebClient navigator = signedIn(f.navigator().getUserId());

    WebClient.Response tuesday = choose(navigator, f, "TUESDAY 09:00", "America/New_York");
    assertThat(tuesday.status()).isEqualTo(400);
    assertThat(tuesday.body()).contains("slot: Tuesday 09:00-10:00 America/New_York is outside the hours your team "
        + "shares in week 1");
    // 13:00 in New York is 18:00 UTC in February, inside; from 14 March it is 17:00 UTC, outside: refused.
    WebClient.Response afterTheChange = choose(navigator, f, "MONDAY 13:00", "America/New_York");
    assertThat(afterTheChange.status()).isEqualTo(400);
    assertThat(afterTheChange.body()).contains("outside the hours your team shares in week 4 (2027-03-15)");
    assertThat(choose(navigator, f, "MONDAY 16:00", "Mars/Olympus").body()).contains("zone: choose a time zone");
    // java.time knows this one, ical4j has no VTIMEZONE for it: not offered, so refused as well.
    WebClient.Response systemV = choose(navigator, f, "MONDAY 16:00", "SystemV/EST5EDT");
    assertThat(systemV.status()).isEqualTo(400);
    assertThat(systemV.body()).contains("zone: choose a time zone from the list");
    assertThat(Mailbox.messagesTo(f.berlin().getEmail())).noneMatch(this::isInvitation);
    // A Captain of the team cannot choose it.
    WebClient captain = signedIn(f.captain().getUserId());
    assertThat(choose(captain, f, "MONDAY 16:00", "America/New_York").status()).isEqualTo(404);
  }

  @Test
  void shouldSendTheInvitationAgainWithAHigherSequenceAndChangeTheFeedAndTheDueDateWhenTheMeetingMoves()
      throws Exception {
    Fixture f = teamAcrossMarch();
    WebClient navigator = signedIn(f.navigator().getUserId());
    choose(navigator, f, "MONDAY 16:00", "America/New_York");
    Matcher link = FEED.matcher(Mailbox.text(newestInvitation(f.berlin().getEmail())));
    assertThat(link.find()).isTrue();
    String token = link.group(1);
    Task week1 = checkInTask(f, 1);
    assertThat(week1.getDueDate()).as("the end of week 1's meeting")
        .isEqualTo(Date.from(Instant.parse("2027-02-22T22:00:00Z")));

    assertThat(choose(navigator, f, "MONDAY 17:00", "America/New_York").status()).isEqualTo(302);

    Calendar moved = invitation(f.berlin().getEmail(), 1);
    assertThat(checkIn(moved).getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(checkIn(moved).getProperty(Property.UID).orElseThrow().getValue())
        .isEqualTo(checkIn(invitation(f.berlin().getEmail(), 0)).getProperty(Property.UID).orElseThrow().getValue());
    assertThat(Mailbox.text(newestInvitation(f.berlin().getEmail()))).contains("has moved the weekly check-in");
    Calendar feed = parse(new WebClient(port).get("/calendar/" + token + ".ics").body());
    assertThat(checkIn(feed).getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(localStarts(checkIn(feed), BERLIN).get(0)).isEqualTo(at(2027, 2, 22, 23, 0));
    assertThat(checkInTask(f, 1).getDueDate()).as("the open check-in follows the meeting")
        .isEqualTo(Date.from(Instant.parse("2027-02-22T23:00:00Z")));
    for (int week = 2; week <= 4; week++) {
      // A week at a time, as the job executor would: each week's reminders and escalations in turn.
      ClockUtil.setCurrentTime(Date.from(f.run().cohort().startsAt().plus(java.time.Duration.ofDays(7L * (week - 1)))
          .plusSeconds(60)));
      driver.drive(f.run());
    }
    assertThat(checkInTask(f, 4).getDueDate()).as("a check-in created after the move, after the US change")
        .isEqualTo(Date.from(Instant.parse("2027-03-15T22:00:00Z")));
  }

  @Test
  void shouldWriteACaptainsFeedInTheCaptainsOwnZoneRatherThanTheMeetings() throws Exception {
    // The Captain lives in Tokyo (UTC+9, no clock change) and gives the team's Monday and Thursday evenings UTC on
    // their own clock: Tuesday 03-09 and Friday 03-06.
    Fixture f = teamAcrossMarch(WeeklyAvailability.of(TOKYO, List.of("TUE-03", "TUE-06", "FRI-03")));
    choose(signedIn(f.navigator().getUserId()), f, "MONDAY 16:00", "America/New_York");

    Calendar captain = feed(f.captain().getEmail());
    for (String uid : List.of("cohort-" + f.run().cohortId() + "-survey-deadline",
        "team-" + f.team().getId() + "-week-2-one-to-one-" + f.berlin().getId())) {
      DtStart<?> start = event(captain, uid).getDateTimeStart();
      assertThat(start.getParameter("TZID").orElseThrow().getValue()).as(uid).isEqualTo("Asia/Tokyo");
    }
    assertThat(instant(event(captain, "cohort-" + f.run().cohortId() + "-survey-deadline").getDateTimeStart()))
        .isEqualTo(f.run().cohort().startsAt().plus(java.time.Duration.ofDays(8 * 7 + 14)));
    List<CalendarComponent> timeZones = captain.getComponents(Component.VTIMEZONE);
    assertThat(timeZones).extracting(c -> c.getProperty(Property.TZID).orElseThrow().getValue())
        .contains("Asia/Tokyo", "America/New_York");
    // The check-in itself keeps the Navigator's zone, so that its weekly rule follows New York's clock.
    assertThat(checkIn(captain).getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("America/New_York");
  }

  @Test
  void shouldAnswer404ToAWrongOrRevokedFeedToken() {
    Fixture f = teamAcrossMarch();
    choose(signedIn(f.navigator().getUserId()), f, "MONDAY 16:00", "America/New_York");
    Matcher link = FEED.matcher(Mailbox.text(newestInvitation(f.kolkata().getEmail())));
    assertThat(link.find()).isTrue();
    WebClient anybody = new WebClient(port);
    WebClient.Response served = anybody.get("/calendar/" + link.group(1) + ".ics");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Content-Type")).startsWith("text/calendar");

    assertThat(anybody.get("/calendar/" + Tokens.newToken() + ".ics").status()).isEqualTo(404);
    assertThat(anybody.get("/calendar/not-a-token.ics").status()).isEqualTo(404);
    WebClient.Response page = anybody.get("/calendar/" + link.group(1));
    assertThat(anybody.postForm("/calendar/" + link.group(1) + "/revoke", WebClient.form(page, Map.of())).status())
        .isEqualTo(200);
    assertThat(anybody.get("/calendar/" + link.group(1) + ".ics").status()).isEqualTo(404);
  }

  private Fixture teamAcrossMarch() {
    return teamAcrossMarch(WeeklyAvailability.of(MONDAY_EVENINGS));
  }

  private Fixture teamAcrossMarch(WeeklyAvailability captainHours) {
    // Applications open on 11 January 2027; the cohort starts 40 days later, on Saturday 20 February, for 8 weeks.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-11T12:00:00Z")));
    CohortDriver.Run run = driver.open(3, 8);
    List<Application> applied = new ArrayList<>();
    for (String zone : List.of("Europe/Berlin", "Asia/Kolkata", "America/New_York")) {
      ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
      form.setTimezone(zone);
      form.setAvailability(AROUND_MONDAY_EVENINGS_UTC.get(zone));
      applied.add(applicationService.submit(run.cohort().getSlug(), form));
    }
    driver.drive(run);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer navigator = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), MONDAY_EVENINGS);
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 3, List.of(), captainHours);
    driver.startCohort(run);
    driver.confirmTeams(run);
    driver.drive(run);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    return new Fixture(run, team, navigator, captain, applied.get(0), applied.get(1), applied.get(2));
  }

  private WebClient.Response choose(WebClient navigator, Fixture f, String slot, String zone) {
    // Any signed-in volunteer's teams page has a form, so a CSRF token (a Captain's team page has none).
    WebClient.Response page = navigator.get("/my/teams");
    return navigator.postForm("/my/teams/" + f.team().getId() + "/meeting",
        WebClient.form(page, Map.of("slot", List.of(slot), "zone", List.of(zone))));
  }

  private Task checkInTask(Fixture f, long week) {
    return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(f.team().getId()))
        .taskDefinitionKey(TeamProcess.TASK_RECORD_CHECK_IN).list().stream()
        .filter(t -> ((Number) taskService.getVariable(t.getId(), "week")).longValue() == week).findFirst()
        .orElseThrow(() -> new AssertionError("No open check-in of week " + week));
  }

  /** The invitation of this SEQUENCE emailed to this address, its text/calendar part read by ical4j. */
  private Calendar invitation(String email, int sequence) throws Exception {
    for (MimeMessage message : Mailbox.messagesTo(email)) {
      if (isInvitation(message)) {
        Calendar calendar = parse(calendarPart(message));
        if (checkIn(calendar).getProperty(Property.SEQUENCE).orElseThrow().getValue()
            .equals(String.valueOf(sequence))) {
          return calendar;
        }
      }
    }
    throw new AssertionError("No invitation of SEQUENCE " + sequence + " was emailed to " + email);
  }

  private MimeMessage newestInvitation(String email) {
    List<MimeMessage> invitations = Mailbox.messagesTo(email).stream().filter(this::isInvitation).toList();
    assertThat(invitations).isNotEmpty();
    return invitations.get(invitations.size() - 1);
  }

  private boolean isInvitation(MimeMessage message) {
    try {
      return message.getSubject().endsWith(": your team's weekly check-in");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The personal feed linked from the newest invitation to this address, fetched over HTTP and read by ical4j. */
  private Calendar feed(String email) throws Exception {
    return parse(feedText(email));
  }

  private String feedText(String email) {
    Matcher link = FEED.matcher(Mailbox.text(newestInvitation(email)));
    assertThat(link.find()).isTrue();
    WebClient.Response response = new WebClient(port).get(link.group());
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static VEvent checkIn(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    return events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().contains("-check-in@"))
        .findFirst().orElseThrow();
  }

  private static VEvent event(Calendar calendar, String uid) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    return events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue()
        .equals(uid + "@" + TeamCalendar.UID_DOMAIN)).findFirst()
        .orElseThrow(() -> new AssertionError("No event " + uid));
  }

  /**
   * The event's occurrences as local times in this zone: ical4j reads DTSTART, its TZID and the RRULE and expands the
   * rule in the event's local time; the IANA TZID is then resolved with java.time's time zone database, as calendar
   * applications resolve it. (ical4j's own zone built from the VTIMEZONE starts US summer time a week early,
   * ical4j/ical4j#902: BYDAY=2SU read as "the Sunday on or after the 2nd"; so 8 March 2027 would come out an hour
   * off. The file itself is right: its local times and its VTIMEZONE rule, BYMONTH=3;BYDAY=2SU.)
   */
  private static List<LocalDateTime> localStarts(VEvent event, ZoneId zone) {
    DtStart<?> start = event.getDateTimeStart();
    ZoneId eventZone = ZoneId.of(start.getParameter("TZID").orElseThrow().getValue());
    LocalDateTime seed = LocalDateTime.from(start.getDate());
    RRule<?> rule = event.getProperty(Property.RRULE).map(p -> (RRule<?>) p).orElseThrow();
    Recur<LocalDateTime> recur = new Recur<>(rule.getValue());
    return recur.getDates(seed, seed.minusDays(1), seed.plusYears(1)).stream()
        .map(local -> local.atZone(eventZone).withZoneSameInstant(zone).toLocalDateTime()).sorted().toList();
  }

  /**
   * The instant of a date-time: with a TZID, the zone resolved by java.time (see {@link #localStarts}); without one,
   * a UTC date-time (a member whose zone is UTC, as {@link CohortDriver#volunteer} gives volunteers by default).
   */
  private static Instant instant(DtStart<?> start) {
    return start.getParameter("TZID").map(tz -> LocalDateTime.from(start.getDate())
        .atZone(ZoneId.of(tz.getValue())).toInstant()).orElseGet(() -> Instant.from(start.getDate()));
  }

  private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute);
  }

  private static String calendarPart(Part part) throws Exception {
    if (part.isMimeType("text/calendar")) {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
      try (InputStream in = (InputStream) content) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = calendarPart(body);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private WebClient signedIn(String userId) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(userId))));
    assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }
}
