package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * A user named as one cohort's reviewer reaches that cohort's reviews, through {@code /engine-rest} (Tasklist's
 * authorizations), and no other cohort's; and a change of a cohort's reviewers replaces who is offered its reviews.
 */
@IntegrationTest
class CohortReviewerAccessTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Accounts accounts;
  @Autowired CohortReviewers cohortReviewers;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void shouldShowAUserNamedForOneCohortThatCohortsReviewsOnlyAndNoneOnceReplaced() throws IOException {
    String outsider = user("outsider");
    String successor = user("successor");
    Cohort reviewedByGroup = testData.openCohortReviewedBy(Roles.REVIEWERS);
    Cohort reviewedByOutsider = testData.openCohortReviewedBy(outsider + ", " + user("colleague"));
    Task taskOfGroup = firstReview(testData.apply(reviewedByGroup));
    Task taskOfOutsider = firstReview(testData.apply(reviewedByOutsider));
    WebClient rest = new WebClient(port).basicAuth(outsider, outsider);

    List<String> visible = reviewTasks(rest);
    assertThat(visible).contains(taskOfOutsider.getId()).doesNotContain(taskOfGroup.getId());
    assertThat(tenantsOf(rest)).containsOnly(CohortReviewers.tenantId(reviewedByOutsider.getId()));
    assertThat(rest.get("/engine-rest/task/" + taskOfGroup.getId() + "/form-variables").status()).isNotEqualTo(200);
    assertThat(rest.postJson("/engine-rest/task/" + taskOfGroup.getId() + "/claim",
        "{\"userId\":\"" + outsider + "\"}").status()).isNotEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskOfGroup.getId()).singleResult().getAssignee()).isNull();
    assertThat(rest.get("/engine-rest/task/" + taskOfOutsider.getId() + "/form-variables").body())
        .contains("applicantMotivation");
    assertThat(rest.get("/engine-rest/filter").body()).contains(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW);
    assertThat(identityService.createUserQuery().userId(outsider).memberOfGroup(Roles.REVIEWERS).count()).isZero();

    cohortReviewers.assign(reviewedByOutsider, successor + ", " + user("colleague"));

    assertThat(reviewTasks(rest)).isEmpty();
    assertThat(rest.get("/engine-rest/task/" + taskOfOutsider.getId() + "/form-variables").status())
        .isNotEqualTo(200);
    assertThat(rest.postJson("/engine-rest/task/" + taskOfOutsider.getId() + "/claim",
        "{\"userId\":\"" + outsider + "\"}").status()).isNotEqualTo(204);
    assertThat(rest.get("/engine-rest/filter").body()).doesNotContain(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW);
    assertThat(identityService.createUserQuery().userId(outsider).memberOfGroup(Roles.REVIEWERS).count()).isZero();
    WebClient successorRest = new WebClient(port).basicAuth(successor, successor);
    assertThat(reviewTasks(successorRest)).contains(taskOfOutsider.getId()).doesNotContain(taskOfGroup.getId());
  }

  @Test
  void shouldOfferAnOpenReviewToTheNewGroupOnlyWhenACohortsReviewersChangeFromAGroupToAnother() {
    String before = group("before");
    String after = group("after");
    Cohort cohort = testData.openCohortReviewedBy(before);
    Task review = firstReview(testData.apply(cohort));
    assertThat(candidateGroups(review)).containsExactly(before);

    cohortReviewers.assign(cohort, after);

    assertThat(candidateGroups(review)).containsExactly(after);
  }

  private String user(String prefix) {
    String id = TestData.uniqueUserId(prefix);
    accounts.ensureUser(id, id, "Otto", "Outsider", id + "@example.org");
    return id;
  }

  /** A group with one member, so that the cohort has someone able to review. */
  private String group(String prefix) {
    String id = TestData.uniqueUserId(prefix);
    Group group = identityService.newGroup(id);
    group.setName(id);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    identityService.createMembership(user(prefix + "m"), id);
    return id;
  }

  private Task firstReview(Application application) {
    ProcessInstance process = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
    testData.executeJobs(process.getId());
    return taskService.createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list().get(0);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
  }

  private static List<String> reviewTasks(WebClient rest) throws IOException {
    return field(rest, "id");
  }

  private static List<String> tenantsOf(WebClient rest) throws IOException {
    return field(rest, "tenantId");
  }

  private static List<String> field(WebClient rest, String name) throws IOException {
    WebClient.Response response = rest.get("/engine-rest/task?processDefinitionKey=" + ApplicationProcess.KEY
        + "&maxResults=1000");
    assertThat(response.status()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    for (JsonNode task : new ObjectMapper().readTree(response.body())) {
      values.add(task.path(name).asText(null));
    }
    return values;
  }
}
