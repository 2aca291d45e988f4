package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.ReflectionTestUtils;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * The Navigator's choice of the weekly check-in ({@link TeamMeetings}) against the hours the team shares in each
 * week of the cohort, as team formation computes them ({@link CohortWeeks}): both count a cohort's weeks the same way,
 * from {@link Cohort#startsAt()} (the start date at 00:00 Anywhere on Earth, 12:00 UTC), so that a time the whole team
 * shares in every week is offered and accepted, the last week included. Plain JUnit: the repositories are stubbed,
 * the shared hours are computed by the real {@link CohortWeeks}.
 */
class TeamMeetingChoiceTest {

  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  /** Saturday 20 February 2027, 8 weeks (as TeamMeetingOccurrencesTest). */
  private static final Cohort SPRING_2027 = new Cohort("spring", "Spring", LocalDate.of(2027, 1, 1),
      LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 20), 8, 10, Instant.parse("2027-01-01T00:00:00Z"));

  @Test
  void shouldOfferAndAcceptATimeTheTeamSharesInEveryWeekTheLastWeekIncluded() {
    // Navigator and Djangonaut both in Kolkata (no clock changes), both free Saturday 09-12 local = 03:30-06:30 UTC,
    // every week. The cohort starts Saturday 20 February at 12:00 UTC (17:30 in Kolkata), so the meetings are the
    // Saturdays from 27 February; the eighth, 17 April 03:30 UTC, is in week 8 (10 April 12:00 to 17 April 12:00
    // UTC), which weeks counted from 00:00 UTC would have ended before it.
    List<WeeklyAvailability> people = List.of(WeeklyAvailability.of(KOLKATA, List.of("SAT-09")),
        WeeklyAvailability.of(KOLKATA, List.of("SAT-09")));
    TeamMeetings meetings = meetings(SPRING_2027, CohortWeeks.of(SPRING_2027).weekly(people));

    assertThat(TeamMeetings.occurrences(SPRING_2027.startsAt(), 8, DayOfWeek.SATURDAY, LocalTime.of(9, 0), KOLKATA))
        .hasSize(8).allSatisfy(m -> assertThat(m.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
    assertThatCode(() -> meetings.choose(1L, "SATURDAY 09:00", "Asia/Kolkata")).doesNotThrowAnyException();
    assertThat(meetings.offered(1L, KOLKATA)).contains(new TeamMeetings.Slot(DayOfWeek.SATURDAY,
        LocalTime.of(9, 0)));
  }

  @Test
  void shouldCoverAMeetingAcrossTwoSharedSpansThatTouch() {
    // One week's shared hours end at 00:00 UTC where the next spans begins (as two weeks' spans meet at a boundary).
    List<CohortWeeks.WeekOverlap> weekly = List.of(
        new CohortWeeks.WeekOverlap(1, LocalDate.of(2027, 2, 20), List.of(span("2027-02-20T22:00:00Z",
            "2027-02-21T00:00:00Z")), 120),
        new CohortWeeks.WeekOverlap(2, LocalDate.of(2027, 2, 27), List.of(span("2027-02-21T00:00:00Z",
            "2027-02-21T02:00:00Z")), 120));
    TeamMeetings.SharedHours shared = meetings(SPRING_2027, weekly).sharedHours(1L);

    assertThat(shared.covers(Instant.parse("2027-02-20T23:30:00Z"), Instant.parse("2027-02-21T00:30:00Z")))
        .isTrue();
    assertThat(shared.covers(Instant.parse("2027-02-21T01:30:00Z"), Instant.parse("2027-02-21T02:30:00Z")))
        .isFalse();
  }

  @Test
  void shouldRefuseAZoneOutsideTheOfferedListWithTheFieldAndTheReason() {
    List<WeeklyAvailability> people = List.of(WeeklyAvailability.of(KOLKATA, List.of("SAT-09")),
        WeeklyAvailability.of(KOLKATA, List.of("SAT-09")));
    TeamMeetings meetings = meetings(SPRING_2027, CohortWeeks.of(SPRING_2027).weekly(people));

    for (String zone : List.of("SystemV/EST5EDT", "Asia/Atlantis")) {
      assertThatThrownBy(() -> meetings.choose(1L, "SATURDAY 09:00", zone))
          .isInstanceOfSatisfying(TeamMeetings.MeetingTimeRefusedException.class, e -> {
            assertThat(e.field()).isEqualTo("zone");
            assertThat(e.reason()).isEqualTo("choose a time zone from the list (such as Europe/Berlin)");
          });
    }
  }

  /** TeamMeetings for team 1 of this cohort, whose shared hours are {@code weekly}; nothing chosen yet. */
  private static TeamMeetings meetings(Cohort cohort, List<CohortWeeks.WeekOverlap> weekly) {
    TeamRepository teams = mock(TeamRepository.class);
    CohortRepository cohorts = mock(CohortRepository.class);
    TeamService teamService = mock(TeamService.class);
    TeamMeetingRepository meetingRepo = mock(TeamMeetingRepository.class);
    Team team = new Team(5L, "Team 1", "Django core", 7L);
    ReflectionTestUtils.setField(team, "id", 1L);
    when(teams.findById(1L)).thenReturn(Optional.of(team));
    when(cohorts.findById(5L)).thenReturn(Optional.of(cohort));
    when(teamService.weeklySharedHours(1L)).thenReturn(weekly);
    when(meetingRepo.findById(any())).thenReturn(Optional.empty());
    when(meetingRepo.save(any())).thenAnswer(call -> call.getArgument(0));
    return new TeamMeetings(meetingRepo, teams, mock(TeamMemberRepository.class), mock(VolunteerRepository.class),
        mock(ApplicationRepository.class), cohorts, mock(ApplicationEventPublisher.class),
        Clock.fixed(Instant.parse("2027-02-10T00:00:00Z"), ZoneOffset.UTC), teamService);
  }

  private static UtcSpan span(String from, String to) {
    return new UtcSpan(Instant.parse(from), Instant.parse(to));
  }
}
