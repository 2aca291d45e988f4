package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reviewers and organisers read availability in the person's zone, their own zone and UTC (issue 12): the rendering
 * for a given reader's zone ({@link DisplayZone#describe(WeeklyAvailability, LocalDate, ZoneId)}).
 */
class DisplayZoneTest {

  private static final LocalDate WEEK_1 = LocalDate.of(2027, 1, 29);
  /** After the US change (14 March 2027), before the European one (28 March 2027). */
  private static final LocalDate WEEK_8 = LocalDate.of(2027, 3, 19);
  private static final WeeklyAvailability NEW_YORK =
      WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SUN-15"));
  private static final WeeklyAvailability BERLIN = WeeklyAvailability.of(ZoneId.of("Europe/Berlin"), List.of("MON-18"));

  @Test
  void shouldShowThePersonsHoursInTheirZoneTheReadersZoneAndUtc() {
    assertThat(DisplayZone.describe(NEW_YORK, WEEK_1, ZoneId.of("Europe/Berlin"))).isEqualTo("Sun 15-18"
        + " (America/New_York); Europe/Berlin: Sun 21:00-24:00; UTC: Sun 20:00-23:00 (week from 29 January 2027)");
    assertThat(DisplayZone.describe(NEW_YORK, WEEK_1, ZoneOffset.UTC))
        .isEqualTo("Sun 15-18 (America/New_York); UTC: Sun 20:00-23:00 (week from 29 January 2027)");
  }

  @Test
  void shouldShowTheSameHoursToReadersInTokyoAndNewYorkEachInTheirOwnZone() {
    assertThat(DisplayZone.describe(BERLIN, WEEK_1, ZoneId.of("Asia/Tokyo"))).isEqualTo("Mon 18-21 (Europe/Berlin);"
        + " Asia/Tokyo: Tue 02:00-05:00; UTC: Mon 17:00-20:00 (week from 29 January 2027)");
    assertThat(DisplayZone.describe(BERLIN, WEEK_1, ZoneId.of("America/New_York"))).isEqualTo("Mon 18-21"
        + " (Europe/Berlin); America/New_York: Mon 12:00-15:00; UTC: Mon 17:00-20:00 (week from 29 January 2027)");
  }

  @Test
  void shouldFollowTheReadersClockChangeInTheWeekShown() {
    // New York moved to summer time on 14 March, Berlin not until 28 March: one hour closer that fortnight.
    assertThat(DisplayZone.describe(BERLIN, WEEK_8, ZoneId.of("America/New_York"))).isEqualTo("Mon 18-21"
        + " (Europe/Berlin); America/New_York: Mon 13:00-16:00; UTC: Mon 17:00-20:00 (week from 19 March 2027)");
  }

  @Test
  void shouldNameBothDaysWhenTheReadersZoneCrossesMidnight() {
    assertThat(DisplayZone.describe(NEW_YORK, WEEK_1, ZoneId.of("Asia/Kolkata"))).isEqualTo("Sun 15-18"
        + " (America/New_York); Asia/Kolkata: Mon 01:30-04:30; UTC: Sun 20:00-23:00 (week from 29 January 2027)");
    assertThat(DisplayZone.describe(WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SUN-18")), WEEK_1,
        ZoneId.of("Europe/London"))).isEqualTo("Sun 18-21 (America/New_York); Europe/London: Sun 23:00-Mon 02:00;"
        + " UTC: Sun 23:00-Mon 02:00 (week from 29 January 2027)");
  }

  @Test
  void shouldNotRepeatTheZoneOfAReaderWhoLivesInThePersonsZone() {
    assertThat(DisplayZone.describe(NEW_YORK, WEEK_1, ZoneId.of("America/New_York")))
        .isEqualTo("Sun 15-18 (America/New_York); UTC: Sun 20:00-23:00 (week from 29 January 2027)");
  }

  @Test
  void shouldShowUtcAvailabilityAsItIsToAReaderInUtc() {
    assertThat(DisplayZone.describe(WeeklyAvailability.of(List.of("MON-18", "MON-21")), WEEK_1, ZoneOffset.UTC))
        .isEqualTo("Mon 18-24 (UTC)");
    assertThat(DisplayZone.describe(WeeklyAvailability.of(List.of("MON-18", "MON-21")), WEEK_1, ZoneId.of("UTC")))
        .isEqualTo("Mon 18-24 (UTC)");
  }

  @Test
  void shouldShowSomeoneFreeAtEveryHourAsFreeAllWeekRatherThanNone() {
    WeeklyAvailability always = WeeklyAvailability.of(ZoneId.of("Europe/Berlin"), WeeklyAvailability.allSlots());

    assertThat(DisplayZone.describe(always, WEEK_1, ZoneId.of("Asia/Tokyo"))).isEqualTo("Mon 00-24; Tue 00-24;"
        + " Wed 00-24; Thu 00-24; Fri 00-24; Sat 00-24; Sun 00-24 (Europe/Berlin); Asia/Tokyo: every hour of the week;"
        + " UTC: every hour of the week (week from 29 January 2027)");
  }

  @Test
  void shouldRefuseAFallbackZoneThatIsNoTimeZone() {
    assertThatThrownBy(() -> new DisplayZone("Mars/Olympus_Mons", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Mars/Olympus_Mons\" is not a time zone");
  }
}
