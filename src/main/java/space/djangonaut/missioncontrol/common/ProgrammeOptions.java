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
}
