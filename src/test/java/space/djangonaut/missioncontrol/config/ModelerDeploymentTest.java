package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_AGGREGATE_SCORES;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_AWAIT_ANSWER;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_CONFIRM_PLACE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_PLACE_IN_TEAM;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_RESOLVE_DISAGREEMENT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_REVIEW_APPLICATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ParseException;
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
 * {@code /engine-rest/deployment/create} under HTTP Basic, with the diagram and the forms attached in the deploy
 * dialog. A deployment that would break its tasks ({@link DeploymentChecks}) is refused with a 400 listing each
 * problem by element id, and deploys nothing.
 */
@IntegrationTest
class ModelerDeploymentTest {

  private static final String RESOURCE = "application.bpmn";

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

    WebClient.Response deployed = modelerDeploy(organiser(), withItsForm(diagram()));

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
    WebClient.Response form = organiser().get("/engine-rest/task/" + review + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("\"id\": \"review-application\"");
    assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).count()).isEqualTo(2);
  }

  @Test
  void shouldRefuseADiagramWithoutItsFormsNamingEachTaskAndDeployNothing() throws IOException {
    Cohort cohort = testData.openCohort();
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();

    WebClient.Response refused = modelerDeploy(organiser(), alone(diagram()));

    assertThat(refused.status()).isEqualTo(400);
    Map<String, String> problems = problems(refused);
    assertThat(problems).containsOnlyKeys(TASK_REVIEW_APPLICATION, TASK_RESOLVE_DISAGREEMENT, TASK_PLACE_IN_TEAM);
    assertThat(List.of(problems.get(TASK_REVIEW_APPLICATION), problems.get(TASK_RESOLVE_DISAGREEMENT)))
        .allSatisfy(problem -> assertThat(problem)
            .contains("\"review-application\"").contains("Attach forms/review-application.form"));
    assertThat(problems.get(TASK_PLACE_IN_TEAM)).contains("Attach forms/place-in-team.form");
    assertNothingDeployed(previous, deployments);
    ProcessInstance started = process(testData.apply(cohort));
    assertThat(started.getProcessDefinitionId()).isEqualTo(previous.getId());
    testData.executeJobs(started.getId());
    String review = taskService.createTaskQuery().processInstanceId(started.getId()).list().get(0).getId();
    assertThat(organiser().get("/engine-rest/task/" + review + "/deployed-form").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseADiagramNamingADelegateBeanThatDoesNotExist() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String typo = diagram().replace("${aggregateScoresDelegate}", "${aggregateScoreDelegate}");

    WebClient.Response refused = modelerDeploy(organiser(), withItsForm(typo));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).containsOnlyKeys(TASK_AGGREGATE_SCORES);
    assertThat(problems(refused).get(TASK_AGGREGATE_SCORES)).contains("aggregateScoreDelegate");
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldRefuseADiagramWithoutHistoryTimeToLive() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String withoutTtl = diagram().replace(" camunda:historyTimeToLive=\"P365D\"", "");

    WebClient.Response refused = modelerDeploy(organiser(), withItsForm(withoutTtl));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).containsOnlyKeys(ApplicationProcess.KEY);
    assertThat(problems(refused).get(ApplicationProcess.KEY)).contains("camunda:historyTimeToLive");
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldRefuseADiagramThatTasklistWouldOfferToStartWithoutAForm() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String startable = diagram().replace(" camunda:isStartableInTasklist=\"false\"", "");

    WebClient.Response refused = modelerDeploy(organiser(), withItsForm(startable));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).containsOnlyKeys(ApplicationProcess.KEY);
    assertThat(problems(refused).get(ApplicationProcess.KEY)).contains("camunda:isStartableInTasklist=\"false\"");
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldOfferOnlyTheCohortInTasklistsStartProcess() {
    WebClient.Response startable = organiser().get("/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true");
    assertThat(startable.status()).isEqualTo(200);
    assertThat(startable.body()).contains("\"key\":\"cohort\"").doesNotContain("\"key\":\"application\"")
        .doesNotContain("\"key\":\"volunteer\"").doesNotContain("\"key\":\"team\"");
  }

  @Test
  void shouldRefuseADiagramWaitingForAMessageNobodySends() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String typo = diagram().replace("name=\"OfferAnswered\"", "name=\"OfferAnswerd\"");

    WebClient.Response refused = modelerDeploy(organiser(), withItsForm(typo));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).containsOnlyKeys(TASK_AWAIT_ANSWER);
    assertThat(problems(refused).get(TASK_AWAIT_ANSWER)).contains("\"OfferAnswerd\"");
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldRefuseAnExpressionCallingAMethodItsBeanDoesNotHave() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String wrongCall = diagram().replace("${outcome == 'accepted'}",
        "${outcome.startsWith('accepted') and weekCalendar.dueAt(outcome)}");

    WebClient.Response refused = modelerDeploy(organiser(), withItsForm(wrongCall));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(problems(refused)).containsOnlyKeys("SequenceFlow_Accepted");
    assertThat(problems(refused).get("SequenceFlow_Accepted")).contains("dueAt with 1 argument(s)")
        .contains("WeekCalendar").doesNotContain("\n"); // one problem: outcome is a String, which has startsWith
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldListEveryProblemOfADeploymentAtOnce() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String broken = diagram()
        .replace(" camunda:historyTimeToLive=\"P365D\"", "")
        .replace("${aggregateScoresDelegate}", "${aggregateScoreDelegate}")
        .replace("${confirmPlaceDelegate}", "${recordReviewListener}")
        .replace("${outcome == 'accepted'}", "${selectionRules.accepts(outcome)}")
        .replace("name=\"OfferAnswered\"", "name=\"OfferAnswerd\"")
        .replace("id=\"Task_ResolveDisagreement\" name=\"Resolve disagreement with a third review\" "
                + "camunda:formRef=\"review-application\" camunda:formRefBinding=\"deployment\"",
            "id=\"Task_ResolveDisagreement\" name=\"Resolve disagreement with a third review\" "
                + "camunda:formRef=\"tie-break\" camunda:formRefBinding=\"latest\"");

    WebClient.Response refused = modelerDeploy(organiser(), alone(broken));

    assertThat(refused.status()).isEqualTo(400);
    Map<String, String> problems = problems(refused);
    assertThat(problems).containsOnlyKeys(ApplicationProcess.KEY, TASK_REVIEW_APPLICATION,
        TASK_RESOLVE_DISAGREEMENT, TASK_AGGREGATE_SCORES, TASK_CONFIRM_PLACE, "SequenceFlow_Accepted",
        TASK_AWAIT_ANSWER, TASK_PLACE_IN_TEAM);
    assertThat(problems.get(TASK_RESOLVE_DISAGREEMENT)).contains("\"tie-break\"");
    assertThat(problems.get(TASK_CONFIRM_PLACE)).contains("recordReviewListener").contains("JavaDelegate");
    assertThat(problems.get("SequenceFlow_Accepted")).contains("selectionRules");
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldRefuseTheSameDiagramThroughTheJavaApi() throws IOException {
    ProcessDefinition previous = latest();
    long deployments = repositoryService.createDeploymentQuery().count();
    String diagram = diagram();

    assertThatThrownBy(() -> repositoryService.createDeployment().name("mission-control")
        .addString(RESOURCE, diagram).deploy())
        .isInstanceOfSatisfying(ParseException.class, refused -> assertThat(refused.getResorceReports())
            .singleElement().satisfies(report -> assertThat(report.getErrors())
                .extracting(problem -> problem.getMainElementId())
                .containsExactlyInAnyOrder(TASK_REVIEW_APPLICATION, TASK_RESOLVE_DISAGREEMENT, TASK_PLACE_IN_TEAM)));
    assertNothingDeployed(previous, deployments);
  }

  @Test
  void shouldRefuseAReviewerDeployingFromTheModeler() throws IOException {
    ProcessDefinition previous = latest();
    String reviewer = testData.reviewer();

    WebClient.Response refused = modelerDeploy(new WebClient(port).basicAuth(reviewer, reviewer),
        withItsForm(diagram()));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(latest().getId()).isEqualTo(previous.getId());
  }

  private WebClient organiser() {
    String organiser = testData.organiser();
    return new WebClient(port).basicAuth(organiser, organiser);
  }

  /**
   * bpmn/application.bpmn with a change an organiser made in the Modeler, a different one each time: the Modeler asks
   * for duplicate filtering, which would deploy nothing for a diagram deployed before.
   */
  private static String diagram() throws IOException {
    return Files.readString(Path.of("bpmn/application.bpmn")).replace("name=\"Send acknowledgement email\"",
        "name=\"Send acknowledgement email, changed in the Modeler (" + TestData.unique("change") + ")\"");
  }

  /** The diagram alone: what the Modeler deploys unless the forms are attached in its deploy dialog. */
  private static Map<String, byte[]> alone(String diagram) {
    return Map.of(RESOURCE, diagram.getBytes(StandardCharsets.UTF_8));
  }

  /** The diagram with the forms it names, attached in the Modeler's deploy dialog. */
  private static Map<String, byte[]> withItsForm(String diagram) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>(alone(diagram));
    files.put("review-application.form", Files.readAllBytes(Path.of("forms/review-application.form")));
    files.put("place-in-team.form", Files.readAllBytes(Path.of("forms/place-in-team.form")));
    return files;
  }

  /** What Camunda Modeler sends: deployment name and source, duplicate filtering, the files. */
  private static WebClient.Response modelerDeploy(WebClient client, Map<String, byte[]> files) {
    return client.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "mission-control", "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"),
        files);
  }

  /** The refusal's problems with the diagram, by element id (the messages of one element joined). */
  private static Map<String, String> problems(WebClient.Response refused) throws IOException {
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("details").size()).as(refused.body()).isEqualTo(1);
    Map<String, String> problems = new LinkedHashMap<>();
    for (JsonNode error : body.path("details").path(RESOURCE).path("errors")) {
      problems.merge(error.path("mainElementId").asText(), error.path("message").asText(),
          (one, other) -> one + "\n" + other);
    }
    return problems;
  }

  private void assertNothingDeployed(ProcessDefinition previous, long deployments) {
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latest().getId()).isEqualTo(previous.getId());
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
