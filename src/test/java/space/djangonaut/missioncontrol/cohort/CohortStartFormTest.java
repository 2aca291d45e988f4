package space.djangonaut.missioncontrol.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;

/** An organiser opens a cohort from Tasklist's start form (forms/open-cohort.form), as Tasklist submits it. */
@IntegrationTest
class CohortStartFormTest {

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired CohortRepository cohorts;
  @Autowired CohortReviewers reviewers;
  @Autowired TestData testData;

  @Test
  void shouldCreateTheCohortAndKeyTheProcessByItsSlugFromTheStartForm() {
    String slug = TestData.unique("tasklist");
    LocalDate today = LocalDate.now();

    ProcessInstance process = formService.submitStartForm(definitionId(), startForm(slug, today.toString(),
        today.plusDays(20).toString(), today.plusDays(50).toString()));

    assertThat(process.getBusinessKey()).isEqualTo(slug);
    Cohort cohort = cohorts.findBySlug(slug).orElseThrow();
    assertThat(cohort.getWeeks()).isEqualTo(8);
    assertThat(cohort.getCapacity()).isEqualTo(18);
    assertThat(cohort.getApplicationsCloseOn()).isEqualTo(today.plusDays(20));
    assertThat(formService.getStartFormData(definitionId()).getCamundaFormRef().getKey()).isEqualTo("open-cohort");
  }

  @Test
  void shouldRefuseAStartFormWithTheReasonAndCreateNothing() {
    String slug = TestData.unique("tasklist");
    LocalDate today = LocalDate.now();
    Map<String, Object> backwards = startForm(slug, today.toString(), today.minusDays(1).toString(),
        today.plusDays(50).toString());

    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), backwards))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Applications must close on or after the day they open.");
    assertThat(cohorts.findBySlug(slug)).isEmpty();
  }

  @Test
  void shouldGiveTheCohortTheReviewersNamedOnTheStartFormWithoutCamundaAdmin() {
    String rosa = testData.reviewer();
    String ravi = testData.reviewer();
    String slug = TestData.unique("tasklist");
    LocalDate today = LocalDate.now();
    Map<String, Object> form = startForm(slug, today.toString(), today.plusDays(20).toString(),
        today.plusDays(50).toString());
    form.put("reviewers", rosa + ", " + ravi);

    formService.submitStartForm(definitionId(), form);

    Cohort cohort = cohorts.findBySlug(slug).orElseThrow();
    assertThat(reviewers.ableToReview(cohort)).containsExactlyInAnyOrder(rosa, ravi);
    assertThat(reviewers.of(cohort).text()).isEqualTo(rosa + ", " + ravi);
  }

  @Test
  void shouldGiveANewCohortTheGroupReviewersUnlessTheFormSaysOtherwise() {
    String slug = TestData.unique("tasklist");
    LocalDate today = LocalDate.now();

    formService.submitStartForm(definitionId(), startForm(slug, today.toString(), today.plusDays(20).toString(),
        today.plusDays(50).toString()));

    assertThat(reviewers.of(cohorts.findBySlug(slug).orElseThrow()).group()).isEqualTo(Roles.REVIEWERS);
  }

  @Test
  void shouldRefuseReviewersWhoDoNotExistAndCreateNothing() {
    String slug = TestData.unique("tasklist");
    LocalDate today = LocalDate.now();
    Map<String, Object> form = startForm(slug, today.toString(), today.plusDays(20).toString(),
        today.plusDays(50).toString());
    form.put("reviewers", testData.reviewer() + ", nobody-by-this-name");

    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), form))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("reviewers: There is no user \"nobody-by-this-name\"");
    assertThat(cohorts.findBySlug(slug)).isEmpty();
  }

  private String definitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(CohortProcess.KEY)
        .latestVersion().singleResult().getId();
  }

  /** What the form-js start form submits: dates as text, numbers as Long; weeks left at its default. */
  private static Map<String, Object> startForm(String slug, String opens, String closes, String starts) {
    Map<String, Object> form = new HashMap<>();
    form.put("name", "Session from Tasklist");
    form.put("slug", slug);
    form.put("applicationsOpenOn", opens);
    form.put("applicationsCloseOn", closes);
    form.put("startsOn", starts);
    form.put("capacity", 18L);
    return form;
  }
}
