package space.djangonaut.missioncontrol.cohort;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a cohort is waiting for at one instant, for the organiser's cohort page: where the cohort's process stands,
 * the timers to come (of the cohort's process, its teams' processes and its applications' processes), and the open
 * tasks by person. Names are the diagrams' names of the activities, never their ids.
 *
 * @param now the engine's clock when this was read (UTC); "overdue" means due before it
 * @param steps the activities where the cohort's process stands, in the order of its activity tree; empty if it has
 *     ended or the cohort has no process
 * @param timers the timers to come, the earliest first, grouped by activity and minute (see {@link Timer#count()})
 * @param timerCount every timer of the cohort, also those not in {@code timers}
 * @param tasks the open tasks of the cohort's processes by person: assignees first, then candidate groups
 */
public record CohortWaits(Instant now, List<Step> steps, List<Timer> timers, long timerCount, List<PersonTasks> tasks) {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Nothing to wait for (no process runs for this cohort). */
  public static CohortWaits nothing(Instant now) {
    return new CohortWaits(now, List.of(), List.of(), 0, List.of());
  }

  /** The first timer to fire, or null if there is none. */
  public Timer nextTimer() {
    return timers.isEmpty() ? null : timers.get(0);
  }

  /** {@link #now} as the page shows it, in UTC. */
  public String nowText() {
    return utc(now);
  }

  /** An instant as the organiser's pages show it: {@code 2026-12-15 11:59 UTC}. */
  public static String utc(Instant instant) {
    return MINUTES.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
  }

  /**
   * One activity where the cohort's process stands.
   *
   * @param name the activity's name in the diagram
   * @param count how many instances stand there (more than one for a multi-instance, such as one per team)
   */
  public record Step(String name, int count) {}

  /**
   * Timers of one activity due in the same minute.
   *
   * @param name the timer event's name in the diagram ("Start of the week", "Deadline passed")
   * @param process the name of the diagram it belongs to ("A team's weeks of mentorship")
   * @param week the week the timer belongs to, for the weeks of a team; null otherwise
   * @param dueAt when the first of them fires (UTC)
   * @param anywhereOnEarth the timer ends a day Anywhere on Earth (UTC-12), as the application window does: the page
   *     shows the AoE time as well
   * @param count how many timers of this activity fire in that minute (one per team, one per offer...)
   */
  public record Timer(String name, String process, Integer week, Instant dueAt, boolean anywhereOnEarth, int count) {

    /** What fires: the timer's name, and its week for a team's timers. */
    public String what() {
      return week == null ? name : name + " (week " + week + ")";
    }

    /** When, in UTC; for a timer at the end of a day Anywhere on Earth, that time (the day that ends) first. */
    public String when() {
      if (!anywhereOnEarth) {
        return utc(dueAt);
      }
      // Midnight AoE ends the day before: "2026-12-14 23:59 AoE", as the application form says it.
      return MINUTES.format(dueAt.minusSeconds(60).atOffset(Cohort.ANYWHERE_ON_EARTH)) + " AoE ("
          + utc(dueAt) + ")";
    }
  }

  /**
   * The open tasks of one person, or of a candidate group for tasks no one has claimed.
   *
   * @param person the assignee's user id, or the candidate group's id
   * @param group true for a candidate group (tasks not assigned to anyone)
   * @param tasks their tasks by activity
   */
  public record PersonTasks(String person, boolean group, List<OpenTasks> tasks) {

    /** How many of this person's tasks are overdue. */
    public long overdue() {
      return tasks.stream().mapToLong(OpenTasks::overdue).sum();
    }
  }

  /**
   * A person's open tasks of one activity.
   *
   * @param name the user task's name in the diagram ("Record the weekly check-in")
   * @param open how many are open
   * @param overdue how many of them are due before {@link CohortWaits#now()}
   * @param earliestDue the earliest due date among them (UTC), or null if none has one
   */
  public record OpenTasks(String name, long open, long overdue, Instant earliestDue) {

    /** The earliest due date as the page shows it, or an empty string. */
    public String earliestDueText() {
      return earliestDue == null ? "" : utc(earliestDue);
    }
  }
}
