package space.djangonaut.missioncontrol.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Operators' view on the management port: health of the database, the mail server, the engine and its job executor,
 * and Prometheus metrics of what waits for someone (failed jobs, open incidents, the outbox), never on the public
 * port and the metrics never to anyone but organisers.
 */
@IntegrationTest
class OperationsEndpointsTest {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired TestData testData;
  @Autowired RuntimeService runtimeService;

  @Test
  void shouldReportTheHealthOfEachPartToOrganisersAndOnlyTheStatusToAnyoneElse() {
    WebClient.Response anonymous = new WebClient(managementPort).get("/actuator/health");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");

    String organiser = testData.organiser();
    WebClient.Response detailed = new WebClient(managementPort).basicAuth(organiser, organiser).get("/actuator/health");
    assertThat(detailed.body())
        .contains("\"db\":{\"status\":\"UP\"")
        .contains("\"mail\":{\"status\":\"UP\"")
        .contains("\"processEngine\":{\"status\":\"UP\"");
    // The job executor's health (Camunda's JobExecutorHealthIndicator) is checked by TwoNodesTest, whose nodes run
    // it; these tests drive the jobs themselves.
  }

  @Test
  void shouldCountOpenIncidentsFailedJobsAndTheOutboxForOrganisersOnly() {
    String organiser = testData.organiser();
    String reviewer = testData.reviewer();
    assertThat(new WebClient(managementPort).get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(new WebClient(managementPort).basicAuth(reviewer, reviewer).get("/actuator/prometheus").status())
        .isEqualTo(403);

    WebClient operator = new WebClient(managementPort).basicAuth(organiser, organiser);
    WebClient.Response before = operator.get("/actuator/prometheus");
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.body()).contains("camunda_failed_jobs ")
        .contains("missioncontrol_outbox_emails{status=\"pending\"}")
        .contains("missioncontrol_outbox_emails{status=\"refused\"}");

    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    Incident incident = runtimeService.createIncident("operationsCheck", process.getId(), "operations test");
    try {
      double after = gauge(operator.get("/actuator/prometheus").body(), "camunda_open_incidents");
      assertThat(after).isEqualTo(gauge(before.body(), "camunda_open_incidents") + 1);
    } finally {
      runtimeService.resolveIncident(incident.getId());
    }
  }

  @Test
  void shouldNotServeTheOperatorsEndpointsOnThePublicPort() {
    String organiser = testData.organiser();
    WebClient.Response health = new WebClient(port).basicAuth(organiser, organiser).get("/actuator/health");
    WebClient.Response metrics = new WebClient(port).basicAuth(organiser, organiser).get("/actuator/prometheus");
    assertThat(health.status()).isNotEqualTo(200);
    assertThat(metrics.status()).isNotEqualTo(200);
    assertThat(metrics.body()).doesNotContain("camunda_open_incidents");
  }

  private static double gauge(String metrics, String name) {
    Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
        .matcher(metrics);
    assertThat(value.find()).as(name + " in\n" + metrics).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
