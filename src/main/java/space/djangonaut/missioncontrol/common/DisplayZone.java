package space.djangonaut.missioncontrol.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time zone in which each reviewer, organiser, Navigator and Captain reads people's availability, with UTC
 * alongside (issue 12). Everyone with an account chooses their own on {@code /my/settings} (an organiser may set it
 * for an account on {@code /organiser/accounts}); it is kept with the Camunda account, as the user info
 * {@value #USER_INFO_KEY} (an IANA id, table {@code act_id_info}), so it follows the person into every role and
 * cohort. An account without one reads in the fallback, the property {@code missioncontrol.display-zone} (an IANA id,
 * default {@code UTC}).
 *
 * <p>A change is published as {@link DisplayZoneChanged}, so that the forms already drawn for the person (their
 * claimed review, approval and placement tasks) are drawn again in the new zone.
 */
@Component
public class DisplayZone {

  /** The key of the Camunda user info that holds an account's zone. */
  public static final String USER_INFO_KEY = "timeZone";

  /** What someone free at every hour of the week reads as, in any zone. */
  private static final String ALWAYS = "every hour of the week";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final ZoneId fallback;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;

  /** @throws IllegalArgumentException at start-up if the property is not a time zone */
  DisplayZone(@Value("${missioncontrol.display-zone:UTC}") String fallbackZoneId, IdentityService identityService,
      ApplicationEventPublisher events) {
    this.fallback = WeeklyAvailability.zone(fallbackZoneId);
    this.identityService = identityService;
    this.events = events;
  }

  /** Refused: a zone that is not one of the offered ones ({@link ProgrammeOptions#TIMEZONES}), or no account. */
  public static class ZoneRefusedException extends RuntimeException {

    private final String field;

    ZoneRefusedException(String field, String reason) {
      super(field + ": " + reason);
      this.field = field;
    }

    /** The form field at fault: {@code zone} or {@code userId}. */
    public String field() {
      return field;
    }

    /** Why, in the person's words, without the field. */
    public String reason() {
      return getMessage().substring(field.length() + 2);
    }
  }

  /** The zone of an account that chose none: {@code missioncontrol.display-zone}. */
  public ZoneId fallback() {
    return fallback;
  }

  /**
   * The zone this account chose, if any.
   *
   * @param userId a Camunda user id; {@code null} (a task nobody holds yet) has none
   */
  public Optional<ZoneId> chosenBy(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    String stored = identityService.getUserInfo(userId, USER_INFO_KEY);
    // A zone stored before the offered list changed, or written by hand, is read only if it still is one.
    return ProgrammeOptions.isOfferedZone(stored) ? Optional.of(ZoneId.of(stored)) : Optional.empty();
  }

  /** The zone in which this account reads availability: the one it chose, else the {@link #fallback()}. */
  public ZoneId of(String userId) {
    return chosenBy(userId).orElse(fallback);
  }

  /**
   * Sets the account's zone, or takes it away (the account reads in the fallback again), and publishes
   * {@link DisplayZoneChanged}, in one transaction: the forms drawn again for the new zone and the zone are kept
   * together, or neither is.
   *
   * @param userId an existing Camunda user id
   * @param zoneId an IANA id from {@link ProgrammeOptions#TIMEZONES}, such as {@code Asia/Tokyo}; {@code null} or
   *     blank for the fallback
   * @throws ZoneRefusedException (field {@code zone}) if the zone is not one the forms offer, or (field
   *     {@code userId}) if there is no such account; nothing changes then
   */
  @Transactional
  public void choose(String userId, String zoneId) {
    // No account name holds a control character, and PostgreSQL refuses a NUL in a query: no need to ask.
    if (userId == null || userId.chars().anyMatch(Character::isISOControl)
        || identityService.createUserQuery().userId(userId).count() == 0) {
      throw new ZoneRefusedException("userId", "there is no account \""
          + shorten(String.valueOf(userId).replaceAll("\\p{Cntrl}", "?")) + "\".");
    }
    String wanted = zoneId == null ? "" : zoneId.strip();
    if (!wanted.isEmpty() && !ProgrammeOptions.isOfferedZone(wanted)) {
      throw new ZoneRefusedException("zone", "\"" + shorten(wanted) + "\" is not one of the offered time zones; "
          + "choose one from the list (such as Europe/Berlin or America/New_York).");
    }
    if (wanted.isEmpty()) {
      identityService.deleteUserInfo(userId, USER_INFO_KEY);
    } else {
      identityService.setUserInfo(userId, USER_INFO_KEY, wanted);
    }
    events.publishEvent(new DisplayZoneChanged(userId));
  }

  /** What was typed, as a refusal quotes it: at most 60 characters, so that a huge value does not fill the page. */
  private static String shorten(String typed) {
    return typed.length() > 60 ? typed.substring(0, 60) + "…" : typed;
  }

  /**
   * Availability as this account reads it: {@link #describe(WeeklyAvailability, LocalDate, ZoneId)} in
   * {@link #of(String) their zone}.
   *
   * @param reader the Camunda user id of who reads it; {@code null} for nobody yet (the fallback)
   */
  public String describe(WeeklyAvailability availability, LocalDate weekStart, String reader) {
    return describe(availability, weekStart, of(reader));
  }

  /**
   * Availability as someone reading in {@code reader} sees it, for the week that starts on {@code weekStart} (00:00
   * in the person's own zone, so that each of their slots is shown once even when the clocks change that week): the
   * person's own slots and zone, then the same times in the reader's zone (when it is another) and in UTC, e.g.
   * "Sun 16-19 (America/New_York); Asia/Tokyo: Mon 06:00-09:00; UTC: Sun 21:00-24:00 (week from 24 January 2027)".
   * Plain UTC availability read in UTC is shown as it is. Spans are whole, even when they end in the next week; a
   * span that crosses midnight names both days; someone free at every hour reads "every hour of the week".
   */
  public static String describe(WeeklyAvailability availability, LocalDate weekStart, ZoneId reader) {
    String own = availability.describe();
    boolean utc = reader.normalized().equals(ZoneOffset.UTC);
    if (availability.isEmpty() || (utc && availability.zone().normalized().equals(ZoneOffset.UTC))) {
      return own;
    }
    // The week of the person's own calendar: each of their slots starts in it once, whatever the clocks do that
    // week (a UTC week would hold a slot twice when they go forward, and none when they go back).
    Instant from = weekStart.atStartOfDay(availability.zone()).toInstant();
    Instant to = weekStart.plusDays(7).atStartOfDay(availability.zone()).toInstant();
    List<UtcSpan> around = availability.between(from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)));
    // Someone free at every hour has one span that starts before the week and ends after it.
    boolean always = around.stream().anyMatch(s -> !s.start().isAfter(from) && !s.end().isBefore(to));
    // The spans that start in the week, whole even when they end in the next one.
    List<UtcSpan> spans = around.stream().filter(s -> !s.start().isBefore(from) && s.start().isBefore(to)).toList();
    StringBuilder text = new StringBuilder(own);
    if (!utc && !reader.equals(availability.zone())) {
      text.append("; ").append(reader.getId()).append(": ")
          .append(always ? ALWAYS : UtcSpan.describe(spans, reader));
    }
    text.append("; UTC: ").append(always ? ALWAYS : UtcSpan.describe(spans, ZoneOffset.UTC))
        .append(" (week from ").append(weekStart.format(DAY)).append(")");
    return text.toString();
  }
}
