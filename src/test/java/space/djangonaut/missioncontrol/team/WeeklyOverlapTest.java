package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.team.CohortWeeks.WeekOverlap;
import space.djangonaut.missioncontrol.team.TeamFormation.Candidate;
import space.djangonaut.missioncontrol.team.TeamFormation.Mentor;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedMember;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedTeam;
import space.djangonaut.missioncontrol.team.TeamFormation.TeamPlan;

/**
 * The hours people share, in UTC, for each actual week of a cohort, from local slots in their own zones (issue 12,
 * fault 1): the US change (second Sunday of March: 14 March 2027), the EU change (last Sunday of March: 28 March
 * 2027), New Zealand's (first Sunday of April: 4 April 2027), and the date line.
 */
class WeeklyOverlapTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  /** A cohort from Friday 29 January 2027: week 0 from 22 January, week 7 from 12 March, week 10 from 2 April. */
  private static final CohortWeeks SPRING_2027 = new CohortWeeks(LocalDate.of(2027, 1, 29), 10);

  @Test
  void shouldCountTheWeeksFromTheCohortsStartAnywhereOnEarthAsTheTimersAndTheMeetingDo() {
    // Saturday 20 February 2027 at 00:00 Anywhere on Earth is 12:00 UTC: week 1 starts then, as
    // mentorship/WeekCalendar's timers and team/TeamMeetings count it (Cohort.weekStart), not at 00:00 UTC.
    Cohort cohort = new Cohort("spring", "Spring", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31),
        LocalDate.of(2027, 2, 20), 8, 10, Instant.parse("2027-01-01T00:00:00Z"));
    CohortWeeks weeks = CohortWeeks.of(cohort);

    assertThat(weeks.start(1)).isEqualTo(Instant.parse("2027-02-20T12:00:00Z")).isEqualTo(cohort.startsAt());
    assertThat(weeks.start(0)).isEqualTo(Instant.parse("2027-02-13T12:00:00Z"));
    for (int week = 0; week <= 8; week++) {
      assertThat(weeks.start(week)).isEqualTo(cohort.startsAt().plus(java.time.Duration.ofDays(7L * (week - 1))));
    }
  }

  @Test
  void shouldMoveANewYorkApplicantsUtcHoursWithTheUsClockChange() {
    // Sunday 15-18 on their own clock: the slot they tick, kept as it is with their zone.
    WeeklyAvailability applicant = WeeklyAvailability.of(NEW_YORK, List.of("SUN-15"));
    WeeklyAvailability navigator = WeeklyAvailability.of(UTC, List.of("SUN-18", "SUN-21"));

    WeekOverlap january = SPRING_2027.shared(List.of(applicant, navigator), 1);
    WeekOverlap afterUsChange = SPRING_2027.shared(List.of(applicant, navigator), 7);

    assertThat(applicant.zone()).isEqualTo(NEW_YORK);
    assertThat(applicant.slots()).containsExactly("SUN-15");
    assertThat(january.shared()).containsExactly(span("2027-01-31T20:00:00Z", "2027-01-31T23:00:00Z"));
    assertThat(afterUsChange.shared()).containsExactly(span("2027-03-14T19:00:00Z", "2027-03-14T22:00:00Z"));
    assertThat(UtcSpan.describe(january.shared(), UTC)).isEqualTo("Sun 20:00-23:00");
    assertThat(UtcSpan.describe(afterUsChange.shared(), UTC)).isEqualTo("Sun 19:00-22:00");
    assertThat(UtcSpan.describe(afterUsChange.shared(), NEW_YORK)).isEqualTo("Sun 15:00-18:00");
  }

  @Test
  void shouldShareAnHourLessBetweenTheUsAndTheEuropeanClockChanges() {
    // Monday 18-24 in Berlin and 12-18 in New York: 17-23 UTC in winter for both.
    WeeklyAvailability berlin = WeeklyAvailability.of(BERLIN, List.of("MON-18", "MON-21"));
    WeeklyAvailability newYork = WeeklyAvailability.of(NEW_YORK, List.of("MON-12", "MON-15"));

    List<WeekOverlap> weekly = SPRING_2027.weekly(List.of(berlin, newYork));

    assertThat(weekly).extracting(WeekOverlap::week).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    // New York moves on 14 March (week 7), Berlin on 28 March (week 9).
    assertThat(weekly).extracting(WeekOverlap::hours)
        .containsExactly("6", "6", "6", "6", "6", "6", "6", "5", "5", "6", "6");
    assertThat(weekly.get(7).shared()).containsExactly(span("2027-03-15T17:00:00Z", "2027-03-15T22:00:00Z"));
    assertThat(weekly.get(9).shared()).containsExactly(span("2027-03-29T16:00:00Z", "2027-03-29T22:00:00Z"));
    assertThat(weekly.get(7).label()).isEqualTo("week 7 (from 12 March)");
  }

  @Test
  void shouldMeetAcrossTheDateLineAndFollowBothHemispheresClockChanges() {
    // Monday 06-12 in Auckland (NZDT, +13) is Sunday 17-23 UTC; Sunday 09-15 in Los Angeles (PST, -8) too.
    WeeklyAvailability auckland = WeeklyAvailability.of(AUCKLAND, List.of("MON-06", "MON-09"));
    WeeklyAvailability losAngeles = WeeklyAvailability.of(LOS_ANGELES, List.of("SUN-09", "SUN-12"));

    List<WeekOverlap> weekly = SPRING_2027.weekly(List.of(auckland, losAngeles));

    assertThat(weekly.get(1).shared()).containsExactly(span("2027-01-31T17:00:00Z", "2027-01-31T23:00:00Z"));
    // Los Angeles moves forward on 14 March (16-22 UTC); Auckland moves back on 4 April (18-24 UTC).
    assertThat(weekly.get(7).shared()).containsExactly(span("2027-03-14T17:00:00Z", "2027-03-14T22:00:00Z"));
    assertThat(weekly.get(10).shared()).containsExactly(span("2027-04-04T18:00:00Z", "2027-04-04T22:00:00Z"));
    assertThat(weekly).extracting(WeekOverlap::hours)
        .containsExactly("6", "6", "6", "6", "6", "6", "6", "5", "5", "5", "4");
  }

  @Test
  void shouldShortenASlotInWhichTheClocksGoForwardAndLengthenOneInWhichTheyGoBack() {
    // Berlin, Sunday 28 March 2027: 02:00 CET becomes 03:00 CEST, inside the slot 00-03.
    WeeklyAvailability gap = WeeklyAvailability.of(BERLIN, List.of("SUN-00"));
    // New York, Sunday 7 November 2027: 02:00 EDT becomes 01:00 EST, inside the slot 00-03.
    WeeklyAvailability overlap = WeeklyAvailability.of(NEW_YORK, List.of("SUN-00"));

    assertThat(gap.between(instant("2027-03-22T00:00:00Z"), instant("2027-03-29T00:00:00Z")))
        .containsExactly(span("2027-03-27T23:00:00Z", "2027-03-28T01:00:00Z"));
    assertThat(overlap.between(instant("2027-11-01T00:00:00Z"), instant("2027-11-08T00:00:00Z")))
        .containsExactly(span("2027-11-07T04:00:00Z", "2027-11-07T08:00:00Z"));
  }

  @Test
  void shouldStartASlotThatBeginsInAGapWhenTheClocksHaveMoved() {
    // Santiago de Chile, Sunday 5 September 2027: 00:00 -04 becomes 01:00 -03, so midnight does not exist.
    WeeklyAvailability santiago = WeeklyAvailability.of(ZoneId.of("America/Santiago"), List.of("SUN-00"));

    assertThat(santiago.between(instant("2027-08-30T00:00:00Z"), instant("2027-09-06T00:00:00Z")))
        .containsExactly(span("2027-09-05T04:00:00Z", "2027-09-05T06:00:00Z"));
  }

  @Test
  void shouldReportATeamFormedInJanuaryThatLosesItsOverlapInMarch() {
    // New York, Monday 12-18 local: 17-23 UTC in January, 16-22 UTC from 14 March. The Navigator: 18-24 UTC.
    WeeklyAvailability newYork = WeeklyAvailability.of(NEW_YORK, List.of("MON-12", "MON-15"));
    WeeklyAvailability utcEvening = WeeklyAvailability.of(UTC, List.of("MON-18", "MON-21"));
    List<Candidate> djangonauts = List.of(candidate(1, newYork), candidate(2, newYork), candidate(3, newYork));
    List<Mentor> navigators = List.of(new Mentor(101, "N101", Set.of("Django core"), utcEvening, 4));
    List<Mentor> captains = List.of(new Mentor(201, "C201", Set.of("Django core"), utcEvening, 4));
    TeamPlan formedInJanuary = new TeamPlan(List.of(new PlannedTeam("Team 1", "Django core", 101,
        List.of(new PlannedMember(1, 201), new PlannedMember(2, 201), new PlannedMember(3, 201)))), List.of());

    // A January week alone: 5 hours shared, every rule holds.
    assertThat(new TeamFormation(new CohortWeeks(LocalDate.of(2027, 1, 29), 1))
        .check(formedInJanuary, djangonauts, navigators, captains)).isEmpty();
    TeamFormation spring = new TeamFormation(SPRING_2027);
    assertThat(spring.check(formedInJanuary, djangonauts, navigators, captains))
        .extracting(TeamFormation.Problem::message)
        .contains("Team 1 shares only 4 hours in week 7 (from 12 March) with its Navigator N101; 5 are needed every"
            + " week (short in weeks 7, 8, 9, 10; 5 in week 0).");
    // Formed on the cohort's actual weeks, no team is made that would break the rule in March.
    assertThat(spring.form(djangonauts, navigators, captains).teams()).isEmpty();
  }

  @Test
  void shouldPrintTheOverlapOfATeamAcrossTheMarchChanges() {
    // Navigator in Berlin (Monday and Wednesday 18-24), Djangonauts in New York (12-18), London (15-24) and
    // Kolkata (21-03: late evening and past midnight).
    WeeklyAvailability navigator = WeeklyAvailability.of(BERLIN, List.of("MON-18", "MON-21", "WED-18", "WED-21"));
    WeeklyAvailability newYork = WeeklyAvailability.of(NEW_YORK, List.of("MON-12", "MON-15", "WED-12", "WED-15"));
    WeeklyAvailability london = WeeklyAvailability.of(LONDON,
        List.of("MON-15", "MON-18", "MON-21", "WED-15", "WED-18", "WED-21"));
    WeeklyAvailability kolkata = WeeklyAvailability.of(KOLKATA, List.of("MON-21", "TUE-00", "WED-21", "THU-00"));
    CohortWeeks cohort = new CohortWeeks(LocalDate.of(2027, 1, 29), 9);

    List<WeekOverlap> weekly = cohort.weekly(List.of(navigator, newYork, london, kolkata));

    StringBuilder table = new StringBuilder("\nTeam overlap, Navigator Europe/Berlin, Djangonauts America/New_York,"
        + " Europe/London, Asia/Kolkata (cohort from 29 January 2027):\n");
    for (WeekOverlap w : weekly) {
      table.append(String.format("  %-26s %5s h  UTC %s%n", w.label(), w.hours(), UtcSpan.describe(w.shared(),
          UTC)));
    }
    System.out.println(table);
    assertThat(weekly.get(1).hours()).isEqualTo("9");
    assertThat(weekly.get(7).hours()).isEqualTo("9");
    assertThat(weekly.get(9).hours()).isEqualTo("11");
  }

  private static Candidate candidate(int id, WeeklyAvailability availability) {
    return new Candidate(id, id, "D" + id, "Django core", availability);
  }

  private static UtcSpan span(String start, String end) {
    return new UtcSpan(instant(start), instant(end));
  }

  private static Instant instant(String text) {
    return Instant.parse(text);
  }
}
