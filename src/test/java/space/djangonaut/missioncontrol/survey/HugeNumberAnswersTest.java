package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * A number question an organiser added without a minimum or maximum takes "1e999999999" as a number: the impact
 * report, which averages the answers, then cannot be drawn (500), and "1e9999999" keeps it computing for a long
 * while. A number is refused when it has more digits than any answer needs, with the reason, and the report stays.
 */
@IntegrationTest
class HugeNumberAnswersTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RepositoryService repositoryService;
  @Autowired SurveyInvitationRepository invitations;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void putTheFormOfTheRepositoryBack() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  private String surveyLink(Cohort cohort, long referenceId) {
    String token = Tokens.newToken();
    invitations.save(new SurveyInvitation(cohort.getId(), Respondent.DJANGONAUT, referenceId, "Ada Lovelace",
        TestData.uniqueEmail(), Tokens.hash(token), Instant.now()));
    return "/survey/" + token;
  }

  private static Map<String, List<String>> answers(String hours) {
    return Map.of("comfortContributing", List.of("MORE"), "comfortCommunity", List.of("SAME"),
        "mayQuote", List.of("false"), "pairingHours", List.of(hours));
  }

  @Test
  void shouldRefuseANumberWithAbsurdlyManyDigitsAndKeepTheReportDrawn() {
    ObjectNode form = SurveyFormsTest.add(SurveyFormsTest.form("feedback-survey"), "{\"id\":\"Field_Pairing\","
        + "\"key\":\"pairingHours\",\"label\":\"Hours you paired with your team\",\"type\":\"number\"}");
    deployments.add(repositoryService.createDeployment().name("organiser adds a number")
        .addString("forms/feedback-survey.form", form.toString()).deploy().getId());
    Cohort cohort = testData.openCohort();
    WebClient browser = new WebClient(port);
    String hostile = surveyLink(cohort, 1L);

    WebClient.Response refused = browser.postForm(hostile, WebClient.form(browser.get(hostile),
        answers("1e999999999")));
    String honest = surveyLink(cohort, 2L);
    assertThat(browser.postForm(honest, WebClient.form(browser.get(honest), answers("2.5"))).status())
        .isEqualTo(200);
    String organiser = testData.organiser();
    WebClient.Response report = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + cohort.getSlug() + "/report");

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("Hours you paired with your team").contains("Average: <span>2.5</span>");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("<a href=\"#pairingHours\">Please give a number of at most 15 digits before"
        + " and 15 after the decimal point.</a>");
  }
}
