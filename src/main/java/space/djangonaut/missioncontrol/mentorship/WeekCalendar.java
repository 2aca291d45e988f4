package space.djangonaut.missioncontrol.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;

/**
 * The dates of a cohort's weeks, for the timers and due dates of {@code team.bpmn} and {@code cohort.bpmn}
 * (e.g. {@code ${weekCalendar.dueAt(cohortId, week)}}), as UTC instants. Week 1 starts on the cohort's start date
 * (Anywhere on Earth, {@link Cohort#weekStart}); a week's tasks are due at its end, and closed as not recorded a week later.
 */
@Component("weekCalendar")
public class WeekCalendar {

  static final Duration WEEK = Duration.ofDays(7);
  /** An overdue check-in or one-to-one is closed, and the organisers told, this long after its reminder. */
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

  /** A week after the end of the week: what is still open of it is closed as not recorded. */
  public Date escalateAt(long cohortId, long week) {
    return Date.from(start(cohortId, week).plus(WEEK).plus(ESCALATION_AFTER));
  }

  /**
   * Halfway through the weeks: the end of week {@code weeks / 2} (week 4 of 8; week 1 of a cohort of one or two
   * weeks). The mid-point check goes out then (issue 12: "halfway through, every Djangonaut and volunteer gets a
   * two-minute pulse survey").
   */
  public Date halfwayAt(long cohortId, long weeks) {
    return dueAt(cohortId, Math.max(1, weeks / 2));
  }

  /**
   * When the mid-point check closes: seven days after {@link #halfwayAt}, and no later than the team's last open
   * task is closed ({@link #escalateAt} of the last week), so that the check never holds a team's process open.
   */
  public Date midpointClosesAt(long cohortId, long weeks) {
    Instant sevenDaysOn = halfwayAt(cohortId, weeks).toInstant().plus(WEEK);
    Instant teamEnds = escalateAt(cohortId, weeks).toInstant();
    return Date.from(sevenDaysOn.isBefore(teamEnds) ? sevenDaysOn : teamEnds);
  }

  private Instant start(long cohortId, long week) {
    return cohorts.findById(cohortId).orElseThrow().weekStart(week);
  }
}
