package space.djangonaut.missioncontrol.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;

/**
 * The dates of a cohort's weeks, for the timers and due dates of {@code cohort.bpmn}
 * (e.g. {@code ${weekCalendar.dueAt(cohortId, week)}}). Week 1 starts on the cohort's start date.
 */
@Component("weekCalendar")
public class WeekCalendar {

  static final Duration WEEK = Duration.ofDays(7);
  /** An overdue check-in is escalated to the organisers this long after its reminder. */
  static final Duration ESCALATION_AFTER = Duration.ofDays(7);

  private final CohortRepository cohorts;

  WeekCalendar(CohortRepository cohorts) {
    this.cohorts = cohorts;
  }

  public Date startOf(long cohortId, long week) {
    return Date.from(start(cohortId, week));
  }

  /** The end of the week: check-ins and one-to-ones of the week are due then, and overdue after. */
  public Date dueAt(long cohortId, long week) {
    return Date.from(start(cohortId, week).plus(WEEK));
  }

  public Date escalateAt(long cohortId, long week) {
    return Date.from(start(cohortId, week).plus(WEEK).plus(ESCALATION_AFTER));
  }

  private Instant start(long cohortId, long week) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    return cohort.startsAt().plus(WEEK.multipliedBy(week - 1));
  }
}
