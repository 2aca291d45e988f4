package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/** An answer with a NUL character (which PostgreSQL cannot store in text) is refused by field, not answered 500. */
@IntegrationTest
class NulCharacterAnswersTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired RepositoryService repositoryService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void putTheFormOfTheRepositoryBack() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void shouldRefuseAnAnswerWithANulCharacterNamingTheField() {
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(TestData.uniqueEmail(), "Ada"));
    answers.put("motivation", List.of("I want to learn how Django is built and give back \u0000 to the community."));
    long stored = applications.count();

    WebClient.Response refused = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(browser.get("/cohorts/" + cohort.getSlug() + "/apply"), answers));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<a href=\"#motivation\">Remove the invisible NUL character from this"
        + " answer (it cannot be kept).</a>");
    assertThat(applications.count()).isEqualTo(stored);
  }

  @Test
  void shouldRefuseAnOtherAnswerWithANulCharacterNamingTheQuestion() {
    ObjectNode form = ApplyFormSchemaTest.question(ApplyFormSchemaTest.applyForm(), "{\"id\":\"Field_Hopes\","
        + "\"key\":\"hopes\",\"label\":\"What do you hope to build?\",\"type\":\"textarea\","
        + "\"validate\":{\"maxLength\":300}}");
    deployments.add(repositoryService.createDeployment().name("organiser adds a question")
        .addString("forms/apply.form", form.toString()).deploy().getId());
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    Map<String, List<String>> answers = new LinkedHashMap<>(TestData.formAnswers(TestData.uniqueEmail(), "Ada"));
    answers.put("hopes", List.of("A blog \u0000 engine"));
    long stored = applications.count();

    WebClient.Response refused = browser.postForm("/cohorts/" + cohort.getSlug() + "/apply",
        WebClient.form(browser.get("/cohorts/" + cohort.getSlug() + "/apply"), answers));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<a href=\"#hopes\">Please remove the invisible NUL character from this"
        + " answer (it cannot be kept).</a>");
    assertThat(applications.count()).isEqualTo(stored);
  }
}
