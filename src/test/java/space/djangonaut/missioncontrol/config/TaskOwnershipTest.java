package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * A reviewer works only on their own tasks (found by a hostile reviewer after issue 10's first round): they cannot
 * claim a review for someone else, complete a review assigned to someone else, or end their review with a BPMN
 * error instead of the form.
 */
@IntegrationTest
class TaskOwnershipTest {

  private static final String ENGINE_REST = "/engine-rest";
  private static final String REVIEW_FORM = "{\"variables\":{\"scoreMotivation\":{\"value\":4},"
      + "\"scoreExperience\":{\"value\":3},\"scoreAvailability\":{\"value\":4},\"scoreCommunity\":{\"value\":5},"
      + "\"recommendation\":{\"value\":\"accept\"}}}";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReviewRepository reviews;

  @Test
  void shouldRefuseAReviewerWhoClaimsTheOtherReviewForAnotherReviewersName() {
    Review review = reviewOfANewApplication();
    String other = testData.reviewerOf(review.cohort());

    WebClient.Response claimed = review.rest().postJson(ENGINE_REST + "/task/" + review.second().getId() + "/claim",
        "{\"userId\":\"" + other + "\"}");

    assertThat(claimed.status()).isEqualTo(400);
    assertThat(claimed.body()).contains(TaskOwnership.NOT_FOR_SOMEONE_ELSE).doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().taskId(review.second().getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void shouldRefuseAReviewerWhoCompletesAReviewAssignedToSomeoneElse() {
    Review review = reviewOfANewApplication();
    String other = testData.reviewerOf(review.cohort());
    taskService.setAssignee(review.second().getId(), other);

    WebClient.Response submitted = review.rest().postJson(
        ENGINE_REST + "/task/" + review.second().getId() + "/submit-form", REVIEW_FORM);

    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.body()).contains(TaskOwnership.NOT_YOURS);
    assertThat(taskService.createTaskQuery().taskId(review.second().getId()).singleResult()).isNotNull();
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(review.application().getId())).isEmpty();
  }

  @Test
  void shouldRefuseAReviewerWhoEndsTheirReviewWithABpmnErrorAndKeepTheReviewOpen() {
    Review review = reviewOfANewApplication();
    String task = review.first().getId();
    assertThat(review.rest().postJson(ENGINE_REST + "/task/" + task + "/claim",
        "{\"userId\":\"" + review.reviewer() + "\"}").status()).isEqualTo(204);

    WebClient.Response error = review.rest().postJson(ENGINE_REST + "/task/" + task + "/bpmnError",
        "{\"errorCode\":\"boom\"}");
    WebClient.Response escalation = review.rest().postJson(ENGINE_REST + "/task/" + task + "/bpmnEscalation",
        "{\"escalationCode\":\"boom\"}");

    assertThat(error.status()).isEqualTo(400);
    assertThat(escalation.status()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult()).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceId(review.process().getId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).count()).isEqualTo(2);
  }

  @Test
  void shouldTellAReviewerThatATaskCompletedMeanwhileIsGone() {
    Review review = reviewOfANewApplication();
    String task = review.first().getId();
    review.rest().postJson(ENGINE_REST + "/task/" + task + "/claim", "{\"userId\":\"" + review.reviewer() + "\"}");
    assertThat(review.rest().postJson(ENGINE_REST + "/task/" + task + "/submit-form", REVIEW_FORM).status())
        .isEqualTo(204);

    WebClient.Response again = review.rest().postJson(ENGINE_REST + "/task/" + task + "/submit-form", REVIEW_FORM);

    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body()).contains("There is no task " + task);
  }

  @Test
  void shouldStillLetAReviewerClaimAndCompleteTheirOwnReview() {
    Review review = reviewOfANewApplication();
    String task = review.first().getId();

    assertThat(review.rest().postJson(ENGINE_REST + "/task/" + task + "/claim",
        "{\"userId\":\"" + review.reviewer() + "\"}").status()).isEqualTo(204);
    assertThat(review.rest().postJson(ENGINE_REST + "/task/" + task + "/submit-form", REVIEW_FORM).status())
        .isEqualTo(204);
    assertThat(reviews.findByApplicationIdOrderByReviewedAt(review.application().getId())).hasSize(1);
  }

  /** A new application's two open review tasks and a reviewer of its cohort with a REST client. */
  private record Review(Cohort cohort, Application application, ProcessInstance process, Task first, Task second,
      String reviewer, WebClient rest) {}

  private Review reviewOfANewApplication() {
    Cohort cohort = testData.openCohort();
    Application application = testData.apply(cohort);
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ApplicationProcess.KEY).processInstanceBusinessKey(application.getId().toString())
        .singleResult();
    testData.executeJobs(process.getId());
    var tasks = taskService.createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list();
    String reviewer = testData.reviewerOf(cohort);
    return new Review(cohort, application, process, tasks.get(0), tasks.get(1), reviewer,
        new WebClient(port).basicAuth(reviewer, reviewer));
  }
}
