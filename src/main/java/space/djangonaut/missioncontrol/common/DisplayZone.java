package space.djangonaut.missioncontrol.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone in which reviewers and organisers read people's availability, with UTC alongside: the property
 * {@code missioncontrol.display-zone} (an IANA id, default {@code UTC}). Organisers and reviewers have no setting of
 * their own (their accounts are Camunda users), so one zone for the whole team of organisers keeps it simple.
 */
@Component
public class DisplayZone {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;

  /** @throws IllegalArgumentException at start-up if the property is not a time zone */
  public DisplayZone(@Value("${missioncontrol.display-zone:UTC}") String zoneId) {
    this.zone = WeeklyAvailability.zone(zoneId);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Availability as an organiser reads it, for the week that starts on {@code weekStart} (00:00 UTC): the person's
   * own slots and zone, then the same times in the display zone (when it is another) and in UTC, e.g. "Sun 16-19
   * (America/New_York); Europe/Berlin: Sun 22:00-Mon 01:00; UTC: Sun 21:00-24:00 (week from 24 January 2027)".
   * Plain UTC availability read in UTC is shown as it is.
   */
  public String describe(WeeklyAvailability availability, LocalDate weekStart) {
    String own = availability.describe();
    boolean utc = zone.normalized().equals(ZoneOffset.UTC);
    if (availability.isEmpty() || (utc && availability.zone().normalized().equals(ZoneOffset.UTC))) {
      return own;
    }
    Instant from = weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = from.plus(Duration.ofDays(7));
    // The spans that start in the week, whole even when they end in the next one.
    List<UtcSpan> spans = availability.between(from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)))
        .stream().filter(s -> !s.start().isBefore(from) && s.start().isBefore(to)).toList();
    StringBuilder text = new StringBuilder(own);
    if (!utc && !zone.equals(availability.zone())) {
      text.append("; ").append(zone.getId()).append(": ").append(UtcSpan.describe(spans, zone));
    }
    text.append("; UTC: ").append(UtcSpan.describe(spans, ZoneOffset.UTC))
        .append(" (week from ").append(weekStart.format(DAY)).append(")");
    return text.toString();
  }
}
