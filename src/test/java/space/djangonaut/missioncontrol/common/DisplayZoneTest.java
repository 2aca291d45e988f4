package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reviewers and organisers read availability in the person's zone, their own display zone and UTC (issue 12). */
class DisplayZoneTest {

  private static final LocalDate WEEK_1 = LocalDate.of(2027, 1, 29);

  @Test
  void shouldShowThePersonsHoursInTheirZoneTheOrganisersZoneAndUtc() {
    WeeklyAvailability newYork = WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SUN-15"));

    assertThat(new DisplayZone("Europe/Berlin").describe(newYork, WEEK_1)).isEqualTo("Sun 15-18 (America/New_York);"
        + " Europe/Berlin: Sun 21:00-24:00; UTC: Sun 20:00-23:00 (week from 29 January 2027)");
    assertThat(new DisplayZone("UTC").describe(newYork, WEEK_1))
        .isEqualTo("Sun 15-18 (America/New_York); UTC: Sun 20:00-23:00 (week from 29 January 2027)");
  }

  @Test
  void shouldShowUtcAvailabilityAsItIsToAnOrganiserReadingUtc() {
    assertThat(new DisplayZone("UTC").describe(WeeklyAvailability.of(List.of("MON-18", "MON-21")), WEEK_1))
        .isEqualTo("Mon 18-24 (UTC)");
  }

  @Test
  void shouldRefuseADisplayZoneThatIsNoTimeZone() {
    assertThatThrownBy(() -> new DisplayZone("Mars/Olympus_Mons")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Mars/Olympus_Mons\" is not a time zone");
  }
}
