package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The week a reviewer reads (issue 12) with a clock change inside it: each slot is converted on its own day, so the
 * hours before the change and those after it differ by the hour that moved.
 */
class DisplayZoneAcrossClockChangeTest {

  /** A Thursday; New York moves to summer time on Sunday 9 March 2031, Berlin not until 30 March. */
  private static final LocalDate WEEK_OF_THE_US_CHANGE = LocalDate.of(2031, 3, 6);

  @Test
  void shouldShowTheHoursBeforeAndAfterTheChangeEachAtTheirOwnOffset() {
    WeeklyAvailability newYork = WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SAT-18", "MON-18"));

    assertThat(DisplayZone.describe(newYork, WEEK_OF_THE_US_CHANGE, ZoneId.of("Europe/Berlin"))).isEqualTo(
        "Mon 18-21; Sat 18-21 (America/New_York); Europe/Berlin: Sun 00:00-03:00, Mon 23:00-Tue 02:00;"
            + " UTC: Sat 23:00-Sun 02:00, Mon 22:00-Tue 01:00 (week from 6 March 2031)");
  }

  @Test
  void shouldShowASlotAcrossTheSkippedHourAsTwoHours() {
    WeeklyAvailability newYork = WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SUN-00"));

    assertThat(DisplayZone.describe(newYork, WEEK_OF_THE_US_CHANGE, ZoneId.of("Asia/Tokyo"))).isEqualTo(
        "Sun 00-03 (America/New_York); Asia/Tokyo: Sun 14:00-16:00; UTC: Sun 05:00-07:00 (week from 6 March 2031)");
  }

  @Test
  void shouldShowASlotOnceInAWeekWhoseClocksGoForward() {
    // London moves to summer time on Sunday 29 March 2026: the next Friday's midnight is an hour earlier in UTC.
    WeeklyAvailability london = WeeklyAvailability.of(ZoneId.of("Europe/London"), List.of("FRI-00"));

    assertThat(DisplayZone.describe(london, LocalDate.of(2026, 3, 27), ZoneId.of("UTC"))).isEqualTo(
        "Fri 00-03 (Europe/London); UTC: Fri 00:00-03:00 (week from 27 March 2026)");
  }

  @Test
  void shouldNotLoseASlotInAWeekWhoseClocksGoBack() {
    // Chicago leaves summer time on Sunday 1 November 2026: Friday 18:00 is 23:00 UTC before, 00:00 UTC after.
    WeeklyAvailability chicago = WeeklyAvailability.of(ZoneId.of("America/Chicago"), List.of("FRI-18"));

    assertThat(DisplayZone.describe(chicago, LocalDate.of(2026, 10, 31), ZoneId.of("Europe/Berlin"))).isEqualTo(
        "Fri 18-21 (America/Chicago); Europe/Berlin: Sat 01:00-04:00; UTC: Sat 00:00-03:00 (week from 31 October"
            + " 2026)");
  }
}
