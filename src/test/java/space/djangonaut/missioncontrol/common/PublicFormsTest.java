package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The time zone list of the public forms, drawn once in Java rather than by a th:each per zone (issue 14). */
class PublicFormsTest {

  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"( selected)?>([^<]+)</option>");

  @Test
  void shouldOfferEveryZoneInOrderWithOnlyTheChosenOneSelected() {
    Matcher options = OPTION.matcher(PublicForms.zoneOptions("Europe/Paris"));
    int count = 0;
    int selected = 0;
    while (options.find()) {
      assertThat(options.group(1)).isEqualTo(ProgrammeOptions.TIMEZONES.get(count)).isEqualTo(options.group(3));
      if (options.group(2) != null) {
        selected++;
        assertThat(options.group(1)).isEqualTo("Europe/Paris");
      }
      count++;
    }
    assertThat(count).isEqualTo(ProgrammeOptions.TIMEZONES.size());
    assertThat(selected).isEqualTo(1);
  }

  @Test
  void shouldSelectNoZoneWhenNoneOrAnUnofferedOneWasChosen() {
    assertThat(PublicForms.zoneOptions(null)).doesNotContain("selected");
    assertThat(PublicForms.zoneOptions("")).doesNotContain("selected");
    assertThat(PublicForms.zoneOptions("\"><script>alert(1)</script>")).doesNotContain("selected")
        .doesNotContain("<script>");
  }
}
