package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.cohort.Cohort;

/** When an offer is due (OfferService.offerTimes): the acceptance days, but never after the teams are formed. */
class OfferTimesTest {

  /** Starts on 1 March 2026 (AoE); teams formed a week before; offers answered within 7 days. */
  private static Cohort cohort() {
    Cohort cohort = new Cohort("s", "Session", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 1), 8, 16, Instant.parse("2026-01-01T00:00:00Z"));
    cohort.formTeamsBeforeTheStart(Duration.ofDays(7));
    return cohort;
  }

  @Test
  void shouldGiveAnEarlyOfferItsAcceptanceDaysAndARemindTwoDaysBefore() {
    Instant now = Instant.parse("2026-02-02T10:00:00Z");

    OfferService.OfferTimes times = OfferService.offerTimes(cohort(), now);

    assertThat(times.deadline()).isEqualTo(now.plus(Duration.ofDays(7)));
    assertThat(times.reminderAt()).isEqualTo(now.plus(Duration.ofDays(5)));
  }

  @Test
  void shouldMakeALateOfferDueWhenTheTeamsAreFormedAndRemindHalfwayThere() {
    Cohort cohort = cohort();
    Instant now = cohort.teamsFormAt().minus(Duration.ofDays(1));

    OfferService.OfferTimes times = OfferService.offerTimes(cohort, now);

    assertThat(times.deadline()).isEqualTo(cohort.teamsFormAt());
    assertThat(times.reminderAt()).isEqualTo(now.plus(Duration.ofHours(12)));
  }

  @Test
  void shouldKeepTheAcceptanceDaysOfAnOfferMadeOnceTheTeamsExist() {
    Cohort cohort = cohort();
    Instant now = cohort.teamsFormAt().plus(Duration.ofDays(2));

    assertThat(OfferService.offerTimes(cohort, now).deadline()).isEqualTo(now.plus(Duration.ofDays(7)));
  }
}
