package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * The public forms take weekly hours on the person's own clock, in the zone they choose (issue 12, fault 1): without
 * JavaScript, "Show my hours" draws the grid again in that zone, keeping what was typed; the slots are stored with
 * the zone; an unknown zone or a slot outside the grid is refused, naming the field.
 */
@IntegrationTest
class LocalTimeAvailabilityTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired VolunteerRepository volunteers;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldDrawTheGridInTheApplicantsZoneKeepingWhatTheyTyped() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    WebClient.Response page = browser.get(path);
    assertThat(text(page.body())).contains("times in your time zone").contains("Show my hours in this time zone");
    Map<String, List<String>> typed = new LinkedHashMap<>();
    typed.put("name", List.of("Grace from Queens"));
    typed.put("timezone", List.of("America/New_York"));
    typed.put("availability", List.of("SUN-15"));
    typed.put("showZone", List.of("true"));
    long before = applications.count();

    WebClient.Response shown = browser.postForm(path, WebClient.form(page, typed));

    assertThat(shown.status()).isEqualTo(200);
    assertThat(text(shown.body())).contains("When can you meet each week? (times in America/New_York)")
        .contains("Sunday 15:00 to 18:00 America/New_York");
    assertThat(shown.body()).contains("value=\"Grace from Queens\"")
        .containsPattern("value=\"SUN-15\"[^>]*checked|checked[^>]*value=\"SUN-15\"")
        .doesNotContainPattern("value=\"SUN-18\"[^>]*checked|checked[^>]*value=\"SUN-18\"")
        .containsPattern("<option value=\"America/New_York\"[^>]*selected")
        .doesNotContainPattern("<option value=\"Europe/Paris\"[^>]*selected")
        .doesNotContain("Tell us why you want to join Djangonaut Space.")
        .doesNotContain("error-summary");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldStoreTheSlotsAsLocalTimeWithTheApplicantsZone() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(email, "Grace"));
    answers.put("timezone", List.of("America/New_York"));
    answers.put("availability", List.of("SUN-15"));

    WebClient.Response sent = browser.postForm(path, WebClient.form(browser.get(path), answers));

    assertThat(sent.status()).isEqualTo(302);
    Application application = applications.findAll().stream().filter(a -> a.getEmail().equals(email)).findFirst()
        .orElseThrow();
    assertThat(application.getAvailability())
        .isEqualTo(WeeklyAvailability.of(ZoneId.of("America/New_York"), List.of("SUN-15")));
    assertThat(jdbc.queryForMap("select availability, availability_zone from application where id = ?",
        application.getId())).containsEntry("availability", "SUN-15")
        .containsEntry("availability_zone", "America/New_York");
  }

  @Test
  void shouldRefuseAnUnknownZoneAndASlotOutsideTheGridNamingTheField() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(TestData.uniqueEmail(), "Mallory"));
    answers.put("timezone", List.of("Mars/Olympus_Mons"));
    answers.put("availability", List.of("SUN-16", "FUNDAY-99"));
    long before = applications.count();

    WebClient.Response refused = browser.postForm(path, WebClient.form(browser.get(path), answers));
    WebClient.Response zoneShown = browser.postForm(path, WebClient.form(browser.get(path),
        Map.of("timezone", List.of("Mars/Olympus_Mons"), "showZone", List.of("true"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"timezone-error\"").contains("Choose a time zone from the list.")
        .contains("id=\"availability-error\"").contains("Tick only the slots shown.");
    assertThat(zoneShown.status()).isEqualTo(400);
    assertThat(zoneShown.body()).contains("Choose a time zone from the list.");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void shouldTakeAVolunteersHoursInTheirZone() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of("Nina Navigator"));
    answers.put("email", List.of(email));
    answers.put("role", List.of("NAVIGATOR"));
    answers.put("projects", List.of("Django core"));
    answers.put("timezone", List.of("Asia/Kolkata"));
    answers.put("availability", List.of("MON-21"));
    answers.put("capacity", List.of("4"));
    answers.put("codeOfConductAccepted", List.of("true"));
    Map<String, List<String>> show = new LinkedHashMap<>(answers);
    show.put("showZone", List.of("true"));

    WebClient.Response shown = browser.postForm(path, WebClient.form(browser.get(path), show));
    WebClient.Response sent = browser.postForm(path, WebClient.form(browser.get(path), answers));

    assertThat(shown.status()).isEqualTo(200);
    assertThat(text(shown.body())).contains("(times in Asia/Kolkata)").contains("Monday 21:00 to 24:00 Asia/Kolkata");
    assertThat(sent.status()).isEqualTo(302);
    assertThat(volunteers.findAll()).filteredOn(v -> v.getEmail().equals(email)).singleElement()
        .satisfies(v -> assertThat(v.getAvailability())
            .isEqualTo(WeeklyAvailability.of(ZoneId.of("Asia/Kolkata"), List.of("MON-21"))));
  }

  /** The page's text without its tags. */
  private static String text(String html) {
    return html.replaceAll("<[^>]+>", "");
  }
}
