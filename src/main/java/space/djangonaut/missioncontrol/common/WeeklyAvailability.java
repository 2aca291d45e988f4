package space.djangonaut.missioncontrol.common;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When someone can meet each week, as a set of three-hour slots in UTC ({@code MON-09} is Monday 09:00-12:00 UTC).
 * Teams are formed on the hours that people share.
 */
public final class WeeklyAvailability {

  public static final int SLOT_HOURS = 3;
  public static final List<Integer> SLOT_START_HOURS = List.of(0, 3, 6, 9, 12, 15, 18, 21);
  private static final List<String> ALL_SLOTS = computeAllSlots();

  private final Set<String> slots;

  private WeeklyAvailability(Set<String> slots) {
    this.slots = Collections.unmodifiableSet(new TreeSet<>(slots));
  }

  /** Every slot code in week order, for forms. */
  public static List<String> allSlots() {
    return ALL_SLOTS;
  }

  private static List<String> computeAllSlots() {
    List<String> all = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int hour : SLOT_START_HOURS) {
        all.add(code(day, hour));
      }
    }
    return List.copyOf(all);
  }

  public static String code(DayOfWeek day, int startHour) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT) + "-"
        + String.format(Locale.ROOT, "%02d", startHour);
  }

  public static boolean isSlot(String code) {
    return ALL_SLOTS.contains(code);
  }

  /**
   * The availability made of these slot codes.
   *
   * @throws IllegalArgumentException naming the first code that is not a slot
   */
  public static WeeklyAvailability of(Collection<String> codes) {
    for (String code : codes) {
      if (!isSlot(code)) {
        throw new IllegalArgumentException("\"" + code + "\" is not a weekly slot");
      }
    }
    return new WeeklyAvailability(Set.copyOf(codes));
  }

  /** Parses the stored form, slot codes separated by commas. */
  public static WeeklyAvailability parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return new WeeklyAvailability(Set.of());
    }
    return of(List.of(stored.split(",")));
  }

  public String stored() {
    return String.join(",", inWeekOrder());
  }

  public Set<String> slots() {
    return slots;
  }

  public int hours() {
    return slots.size() * SLOT_HOURS;
  }

  /** Hours a week that both can meet. */
  public int overlapHours(WeeklyAvailability other) {
    return (int) slots.stream().filter(other.slots::contains).count() * SLOT_HOURS;
  }

  public boolean isEmpty() {
    return slots.isEmpty();
  }

  /** A line a person can read: "Mon 09-15, Wed 18-21 (UTC)". */
  public String describe() {
    if (slots.isEmpty()) {
      return "none given";
    }
    Map<DayOfWeek, List<Integer>> byDay = new EnumMap<>(DayOfWeek.class);
    for (String code : inWeekOrder()) {
      DayOfWeek day = dayOf(code);
      byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(Integer.parseInt(code.substring(4)));
    }
    List<String> parts = new ArrayList<>();
    byDay.forEach((day, hours) -> {
      String name = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      int start = hours.get(0);
      int end = start + SLOT_HOURS;
      List<String> ranges = new ArrayList<>();
      for (int i = 1; i < hours.size(); i++) {
        if (hours.get(i) == end) {
          end += SLOT_HOURS;
        } else {
          ranges.add(range(start, end));
          start = hours.get(i);
          end = start + SLOT_HOURS;
        }
      }
      ranges.add(range(start, end));
      parts.add(name + " " + String.join(", ", ranges));
    });
    return String.join("; ", parts) + " (UTC)";
  }

  private static String range(int start, int end) {
    return String.format(Locale.ROOT, "%02d-%02d", start, end);
  }

  private static DayOfWeek dayOf(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (code.startsWith(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT))) {
        return day;
      }
    }
    throw new IllegalArgumentException(code);
  }

  private List<String> inWeekOrder() {
    return ALL_SLOTS.stream().filter(slots::contains).collect(Collectors.toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyAvailability other && slots.equals(other.slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }

  @Override
  public String toString() {
    return stored();
  }
}
