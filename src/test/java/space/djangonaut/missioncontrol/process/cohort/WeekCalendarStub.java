package space.djangonaut.missioncontrol.process.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Stands in for the bean {@code weekCalendar} ({@code mentorship.WeekCalendar}) in the timers and due dates of
 * {@code cohort.bpmn} and {@code team.bpmn}, with the same rules: week 1 starts when the cohort starts, a week's
 * check-ins are due at its end and escalated a week later. Public, with public methods, for the expression language
 * to call.
 */
public class WeekCalendarStub {

  /** The bean name the diagram's expressions use. */
  public static final String BEAN = "weekCalendar";

  private static final Duration WEEK = Duration.ofDays(7);

  private final Instant startsAt;

  /** The calendar of {@link TeamDirectoryStub#COHORT}, starting at this instant. */
  public WeekCalendarStub(Instant startsAt) {
    this.startsAt = startsAt;
  }

  /** When the week begins. */
  public Date startOf(long cohortId, long week) {
    return Date.from(start(cohortId, week));
  }

  /** When the week's check-ins and one-to-ones are due. */
  public Date dueAt(long cohortId, long week) {
    return Date.from(start(cohortId, week).plus(WEEK));
  }

  /** When an overdue check-in of the week goes to the organisers. */
  public Date escalateAt(long cohortId, long week) {
    return Date.from(start(cohortId, week).plus(WEEK).plus(WEEK));
  }

  /** When the mid-point check goes out: the end of week {@code weeks / 2}, at least week 1. */
  public Date halfwayAt(long cohortId, long weeks) {
    return dueAt(cohortId, Math.max(1, weeks / 2));
  }

  /** When the mid-point check closes: seven days after halfway, at the latest when the last week's tasks close. */
  public Date midpointClosesAt(long cohortId, long weeks) {
    Instant sevenDaysOn = halfwayAt(cohortId, weeks).toInstant().plus(WEEK);
    Instant teamEnds = escalateAt(cohortId, weeks).toInstant();
    return Date.from(sevenDaysOn.isBefore(teamEnds) ? sevenDaysOn : teamEnds);
  }

  private Instant start(long cohortId, long week) {
    TeamDirectoryStub.requireCohort(cohortId);
    if (week < 1) {
      throw new IllegalArgumentException("No week " + week);
    }
    return startsAt.plus(WEEK.multipliedBy(week - 1));
  }
}
