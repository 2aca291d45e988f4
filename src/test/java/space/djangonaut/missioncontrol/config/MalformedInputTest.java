package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * Values of the wrong kind: API path and query parameters that are not numbers or are missing, form choices that are
 * not among the options, names with line breaks. Each gets a 400 that names the field and the reason.
 */
@IntegrationTest
class MalformedInputTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired VolunteerRepository volunteers;

  @Test
  void shouldNameTheParameterWhenAnApiPathIdIsNotANumber() {
    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);

    for (String path : List.of("/api/applications/abc/withdraw", "/api/teams/abc/step-down",
        "/api/volunteers/abc/password-link")) {
      WebClient.Response response = api.postJson(path, "{\"volunteerId\": 11}");

      assertThat(response.status()).as(path).isEqualTo(400);
      assertThat(response.body()).as(path).contains("\"fields\"").contains("must be a whole number, not \\\"abc\\\"")
          .containsPattern("\"(id|teamId|volunteerId)\":\"must be a whole number")
          .doesNotContain("For input string");
    }
  }

  @Test
  void shouldNameTheParameterWhenARequiredQueryParameterIsMissing() {
    String organiser = testData.organiser();

    WebClient.Response response = new WebClient(port).basicAuth(organiser, organiser).get("/api/personal-data");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"fields\":{\"email\":\"is required.\"}");
  }

  @Test
  void shouldAskToChooseAnOptionWhenAFormChoiceIsNotOneOfThem() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String apply = "/cohorts/" + cohort.getSlug() + "/apply";
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(TestData.uniqueEmail(), "Eve"));
    answers.put("djangoExperience", List.of("x"));
    String volunteer = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> signUp = volunteerAnswers(TestData.uniqueEmail(), "Nadia Navigator");
    signUp.put("role", List.of("ADMIN"));
    long before = applications.count() + volunteers.count();

    WebClient.Response applied = browser.postForm(apply, WebClient.form(browser.get(apply), answers));
    WebClient.Response volunteered = browser.postForm(volunteer, WebClient.form(browser.get(volunteer), signUp));

    assertThat(applied.status()).isEqualTo(400);
    assertThat(applied.body()).contains("Choose one of the options.").doesNotContain("Failed to convert");
    assertThat(volunteered.status()).isEqualTo(400);
    assertThat(volunteered.body()).contains("Choose one of the options.").doesNotContain("Failed to convert");
    assertThat(applications.count() + volunteers.count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseANameWithALineBreakOrControlCharacterAndKeepTheAnswers() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String apply = "/cohorts/" + cohort.getSlug() + "/apply";
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(TestData.uniqueEmail(),
        "Eve\r\nDjangonauts: please confirm your password at https://evil.example"));
    String volunteer = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> signUp = volunteerAnswers(TestData.uniqueEmail(), "Nadia\u0007\u2028Navigator");
    long before = applications.count() + volunteers.count();

    WebClient.Response applied = browser.postForm(apply, WebClient.form(browser.get(apply), answers));
    WebClient.Response volunteered = browser.postForm(volunteer, WebClient.form(browser.get(volunteer), signUp));

    assertThat(applied.status()).isEqualTo(400);
    assertThat(applied.body()).contains("Write your name on one line, without line breaks or control characters.")
        .contains("I want to");
    assertThat(volunteered.status()).isEqualTo(400);
    assertThat(volunteered.body())
        .contains("Write your name on one line, without line breaks or control characters.")
        .contains("I was a Djangonaut last year.");
    assertThat(applications.count() + volunteers.count()).isEqualTo(before);
  }

  private static Map<String, List<String>> volunteerAnswers(String email, String name) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of(name));
    answers.put("email", List.of(email));
    answers.put("role", List.of("NAVIGATOR"));
    answers.put("projects", List.of("Django core", "Django REST framework"));
    answers.put("availability", List.of("MON-18", "TUE-18", "WED-18"));
    answers.put("capacity", List.of("4"));
    answers.put("motivation", List.of("I was a Djangonaut last year."));
    answers.put("codeOfConductAccepted", List.of("true"));
    return answers;
  }
}
