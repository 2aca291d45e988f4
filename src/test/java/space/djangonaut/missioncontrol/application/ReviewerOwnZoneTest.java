package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_NEW_YORK;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_THE_FALLBACK;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_TOKYO;

import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired BerlinReviews berlin;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void shouldShowEachReviewerTheApplicantsAvailabilityInTheirOwnZoneWithUtcAlongside() throws IOException {
    String tokyo = testData.reviewer();
    String newYork = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(tokyo + ", " + newYork));
    List<Task> reviews = berlin.reviewsOf(application);
    // The reviews were drawn when the application came in, before either reviewer chose a zone.
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    identityService.setUserInfo(newYork, "timeZone", "America/New_York");

    berlin.claim(tokyo, reviews.get(0));
    berlin.claim(newYork, reviews.get(1));

    assertThat(berlin.availabilityOnForm(tokyo, reviews.get(0))).isEqualTo(IN_TOKYO);
    assertThat(berlin.availabilityOnForm(newYork, reviews.get(1))).isEqualTo(IN_NEW_YORK);
  }

  @Test
  void shouldDrawTheReviewAgainForTheReviewerWhoClaimsItAfterAnother() throws IOException {
    String tokyo = testData.reviewer();
    String newYork = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(tokyo + ", " + newYork));
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    identityService.setUserInfo(newYork, "timeZone", "America/New_York");
    Task review = berlin.reviewsOf(application).get(0);
    berlin.claim(tokyo, review);
    assertThat(berlin.availabilityOnForm(tokyo, review)).isEqualTo(IN_TOKYO);

    assertThat(rest(tokyo).postJson("/engine-rest/task/" + review.getId() + "/unclaim", "{}").status())
        .isEqualTo(204);
    assertThat(taskService.getVariableLocal(review.getId(), "applicantAvailability")).as("held by nobody: the fallback")
        .isEqualTo(IN_THE_FALLBACK);
    berlin.claim(newYork, review);

    assertThat(berlin.availabilityOnForm(newYork, review)).isEqualTo(IN_NEW_YORK);
  }

  /**
   * A reviewer who reads in the zone the form was drawn in (here the fallback, as most reviewers) finds it as it
   * was: claiming draws nothing again, so the claim costs no work and history keeps one copy of the answers.
   */
  @Test
  void shouldNotDrawTheReviewAgainForAReviewerWhoReadsInTheZoneItWasDrawnIn() throws IOException {
    String reviewer = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(reviewer + ", " + testData.reviewer()));
    Task review = berlin.reviewsOf(application).get(0);

    berlin.claim(reviewer, review);

    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_THE_FALLBACK);
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
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(tokyo + ", " + other));
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    Task review = berlin.reviewsOf(application).get(0);
    berlin.claim(tokyo, review);
    assertThat(berlin.availabilityOnForm(tokyo, review)).isEqualTo(IN_TOKYO);

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

  WebClient rest(String user) {
    return new WebClient(port).basicAuth(user, user);
  }
}
