package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_NEW_YORK;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_THE_FALLBACK;
import static space.djangonaut.missioncontrol.application.BerlinReviews.IN_TOKYO;
import static space.djangonaut.missioncontrol.application.BerlinReviews.STARTS_ON;

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
import org.springframework.web.util.HtmlUtils;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerForm;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/**
 * Issue 12: everyone sets the zone they read availability in on {@code /my/settings} (an organiser may set it for an
 * account on {@code /organiser/accounts}); the forms they already hold are drawn again in it; a zone the forms do
 * not offer is refused with the field and the reason, and the zone before stays; an account without one reads in
 * the fallback, {@code missioncontrol.display-zone} (UTC in the tests).
 */
@IntegrationTest
class DisplayZoneSettingsTest {

  private static final String SETTINGS = "/my/settings";

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired BerlinReviews berlin;
  @Autowired VolunteerService volunteers;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void shouldDrawAHeldReviewAgainWhenItsReviewerChoosesAnotherZoneOnTheirSettingsPage() throws IOException {
    String reviewer = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(reviewer + ", " + testData.reviewer()));
    Task review = berlin.reviewsOf(application).get(0);
    berlin.claim(reviewer, review);
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_THE_FALLBACK);
    WebClient browser = client(reviewer);
    assertThat(browser.get(SETTINGS).body()).contains("<option value=\"\" selected=\"selected\">The default (UTC)");

    WebClient.Response saved = chooseZone(browser, "Asia/Tokyo");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_TOKYO);
    assertThat(text(browser.get(SETTINGS).body())).contains("You now read availability in Asia/Tokyo, with UTC "
        + "alongside.");
    assertThat(browser.get(SETTINGS).body()).contains("<option value=\"Asia/Tokyo\" selected=\"selected\">");
  }

  @Test
  void shouldRefuseAZoneOutsideTheOfferedListWithTheFieldAndReasonAndKeepTheZoneBefore() throws IOException {
    String reviewer = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(reviewer + ", " + testData.reviewer()));
    WebClient browser = client(reviewer);
    assertThat(chooseZone(browser, "Asia/Tokyo").status()).isEqualTo(302);
    Task review = berlin.reviewsOf(application).get(0);
    berlin.claim(reviewer, review);

    // java.time knows it, but the forms do not offer it (no region/city, no iCalendar VTIMEZONE).
    WebClient.Response refused = chooseZone(browser, "SystemV/EST5EDT");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(text(refused.body())).contains("zone: \"SystemV/EST5EDT\" is not one of the offered time zones;"
        + " choose one from the list (such as Europe/Berlin or America/New_York).");
    assertThat(refused.body()).contains("<option value=\"Asia/Tokyo\" selected=\"selected\">");
    assertThat(identityService.getUserInfo(reviewer, "timeZone")).isEqualTo("Asia/Tokyo");
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_TOKYO);

    WebClient organiser = client(testData.organiser());
    WebClient.Response noAccount = organiser.postForm("/organiser/accounts/zone", WebClient.form(
        organiser.get("/organiser/accounts"), Map.of("userId", List.of("nobody-here"), "zone",
            List.of("Asia/Tokyo"))));
    assertThat(noAccount.status()).isEqualTo(400);
    assertThat(text(noAccount.body())).contains("userId: there is no account \"nobody-here\".");
    WebClient.Response notOffered = organiser.postForm("/organiser/accounts/zone", WebClient.form(
        organiser.get("/organiser/accounts"), Map.of("userId", List.of(reviewer), "zone", List.of("Mars/Base"))));
    assertThat(notOffered.status()).isEqualTo(400);
    assertThat(text(notOffered.body())).contains("zone: \"Mars/Base\" is not one of the offered time zones");
    assertThat(identityService.getUserInfo(reviewer, "timeZone")).isEqualTo("Asia/Tokyo");
  }

  @Test
  void shouldShowTheFallbackToAnAccountWithoutAZoneAndAgainWhenItChoosesTheDefault() throws IOException {
    String reviewer = testData.reviewer();
    Application application = berlin.appliedFromBerlin(berlin.cohortReviewedBy(reviewer + ", " + testData.reviewer()));
    Task review = berlin.reviewsOf(application).get(0);
    berlin.claim(reviewer, review);
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_THE_FALLBACK);
    WebClient browser = client(reviewer);
    chooseZone(browser, "Asia/Tokyo");
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_TOKYO);

    assertThat(chooseZone(browser, "").status()).isEqualTo(302);

    assertThat(identityService.getUserInfo(reviewer, "timeZone")).isNull();
    assertThat(berlin.availabilityOnForm(reviewer, review)).isEqualTo(IN_THE_FALLBACK);
    assertThat(text(browser.get(SETTINGS).body())).contains("You now read availability in UTC, the default.");
  }

  @Test
  void shouldShowTheApprovalFormInTheZoneAnOrganiserSetForTheAccountThatClaimsIt() {
    String jeff = testData.organiser();
    WebClient olga = client(testData.organiser());
    WebClient.Response set = olga.postForm("/organiser/accounts/zone", WebClient.form(
        olga.get("/organiser/accounts"), Map.of("userId", List.of(jeff), "zone", List.of("America/New_York"))));
    assertThat(set.status()).isEqualTo(302);
    Cohort cohort = berlin.cohortReviewedBy(testData.reviewer() + ", " + testData.reviewer());
    Volunteer volunteer = volunteers.signUp(cohort.getSlug(), navigatorFromBerlin());
    String process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        volunteer.getId().toString()).processDefinitionKey("volunteer").singleResult().getId();
    testData.executeJobs(process);
    Task approval = taskService.createTaskQuery().processInstanceId(process)
        .taskDefinitionKey("Task_ApproveVolunteer").singleResult();
    assertThat(taskService.getVariableLocal(approval.getId(), "volunteerAvailability")).isEqualTo(IN_THE_FALLBACK);

    taskService.claim(approval.getId(), jeff);

    assertThat(taskService.getVariableLocal(approval.getId(), "volunteerAvailability")).isEqualTo(IN_NEW_YORK);
  }

  private static VolunteerForm navigatorFromBerlin() {
    VolunteerForm form = new VolunteerForm();
    form.setName("Nadia Navigator");
    form.setEmail(TestData.uniqueEmail());
    form.setRole(VolunteerRole.NAVIGATOR);
    form.setProjects(List.of("Django core"));
    form.setTimezone("Europe/Berlin");
    form.setAvailability(List.of("MON-18"));
    form.setCapacity(3);
    form.setMotivation("I was a Djangonaut last year.");
    form.setCodeOfConductAccepted(true);
    return form;
  }

  private static WebClient.Response chooseZone(WebClient browser, String zone) {
    return browser.postForm(SETTINGS, WebClient.form(browser.get(SETTINGS), Map.of("zone", List.of(zone))));
  }

  private WebClient client(String user) {
    return new WebClient(port).basicAuth(user, user);
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
  }
}
