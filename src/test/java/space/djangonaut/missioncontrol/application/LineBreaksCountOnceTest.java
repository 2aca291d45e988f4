package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * A browser counts a line break as one character against a field's {@code maxlength} and posts it as CR LF; the
 * server counts it once too, so a text the page let through is never refused for its length.
 */
@IntegrationTest
class LineBreaksCountOnceTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired VolunteerRepository volunteers;

  /** {@code length} characters as a browser counts them, {@code breaks} of them line breaks, posted as CR LF. */
  static String textWithLineBreaks(int length, int breaks) {
    int letters = length - breaks;
    StringBuilder text = new StringBuilder();
    for (int line = 0; line <= breaks; line++) {
      int inLine = letters / (breaks + 1) + (line < letters % (breaks + 1) ? 1 : 0);
      text.append(String.valueOf((char) ('a' + line % 26)).repeat(inLine));
      if (line < breaks) {
        text.append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void shouldAcceptAMotivationOfExactlyItsMaxlengthWhenItsTwentyLineBreaksArriveAsCrLf() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String motivation = textWithLineBreaks(4000, 20);
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(email, "Lin Breaks"));
    answers.put("motivation", List.of(motivation.replace("\n", "\r\n")));

    WebClient.Response response = apply(cohort, answers);

    assertThat(response.status()).isEqualTo(302);
    Application stored = applications.findAll().stream().filter(a -> a.getEmail().equals(email)).findFirst()
        .orElseThrow();
    assertThat(stored.getMotivation()).isEqualTo(motivation).hasSize(4000);
  }

  @Test
  void shouldRefuseAMotivationOneCharacterOverItsMaxlengthWithItsMessage() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(email, "Lin Breaks"));
    answers.put("motivation", List.of(textWithLineBreaks(4001, 20).replace("\n", "\r\n")));

    WebClient.Response response = apply(cohort, answers);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Please keep this to 4000 characters.");
    assertThat(applications.findAll().stream().filter(a -> a.getEmail().equals(email))).isEmpty();
  }

  @Test
  void shouldCountLineBreaksOnceOnTheVolunteerFormToo() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> signUp = new LinkedHashMap<>();
    signUp.put("name", List.of("Nadia Navigator"));
    signUp.put("email", List.of(email));
    signUp.put("role", List.of("NAVIGATOR"));
    signUp.put("projects", List.of("Django core"));
    signUp.put("availability", List.of("MON-18"));
    signUp.put("capacity", List.of("3"));
    signUp.put("motivation", List.of(textWithLineBreaks(2000, 30).replace("\n", "\r\n")));
    signUp.put("codeOfConductAccepted", List.of("true"));
    WebClient browser = new WebClient(port);

    WebClient.Response response = browser.postForm(path, WebClient.form(browser.get(path), signUp));

    assertThat(response.status()).isEqualTo(302);
    assertThat(volunteers.findAll().stream().filter(v -> v.getEmail().equals(email))).singleElement()
        .satisfies(v -> assertThat(v.getMotivation()).hasSize(2000).doesNotContain("\r"));
  }

  private WebClient.Response apply(Cohort cohort, Map<String, List<String>> answers) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    return browser.postForm(path, WebClient.form(browser.get(path), answers));
  }
}
