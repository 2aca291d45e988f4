package space.djangonaut.missioncontrol.common;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * When someone can meet each week, as a set of three-hour slots of their own wall-clock time in their IANA time zone
 * ({@code MON-09} in {@code America/New_York} is Monday 09:00-12:00 New York time, whatever the offset that week).
 * Teams are formed on the real time people share, computed for each actual week with {@link #between}.
 *
 * <p>Clock changes: a slot covers the wall-clock hours from its start to its end on its date, converted with
 * java.time's rules ({@link ZonedDateTime#of}): a start or end that falls in a gap (clocks going forward) is moved
 * later by the length of the gap, one that falls in an overlap (clocks going back) takes the earlier offset. So a
 * slot in which the clocks go forward is an hour shorter in real time that day, one in which they go back an hour
 * longer (the person is there for the repeated hour too). Availability kept before time zones were used (migration
 * V16) is in zone {@code UTC}, which has no clock changes: it means exactly what it meant.
 */
public final class WeeklyAvailability {

  public static final int SLOT_HOURS = 3;
  public static final List<Integer> SLOT_START_HOURS = List.of(0, 3, 6, 9, 12, 15, 18, 21);
  public static final ZoneId UTC = ZoneId.of("UTC");
  private static final List<String> ALL_SLOTS = computeAllSlots();

  private final ZoneId zone;
  private final Set<String> slots;
  /** {@link #between} for each window asked, since team formation asks for the same weeks many times. */
  private final Map<List<Instant>, List<UtcSpan>> spans = new ConcurrentHashMap<>();

  private WeeklyAvailability(ZoneId zone, Set<String> slots) {
    this.zone = zone;
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
   * The availability made of these slot codes, in UTC.
   *
   * @throws IllegalArgumentException naming the first code that is not a slot
   */
  public static WeeklyAvailability of(Collection<String> codes) {
    return of(UTC, codes);
  }

  /**
   * The availability made of these slot codes, read as wall-clock time in {@code zone}.
   *
   * @throws IllegalArgumentException naming the first code that is not a slot
   */
  public static WeeklyAvailability of(ZoneId zone, Collection<String> codes) {
    for (String code : codes) {
      if (!isSlot(code)) {
        throw new IllegalArgumentException("\"" + code + "\" is not a weekly slot");
      }
    }
    return new WeeklyAvailability(zone, Set.copyOf(codes));
  }

  /**
   * Parses the stored form: slot codes separated by commas, in the zone of the IANA id stored beside them.
   *
   * @throws IllegalArgumentException if a code is not a slot or the zone is not a time zone
   */
  public static WeeklyAvailability parse(String zoneId, String stored) {
    ZoneId zone = zone(zoneId);
    if (stored == null || stored.isBlank()) {
      return new WeeklyAvailability(zone, Set.of());
    }
    return of(zone, List.of(stored.split(",")));
  }

  /**
   * The IANA time zone of this id.
   *
   * @throws IllegalArgumentException if it is none ("Mars/Olympus")
   */
  public static ZoneId zone(String zoneId) {
    try {
      return ZoneId.of(zoneId == null ? "" : zoneId);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + zoneId + "\" is not a time zone", e);
    }
  }

  /** The slot codes as stored, separated by commas, in week order; the zone is stored apart ({@link #zone}). */
  public String stored() {
    return String.join(",", inWeekOrder());
  }

  /** The slot codes: wall-clock time in {@link #zone}. */
  public Set<String> slots() {
    return slots;
  }

  /** The time zone the slots are in. */
  public ZoneId zone() {
    return zone;
  }

  /** Hours a week on the person's own clock (three per slot). */
  public int hours() {
    return slots.size() * SLOT_HOURS;
  }

  /**
   * When the person can meet between two instants, as merged UTC spans: each slot on each local date around the
   * window, converted with the zone's rules for that date (see the class comment for clock changes), clipped to
   * {@code [from, to)}.
   */
  public List<UtcSpan> between(Instant from, Instant to) {
    return spans.computeIfAbsent(List.of(from, to), window -> compute(from, to));
  }

  private List<UtcSpan> compute(Instant from, Instant to) {
    List<UtcSpan> spans = new ArrayList<>();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last);
        date = date.plusDays(1)) {
      for (String code : slots) {
        if (dayOf(code) != date.getDayOfWeek()) {
          continue;
        }
        LocalDateTime localStart = date.atTime(Integer.parseInt(code.substring(4)), 0);
        Instant start = ZonedDateTime.of(localStart, zone).toInstant();
        Instant end = ZonedDateTime.of(localStart.plusHours(SLOT_HOURS), zone).toInstant();
        start = start.isBefore(from) ? from : start;
        end = end.isAfter(to) ? to : end;
        if (start.isBefore(end)) {
          spans.add(new UtcSpan(start, end));
        }
      }
    }
    return UtcSpan.merge(spans);
  }

  public boolean isEmpty() {
    return slots.isEmpty();
  }

  /** A line a person can read, in the person's own zone: "Mon 09-15; Wed 18-21 (Europe/Berlin)". */
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
    return String.join("; ", parts) + " (" + zone.getId() + ")";
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
    return o instanceof WeeklyAvailability other && zone.equals(other.zone) && slots.equals(other.slots);
  }

  @Override
  public int hashCode() {
    return 31 * zone.hashCode() + slots.hashCode();
  }

  @Override
  public String toString() {
    return zone.getId() + ":" + stored();
  }
}
