package space.djangonaut.missioncontrol.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;

/** The fields of a task's form as the engine resolves it, whoever asks. */
@IntegrationTest
class TaskFormFieldsIntegrationTest {

  private static final Set<String> REVIEW_SCORES =
      Set.of("scoreMotivation", "scoreExperience", "scoreAvailability", "scoreCommunity", "recommendation");

  @Autowired TaskFormFields fields;
  @Autowired TestData testData;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void shouldGiveAReviewTaskTheFieldsOfTheReviewFormDeployedWithItsDiagram() {
    Application application = testData.apply(testData.openCohort());
    String process = runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId();
    testData.executeJobs(process);
    String task = taskService.createTaskQuery().processInstanceId(process).list().get(0).getId();

    assertThat(fields.of(task).orElseThrow()).containsAll(REVIEW_SCORES).contains("applicantMotivation")
        .doesNotContain("applicationId");
  }

  @Test
  void shouldGiveNoFieldsToAnUnknownTask() {
    assertThat(fields.of("no-such-task")).isEqualTo(Optional.empty());
  }
}
