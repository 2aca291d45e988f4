package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * An organiser deploys a public form (the application form, the feedback survey) from Camunda Modeler with a tenant
 * id, as Cockpit and the REST API allow (each cohort has its tenant). The public pages read the form shared by every
 * cohort; the engine cannot say which "latest" form a page means once a tenant has its own, so such a deployment is
 * refused with the reason, and the pages keep working.
 */
@IntegrationTest
class PublicFormsForOneTenantTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RepositoryService repositoryService;
  @Autowired SurveyInvitationRepository invitations;

  @AfterEach
  void removeWhatWasDeployedForATenant() {
    repositoryService.createDeploymentQuery().tenantIdIn("cohort-of-one-tenant").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  private WebClient.Response deployForATenant(String file) throws IOException {
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    return client.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mission-control", "deployment-source", "Camunda Modeler",
            "tenant-id", "cohort-of-one-tenant"),
        Map.of(file, Files.readAllBytes(Path.of("forms/" + file))));
  }

  @Test
  void shouldRefuseAnApplicationFormForOneTenantAndKeepThePublicPageWorking() throws IOException {
    WebClient.Response deployed = deployForATenant("apply.form");

    assertThat(deployed.status()).isEqualTo(400);
    assertThat(deployed.body()).contains("tenant");
    Cohort cohort = testData.openCohort();
    assertThat(new WebClient(port).get("/cohorts/" + cohort.getSlug() + "/apply").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAFeedbackSurveyForOneTenantAndKeepTheSurveyPageWorking() throws IOException {
    WebClient.Response deployed = deployForATenant("feedback-survey.form");

    assertThat(deployed.status()).isEqualTo(400);
    assertThat(deployed.body()).contains("tenant");
    Cohort cohort = testData.openCohort();
    String token = Tokens.newToken();
    invitations.save(new SurveyInvitation(cohort.getId(), Respondent.DJANGONAUT, 1L, "Ada", TestData.uniqueEmail(),
        Tokens.hash(token), Instant.now()));
    assertThat(new WebClient(port).get("/survey/" + token).status()).isEqualTo(200);
  }
}
