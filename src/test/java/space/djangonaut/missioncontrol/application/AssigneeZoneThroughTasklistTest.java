package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Issue 12, the review form drawn for its assignee, through the other ways Tasklist and Cockpit change who holds a
 * task (the engine's REST API, as they call it), and a zone chosen while holding a task the engine will not let be
 * changed. {@code ReviewerOwnZoneTest} has claim and unclaim.
 */
@IntegrationTest
class AssigneeZoneThroughTasklistTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired BerlinReviews berlin;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void shouldDrawTheReviewForTheReviewerAnOrganiserSetsAsAssignee() throws IOException {
    String organiser = testData.organiser();
    String tokyo = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(tokyo + ", " + testData.reviewer()));
    identityService.setUserInfo(tokyo, "timeZone", "Asia/Tokyo");
    Task review = berlin.reviewsOf(application).get(0);

    assertThat(rest(organiser).postJson("/engine-rest/task/" + review.getId() + "/assignee",
        "{\"userId\":\"" + tokyo + "\"}").status()).isEqualTo(204);

    assertThat(berlin.availabilityOnForm(tokyo, review)).isEqualTo(BerlinReviews.IN_TOKYO);
    assertThat(rest(organiser).postJson("/engine-rest/task/" + review.getId() + "/assignee",
        "{\"userId\":null}").status()).isEqualTo(204);
    assertThat(taskService.getVariableLocal(review.getId(), "applicantAvailability"))
        .isEqualTo(BerlinReviews.IN_THE_FALLBACK);
  }

  @Test
  void shouldDrawTheReviewForTheOrganiserItIsDelegatedTo() throws IOException {
    String organiser = testData.organiser();
    String newYork = testData.organiser();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(testData.reviewer() + ", " + testData.reviewer()));
    identityService.setUserInfo(newYork, "timeZone", "America/New_York");
    Task review = berlin.reviewsOf(application).get(0);

    WebClient.Response delegated = rest(organiser).postJson("/engine-rest/task/" + review.getId() + "/delegate",
        "{\"userId\":\"" + newYork + "\"}");

    assertThat(delegated.status()).isEqualTo(204);
    assertThat(berlin.availabilityOnForm(newYork, review)).isEqualTo(BerlinReviews.IN_NEW_YORK);
  }

  @Test
  void shouldKeepTheZoneChosenByAReviewerWhoHoldsAReviewOfASuspendedApplication() throws IOException {
    String tokyo = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(tokyo + ", " + testData.reviewer()));
    Task review = berlin.reviewsOf(application).get(0);
    assertThat(rest(tokyo).postJson("/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\":\"" + tokyo + "\"}").status()).isEqualTo(204);
    runtimeService.suspendProcessInstanceById(review.getProcessInstanceId());
    WebClient browser = rest(tokyo);

    WebClient.Response saved = browser.postForm("/my/settings",
        WebClient.form(browser.get("/my/settings"), Map.of("zone", List.of("Asia/Tokyo"))));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(identityService.getUserInfo(tokyo, "timeZone")).isEqualTo("Asia/Tokyo");
  }

  @Test
  void shouldRefuseAHugeOrUnicodeZoneWithTheFieldAndKeepTheZoneBefore() {
    String reviewer = testData.reviewer();
    identityService.setUserInfo(reviewer, "timeZone", "Asia/Tokyo");
    WebClient browser = rest(reviewer);
    for (String zone : List.of("Europe/Berlin\u0000", "Ásia/Tōkyō", "Europe/" + "B".repeat(30_000), "\u202eUTC")) {
      WebClient.Response refused = browser.postForm("/my/settings",
          WebClient.form(browser.get("/my/settings"), Map.of("zone", List.of(zone))));
      assertThat(refused.status()).as(zone.length() > 40 ? "a huge zone" : zone).isEqualTo(400);
      assertThat(refused.body()).contains("zone-error").doesNotContain("B".repeat(100));
      assertThat(identityService.getUserInfo(reviewer, "timeZone")).isEqualTo("Asia/Tokyo");
    }
  }

  @Test
  void shouldNotLetAReviewerChooseTheZoneOfAnotherAccount() {
    String reviewer = testData.reviewer();
    String other = testData.reviewer();
    identityService.setUserInfo(other, "timeZone", "Asia/Tokyo");
    WebClient browser = rest(reviewer);

    WebClient.Response organisersPage = browser.postForm("/organiser/accounts/zone", WebClient.form(
        browser.get("/my/settings"), Map.of("userId", List.of(other), "zone", List.of("America/New_York"))));
    WebClient.Response ownPage = browser.postForm("/my/settings", WebClient.form(browser.get("/my/settings"),
        Map.of("userId", List.of(other), "zone", List.of("America/New_York"))));
    WebClient.Response withoutToken = browser.postForm("/my/settings", Map.of("zone", List.of("Europe/Berlin")));

    assertThat(organisersPage.status()).isEqualTo(403);
    assertThat(ownPage.status()).as("their own zone").isEqualTo(302);
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(identityService.getUserInfo(other, "timeZone")).isEqualTo("Asia/Tokyo");
    assertThat(identityService.getUserInfo(reviewer, "timeZone")).isEqualTo("America/New_York");
  }

  @Test
  void shouldRefuseAnAccountNameWithAControlCharacterWithTheField() {
    String organiser = testData.organiser();
    String reviewer = testData.reviewer();
    WebClient browser = rest(organiser);

    WebClient.Response refused = browser.postForm("/organiser/accounts/zone", WebClient.form(
        browser.get("/organiser/accounts"), Map.of("userId", List.of(reviewer + "\u0000"),
            "zone", List.of("Asia/Tokyo"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("userId: there is no account");
    assertThat(identityService.getUserInfo(reviewer, "timeZone")).isNull();
  }

  WebClient rest(String user) {
    return new WebClient(port).basicAuth(user, user);
  }
}
