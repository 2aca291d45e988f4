package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Issue 12: "Reviewers and organisers see availability in their own zone, with UTC alongside". The fault: every
 * reviewer read availability in the organisers' single zone ({@code missioncontrol.display-zone}, UTC here), not
 * their own. Through the engine's REST API, as Tasklist claims a task and reads its form. The zone is set on the
 * account the way Mission Control keeps it (the Camunda user info {@code timeZone}); the settings page that sets it
 * is {@code DisplayZoneSettingsTest}'s.
 */
@IntegrationTest
class ReviewerOwnZoneTest {

  /** A cohort in January, when Berlin, New York and Tokyo all keep winter time. */
  static final LocalDate STARTS_ON = LocalDate.of(2031, 1, 31);
  static final String IN_TOKYO = "Mon 18-21 (Europe/Berlin); Asia/Tokyo: Tue 02:00-05:00;"
      + " UTC: Mon 17:00-20:00 (week from 31 January 2031)";
  static final String IN_NEW_YORK = "Mon 18-21 (Europe/Berlin); America/New_York: Mon 12:00-15:00;"
      + " UTC: Mon 17:00-20:00 (week from 31 January 2031)";
  static final String IN_THE_FALLBACK = "Mon 18-21 (Europe/Berlin); UTC: Mon 17:00-20:00 (week from 31 January 2031)";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired CohortService cohorts;
  @Autowired ApplicationService applications;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void shouldShowEachReviewerTheApplicantsAvailabilityInTheirOwnZoneWithUtcAlongside() throws IOException {
    String tokyo = testData.reviewer();
    String newYork = testData.reviewer();
    Application application = appliedFromBerlin(cohortReviewedBy(tokyo + ", " + newYork));
    List<Task> reviews = reviewsOf(application);
    // The reviews were drawn when the application came in, before either reviewer chose a zone.
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    identityService.setUserInfo(newYork, "timeZone", "America/New_York");

    claim(tokyo, reviews.get(0));
    claim(newYork, reviews.get(1));

    assertThat(availabilityOnForm(tokyo, reviews.get(0))).isEqualTo(IN_TOKYO);
    assertThat(availabilityOnForm(newYork, reviews.get(1))).isEqualTo(IN_NEW_YORK);
  }

  @Test
  void shouldDrawTheReviewAgainForTheReviewerWhoClaimsItAfterAnother() throws IOException {
    String tokyo = testData.reviewer();
    String newYork = testData.reviewer();
    Application application = appliedFromBerlin(cohortReviewedBy(tokyo + ", " + newYork));
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    identityService.setUserInfo(newYork, "timeZone", "America/New_York");
    Task review = reviewsOf(application).get(0);
    claim(tokyo, review);
    assertThat(availabilityOnForm(tokyo, review)).isEqualTo(IN_TOKYO);

    assertThat(rest(tokyo).postJson("/engine-rest/task/" + review.getId() + "/unclaim", "{}").status())
        .isEqualTo(204);
    assertThat(taskService.getVariableLocal(review.getId(), "applicantAvailability")).as("held by nobody: the fallback")
        .isEqualTo(IN_THE_FALLBACK);
    claim(newYork, review);

    assertThat(availabilityOnForm(newYork, review)).isEqualTo(IN_NEW_YORK);
  }

  /**
   * A reviewer who reads in the zone the form was drawn in (here the fallback, as most reviewers) finds it as it
   * was: claiming draws nothing again, so the claim costs no work and history keeps one copy of the answers.
   */
  @Test
  void shouldNotDrawTheReviewAgainForAReviewerWhoReadsInTheZoneItWasDrawnIn() throws IOException {
    String reviewer = testData.reviewer();
    Application application = appliedFromBerlin(cohortReviewedBy(reviewer + ", " + testData.reviewer()));
    Task review = reviewsOf(application).get(0);

    claim(reviewer, review);

    assertThat(availabilityOnForm(reviewer, review)).isEqualTo(IN_THE_FALLBACK);
    assertThat(jdbc.queryForObject("select rev_ from act_ru_variable where task_id_ = ? and name_ = ?",
        Integer.class, review.getId(), "applicantAvailability")).as("the variable's revision: never written again")
        .isEqualTo(1);
  }

  /**
   * Issue 14: what a review form shows read-only is drawn from the application whenever needed; the engine keeps no
   * history of it (before: each of the two reviews wrote its 12 variables twice to history, at creation and again on
   * every redraw), while what the reviewer writes keeps its history.
   */
  @Test
  void shouldKeepNoHistoryOfTheAnswersAReviewShowsButKeepTheReviewersScores() throws IOException {
    String tokyo = testData.reviewer();
    String other = testData.reviewer();
    Application application = appliedFromBerlin(cohortReviewedBy(tokyo + ", " + other));
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    Task review = reviewsOf(application).get(0);
    claim(tokyo, review);
    assertThat(availabilityOnForm(tokyo, review)).isEqualTo(IN_TOKYO);

    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(review.getId()).list())
        .as("the task's own variables in history").isEmpty();
    assertThat(historyService.createHistoricDetailQuery().taskId(review.getId()).list())
        .as("their updates in history").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ like ?",
        Integer.class, review.getProcessInstanceId(), "applicant%")).as("the answers anywhere in history").isZero();

    String scores = "{\"variables\":{\"scoreMotivation\":{\"value\":4},\"scoreExperience\":{\"value\":3},"
        + "\"scoreAvailability\":{\"value\":5},\"scoreCommunity\":{\"value\":4},"
        + "\"recommendation\":{\"value\":\"accept\"},\"reviewComment\":{\"value\":\"Clear motivation\"}}}";
    assertThat(rest(tokyo).postJson("/engine-rest/task/" + review.getId() + "/submit-form", scores).status())
        .isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(review.getProcessInstanceId())
        .variableName("reviewComment").list()).as("what the reviewer wrote, in history")
        .extracting(v -> v.getValue()).contains("Clear motivation");
  }

  /** A cohort starting on {@link #STARTS_ON}, open for applications today. */
  Cohort cohortReviewedBy(String reviewers) {
    CohortForm form = TestData.cohortForm("Zones " + TestData.unique("c"), TestData.unique("zones"));
    form.setStartsOn(STARTS_ON);
    form.setCapacity(2);
    form.setReviewers(reviewers);
    return cohorts.create(form);
  }

  /** An applicant in Berlin, free on Mondays 18-21 on their own clock; their two reviews are open. */
  Application appliedFromBerlin(Cohort cohort) {
    ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
    form.setTimezone("Europe/Berlin");
    form.setAvailability(List.of("MON-18"));
    Application application = applications.submit(cohort.getSlug(), form);
    testData.executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId());
    return application;
  }

  List<Task> reviewsOf(Application application) {
    return taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey("Task_ReviewApplication").orderByTaskId().asc().list();
  }

  void claim(String reviewer, Task task) {
    assertThat(rest(reviewer).postJson("/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + reviewer + "\"}").status()).isEqualTo(204);
  }

  /** What the review form shows the reviewer as the applicant's availability, read as Tasklist reads it. */
  String availabilityOnForm(String reviewer, Task task) throws IOException {
    WebClient.Response variables = rest(reviewer).get("/engine-rest/task/" + task.getId() + "/form-variables");
    assertThat(variables.status()).isEqualTo(200);
    return new ObjectMapper().readTree(variables.body()).path("applicantAvailability").path("value").asText();
  }

  WebClient rest(String user) {
    return new WebClient(port).basicAuth(user, user);
  }
}
