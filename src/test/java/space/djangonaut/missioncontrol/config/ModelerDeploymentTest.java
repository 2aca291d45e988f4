package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * An organiser changes a diagram in Camunda Modeler and deploys it as the Modeler does: a multipart POST to
 * {@code /engine-rest/deployment/create} with the diagram and its form, under HTTP Basic.
 */
@IntegrationTest
class ModelerDeploymentTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ProcessDeployer deployer;

  @AfterEach
  void restoreTheDiagramsOfTheRepository() {
    deployer.deploy();
  }

  @Test
  void shouldStartNewInstancesOnTheOrganisersNewVersionWhileRunningOnesKeepTheirs() throws IOException {
    Cohort cohort = testData.openCohort();
    Application before = testData.apply(cohort);
    ProcessInstance running = process(before);
    ProcessDefinition previous = latest();

    String organiser = testData.organiser();
    WebClient.Response deployed = modelerDeploy(new WebClient(port).basicAuth(organiser, organiser));

    assertThat(deployed.status()).isEqualTo(200);
    assertThat(deployed.body()).contains("\"source\":\"Camunda Modeler\"");
    ProcessDefinition current = latest();
    assertThat(current.getVersion()).isEqualTo(previous.getVersion() + 1);
    assertThat(repositoryService.getProcessModel(current.getId()))
        .asString(StandardCharsets.UTF_8).contains("Send acknowledgement email, changed in the Modeler");
    assertThat(process(before).getProcessDefinitionId()).isEqualTo(previous.getId());

    Application after = testData.apply(cohort);
    ProcessInstance started = process(after);
    assertThat(started.getProcessDefinitionId()).isEqualTo(current.getId());
    testData.executeJobs(started.getId());
    testData.executeJobs(running.getId());
    String review = taskService.createTaskQuery().processInstanceId(started.getId()).list().get(0).getId();
    assertThat(formService.getTaskFormData(review).getCamundaFormRef().getKey()).isEqualTo("review-application");
    assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).count()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAReviewerDeployingFromTheModeler() throws IOException {
    ProcessDefinition previous = latest();
    String reviewer = testData.reviewer();

    WebClient.Response refused = modelerDeploy(new WebClient(port).basicAuth(reviewer, reviewer));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(latest().getId()).isEqualTo(previous.getId());
  }

  /** What Camunda Modeler sends: deployment name and source, duplicate filtering, the diagram and its form. */
  private static WebClient.Response modelerDeploy(WebClient client) throws IOException {
    String diagram = Files.readString(Path.of("bpmn/application.bpmn"))
        .replace("name=\"Send acknowledgement email\"", "name=\"Send acknowledgement email, changed in the Modeler\"");
    return client.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mission-control", "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"),
        Map.of("application.bpmn", diagram.getBytes(StandardCharsets.UTF_8),
            "review-application.form", Files.readAllBytes(Path.of("forms/review-application.form"))));
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ApplicationProcess.KEY)
        .latestVersion().singleResult();
  }

  private ProcessInstance process(Application application) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(application.getId().toString())
        .singleResult();
  }
}
