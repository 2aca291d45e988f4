package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weeks of a team's check-in keep the Navigator's local time across the March clock changes: the UTC instant
 * moves, as an iCalendar weekly rule moves it.
 */
class TeamMeetingOccurrencesTest {

  /** A cohort starting on Saturday 20 February 2027 (midnight Anywhere on Earth, 12:00 UTC), for 8 weeks. */
  private static final Instant STARTS = Instant.parse("2027-02-20T12:00:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void shouldKeepTheLocalTimeAndMoveTheUtcInstantWhenNewYorkChangesItsClocks() {
    List<ZonedDateTime> weeks = TeamMeetings.occurrences(STARTS, 8, DayOfWeek.MONDAY, LocalTime.of(16, 0), NEW_YORK);

    assertThat(weeks).hasSize(8).allSatisfy(w -> assertThat(w.toLocalTime()).isEqualTo(LocalTime.of(16, 0)));
    assertThat(weeks.get(0).toInstant()).isEqualTo(Instant.parse("2027-02-22T21:00:00Z"));
    // The US changes on the second Sunday of March (14 March 2027): 16:00 in New York is 20:00 UTC from then on.
    assertThat(weeks.get(2).toInstant()).isEqualTo(Instant.parse("2027-03-08T21:00:00Z"));
    assertThat(weeks.get(3).toInstant()).isEqualTo(Instant.parse("2027-03-15T20:00:00Z"));
    assertThat(weeks.get(7).toInstant()).isEqualTo(Instant.parse("2027-04-12T20:00:00Z"));
  }

  @Test
  void shouldStartInTheFirstWeekWhenTheWeekdayComesLaterThanTheCohortsStart() {
    List<ZonedDateTime> weeks = TeamMeetings.occurrences(STARTS, 2, DayOfWeek.SATURDAY, LocalTime.of(9, 0),
        ZoneId.of("Asia/Kolkata"));

    // 12:00 UTC on the start day is 17:30 in Kolkata: Saturday 09:00 has passed, so week 1's is a week later.
    assertThat(weeks.get(0)).isEqualTo(ZonedDateTime.of(2027, 2, 27, 9, 0, 0, 0, ZoneId.of("Asia/Kolkata")));
  }
}
