package space.djangonaut.missioncontrol.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;

/** The dates of a cohort's weeks that cohort.bpmn's timers and due dates read. */
class WeekCalendarTest {

  /** Starts on Monday 2 February 2026, Anywhere on Earth (UTC-12): 12:00 UTC that day. */
  private static final Instant START = Instant.parse("2026-02-02T12:00:00Z");

  private final WeekCalendar calendar = new WeekCalendar(cohorts(new Cohort("s", "Session", LocalDate.of(2026, 1, 1),
      LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 2), 8, 16, Instant.EPOCH)));

  @Test
  void shouldStartWeekOneWhenTheCohortStartsAndEachWeekSevenDaysLater() {
    assertThat(calendar.startOf(7L, 1).toInstant()).isEqualTo(START);
    assertThat(calendar.startOf(7L, 8).toInstant()).isEqualTo(Instant.parse("2026-03-23T12:00:00Z"));
  }

  @Test
  void shouldMakeAWeeksCheckInDueAtItsEndAndEscalateAWeekLater() {
    assertThat(calendar.dueAt(7L, 1).toInstant()).isEqualTo(Instant.parse("2026-02-09T12:00:00Z"));
    assertThat(calendar.escalateAt(7L, 1).toInstant()).isEqualTo(Instant.parse("2026-02-16T12:00:00Z"));
  }

  private static CohortRepository cohorts(Cohort cohort) {
    CohortRepository repository = mock(CohortRepository.class);
    when(repository.findById(7L)).thenReturn(Optional.of(cohort));
    return repository;
  }
}
