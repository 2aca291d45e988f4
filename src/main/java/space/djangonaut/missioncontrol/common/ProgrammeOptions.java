package space.djangonaut.missioncontrol.common;

import jakarta.validation.constraints.NotEmpty;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The programme's choices that organisers configure: the projects Djangonauts, Navigators and Captains work on. */
@Validated
@ConfigurationProperties("missioncontrol")
public record ProgrammeOptions(@NotEmpty List<String> projects) {

  /** IANA time zones people live in (Region/City), sorted, without the legacy aliases. */
  public static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
          || id.equals("UTC"))
      .sorted()
      .toList();

  /**
   * Whether {@code zone} is one of {@link #TIMEZONES}, the zones the forms offer: the only ones a form accepts (the
   * application and volunteer forms, the team's meeting time). Others that java.time knows, such as
   * {@code SystemV/EST5EDT} or the {@code ical4j~...} ids ical4j registers, have no iCalendar VTIMEZONE, so a calendar
   * in them could not be written.
   *
   * @param zone an IANA id as typed, {@code Europe/Berlin}; {@code null} is not offered
   */
  public static boolean isOfferedZone(String zone) {
    return zone != null && TIMEZONES.contains(zone);
  }
}
