package space.djangonaut.missioncontrol.team;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/**
 * The actual weeks of a cohort on which team formation checks shared hours: week 0 (the week before the cohort
 * starts, when teams meet) through week {@code weeks}. Week {@code n} is the seven days from
 * {@link Cohort#weekStart(LocalDate, long)} ({@code startsOn + 7 (n - 1)} days at 00:00 Anywhere on Earth, i.e.
 * 12:00 UTC) to seven days later: the weeks {@code mentorship/WeekCalendar}'s timers and {@code TeamMeetings} count.
 *
 * <p>Each person's local slots are converted with java.time for that week's dates ({@link WeeklyAvailability#between}),
 * so a week in which a clock changes (US: second Sunday of March; EU: last Sunday of March; New Zealand and
 * Australia: first Sunday of April) has its own overlap, and slots across the date line meet where they really do
 * (Monday morning in Auckland is Sunday afternoon in Los Angeles). Plain Java: no database.
 *
 * @param firstDay the first day of week 1 (the cohort's start date)
 * @param weeks the cohort's number of weeks (the last week checked)
 */
public record CohortWeeks(LocalDate firstDay, int weeks) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

  /** What a team shares in one week: the UTC spans and their length in minutes. */
  public record WeekOverlap(int week, LocalDate from, List<UtcSpan> shared, long minutes) {

    /** "week 7 (from 12 March)". */
    public String label() {
      return "week " + week + " (from " + from.format(DAY) + ")";
    }

    /** The shared time in hours, for people: "6", "4.5". */
    public String hours() {
      return UtcSpan.hours(minutes);
    }
  }

  /**
   * One week in which no zone changes its clocks (week 0 alone: from Monday 12 January 2026, 12:00 UTC), for callers that know
   * no cohort's dates; with it the overlap is what the slots give in an ordinary week.
   */
  public static final CohortWeeks ORDINARY_WEEK = new CohortWeeks(LocalDate.of(2026, 1, 19), 0);

  /** The weeks of a cohort: week 0 through week {@link Cohort#getWeeks()}. */
  public static CohortWeeks of(Cohort cohort) {
    return new CohortWeeks(cohort.getStartsOn(), cohort.getWeeks());
  }

  /** The first instant of week {@code week}: {@link Cohort#weekStart(LocalDate, long)}. */
  public Instant start(int week) {
    return Cohort.weekStart(firstDay, week);
  }

  /** The numbers of the weeks checked: 0 to {@link #weeks}. */
  public List<Integer> numbers() {
    List<Integer> numbers = new ArrayList<>();
    for (int w = 0; w <= weeks; w++) {
      numbers.add(w);
    }
    return numbers;
  }

  /**
   * The UTC spans in week {@code week} in which every one of {@code people} can meet.
   *
   * @return empty when {@code people} is empty or they share nothing
   */
  public WeekOverlap shared(List<WeeklyAvailability> people, int week) {
    Instant from = start(week);
    Instant to = from.plus(Duration.ofDays(7));
    List<UtcSpan> common = null;
    for (WeeklyAvailability person : people) {
      List<UtcSpan> own = person.between(from, to);
      common = common == null ? own : UtcSpan.intersect(common, own);
    }
    common = common == null ? List.of() : common;
    return new WeekOverlap(week, firstDay.plusDays(7L * (week - 1)), common, UtcSpan.minutes(common));
  }

  /** What {@code people} share in each week, week 0 first. */
  public List<WeekOverlap> weekly(List<WeeklyAvailability> people) {
    return numbers().stream().map(w -> shared(people, w)).toList();
  }

  /** The week in which {@code people} share least (the earliest of equals). */
  public WeekOverlap weakest(List<WeeklyAvailability> people) {
    return weekly(people).stream().min(Comparator.comparingLong(WeekOverlap::minutes)).orElseThrow();
  }

  /** The minutes {@code people} share in the week in which they share least: what every week has. */
  public long minutesEveryWeek(List<WeeklyAvailability> people) {
    return weakest(people).minutes();
  }
}
