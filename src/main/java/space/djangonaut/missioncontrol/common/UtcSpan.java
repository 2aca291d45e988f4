package space.djangonaut.missioncontrol.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A span of real time, from {@code start} (inclusive) to {@code end} (exclusive), as UTC instants: what
 * {@link WeeklyAvailability#between} gives for one actual week, and what people share.
 */
public record UtcSpan(Instant start, Instant end) {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  /** @throws IllegalArgumentException if {@code end} is not after {@code start} */
  public UtcSpan {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("A span ends after it starts: " + start + " to " + end);
    }
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** The whole minutes of all the spans together (spans are expected not to overlap, as {@link #merge} gives). */
  public static long minutes(List<UtcSpan> spans) {
    return spans.stream().mapToLong(s -> s.duration().toMinutes()).sum();
  }

  /** The spans sorted, with overlapping and touching ones joined. */
  public static List<UtcSpan> merge(List<UtcSpan> spans) {
    List<UtcSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(UtcSpan::start));
    List<UtcSpan> merged = new ArrayList<>();
    for (UtcSpan s : sorted) {
      if (!merged.isEmpty() && !s.start().isAfter(merged.get(merged.size() - 1).end())) {
        UtcSpan last = merged.remove(merged.size() - 1);
        merged.add(new UtcSpan(last.start(), s.end().isAfter(last.end()) ? s.end() : last.end()));
      } else {
        merged.add(s);
      }
    }
    return List.copyOf(merged);
  }

  /** The time in both lists of merged spans (each sorted and without overlaps, as {@link #merge} gives). */
  public static List<UtcSpan> intersect(List<UtcSpan> a, List<UtcSpan> b) {
    List<UtcSpan> common = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      Instant start = a.get(i).start().isAfter(b.get(j).start()) ? a.get(i).start() : b.get(j).start();
      Instant end = a.get(i).end().isBefore(b.get(j).end()) ? a.get(i).end() : b.get(j).end();
      if (start.isBefore(end)) {
        common.add(new UtcSpan(start, end));
      }
      if (a.get(i).end().isBefore(b.get(j).end())) {
        i++;
      } else {
        j++;
      }
    }
    return List.copyOf(common);
  }

  /**
   * The spans as a person in {@code zone} reads them: "Sun 21:00-24:00, Mon 09:00-12:00" (a span past midnight
   * names the day it ends on: "Sun 22:00-Mon 01:00"); "none" when there are none.
   */
  public static String describe(List<UtcSpan> spans, ZoneId zone) {
    if (spans.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (UtcSpan s : spans) {
      ZonedDateTime from = s.start().atZone(zone);
      ZonedDateTime to = s.end().atZone(zone);
      String end;
      if (to.toLocalDate().equals(from.toLocalDate())) {
        end = to.format(TIME);
      } else if (to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          && to.toLocalDate().equals(from.toLocalDate().plusDays(1))) {
        end = "24:00";
      } else {
        end = to.format(DAY_TIME);
      }
      parts.add(from.format(DAY_TIME) + "-" + end);
    }
    return String.join(", ", parts);
  }

  /** Minutes as hours for people: "6", "4.5", "2.75". */
  public static String hours(long minutes) {
    if (minutes % 60 == 0) {
      return Long.toString(minutes / 60);
    }
    return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2,
        java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString();
  }
}
