package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.ProposedTeams.Fixture;

/**
 * Teams only proposed (Task_ConfirmTeams open) are the organisers' draft, not yet anyone's team (issue 11 review,
 * findings 6 and 7): a Navigator neither sees them nor their people's contacts on {@code /my/teams}, nor steps down
 * from them.
 */
@IntegrationTest
class ProposedTeamsTest {

  @LocalServerPort int port;
  @Autowired ProposedTeams proposed;
  @Autowired CohortDriver driver;
  @Autowired TeamRepository teams;
  @Autowired StepDownRepository stepDowns;
  @Autowired TeamMemberRepository members;
  @Autowired TaskService taskService;
  @Autowired TestData testData;
  @Autowired OutboxEmailRepository outbox;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Finding 6: Navigator nadia saw Teams 1-3 and their contacts, and stepping down said "the weeks are over". */
  @Test
  void shouldShowAVolunteerNoProposedTeamNorItsContactsAndRefuseToStepDownFromItInPlainWords() {
    Fixture f = proposed.formed(false);
    long team1 = team(f, "Team 1");
    WebClient navigator = signedIn(f.eveningNavigator().getUserId());

    String mine = navigator.get("/my/teams").body();

    assertThat(mine).doesNotContain("/my/teams/" + team1).doesNotContain("Step down")
        .contains("The teams of " + f.run().cohort().getName() + " are being formed")
        .contains("You get an email with your team once they are confirmed");
    WebClient.Response roster = navigator.get("/my/teams/" + team1);
    assertThat(roster.status()).isEqualTo(404);
    assertThat(roster.body()).doesNotContain(f.evening().get(0).getEmail());

    WebClient.Response stepDown = navigator.postForm("/my/teams/" + team1 + "/step-down",
        WebClient.form(navigator.get("/login"), Map.of("volunteerId", List.of("" + f.eveningNavigator().getId()))));

    assertThat(stepDown.status()).isEqualTo(302);
    assertThat(TeamPageTest.text(navigator.get("/my/teams").body()))
        .contains("You cannot step down from Team 1 yet: the teams of " + f.run().cohort().getName()
            + " are only proposed, and an organiser has not confirmed them. Nothing was recorded.")
        .doesNotContain("are over");
    assertThat(stepDowns.findByTeamIdOrderById(team1)).isEmpty();

    driver.confirmTeams(f.run());

    String confirmed = navigator.get("/my/teams").body();
    assertThat(confirmed).contains("/my/teams/" + team1).contains("Step down from this team (as Navigator)")
        .doesNotContain("are being formed");
    assertThat(navigator.get("/my/teams/" + team1).status()).isEqualTo(200);
  }

  /**
   * Finding 7: an emptied Team 2 could only be confirmed anyway, and then ran its weeks for nobody while its
   * Navigator got "meet your team" with empty lists and never heard they had no team.
   */
  @Test
  void shouldNeverConfirmATeamWithoutDjangonautsAndLetTheOrganiserDisbandATeamOrTakeADjangonautOut() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();
    change(organiser, f, "start", Map.of("navigatorId", "" + f.spareNavigator().getId(), "project", ""));
    long team3 = team(f, "Team 3");

    WebClient.Response page = organiser.get(f.page());
    WebClient.Response refused = organiser.postForm(f.page() + "/confirm", WebClient.form(page,
        Map.of("taskId", List.of(TeamPageTest.taskId(page)), "confirmAnyway", List.of("true"))));

    assertThat(refused.status()).isEqualTo(400);
    String reason = "Team 3 has no Djangonaut, and a team without Djangonauts is never confirmed, not even anyway. "
        + "Disband it on the team page";
    assertThat(TeamPageTest.text(refused.body())).contains(reason);
    assertThatThrownBy(() -> taskService.complete(proposed.confirmTask(f).getId(),
        Map.of("teamAdjustments", "", "confirmAnyway", true))).hasMessageContaining(reason);
    assertThat(proposed.confirmTask(f)).isNotNull();

    // Taking a Djangonaut out, and disbanding a team: they are in no team, its Navigator is free.
    assertThat(change(organiser, f, "take-out", Map.of("applicationId", "" + f.evening().get(0).getId())))
        .contains(f.evening().get(0).getName() + " (#" + f.evening().get(0).getId() + ") is out of Team 1");
    assertThat(members.findByApplicationId(f.evening().get(0).getId())).isEmpty();
    change(organiser, f, "move", Map.of("applicationId", "" + f.evening().get(0).getId(),
        "teamId", "" + team(f, "Team 1")));
    assertThat(change(organiser, f, "disband", Map.of("teamId", "" + team(f, "Team 2"))))
        .contains("Team 2 is disbanded: its 3 Djangonauts are in no team");
    String afterDisband = TeamPageTest.text(organiser.get(f.page()).body());
    assertThat(afterDisband).contains("Djangonauts in no team (3)").contains("Navigators leading no team: ")
        .contains(f.morningNavigator().getName());
    change(organiser, f, "disband", Map.of("teamId", "" + team3));
    assertThat(teams.findByCohortIdOrderById(f.run().cohortId())).extracting(Team::getName)
        .containsExactly("Team 1");

    // The morning team again, then confirmed: the Navigator leading no team hears it; no team runs for nobody.
    change(organiser, f, "start", Map.of("navigatorId", "" + f.morningNavigator().getId(), "project", ""));
    long team2 = team(f, "Team 2");
    f.morning().forEach(a -> change(organiser, f, "move", Map.of("applicationId", "" + a.getId(),
        "teamId", "" + team2)));
    page = organiser.get(f.page());
    WebClient.Response confirmed = organiser.postForm(f.page() + "/confirm", WebClient.form(page,
        Map.of("taskId", List.of(TeamPageTest.taskId(page)), "confirmAnyway", List.of("true"))));
    assertThat(confirmed.status()).isEqualTo(302);
    driver.drive(f.run());

    assertThat(driver.teamProcesses(f.run())).hasSize(2);
    assertThat(outbox.findByRecipientOrderById(f.spareNavigator().getEmail())).extracting(OutboxEmail::getTemplate)
        .containsExactly(MailTemplate.VOLUNTEER_WITHOUT_TEAM);
  }

  // --- helpers

  private long team(Fixture f, String name) {
    return teams.findByCohortIdOrderById(f.run().cohortId()).stream().filter(t -> t.getName().equals(name))
        .findFirst().orElseThrow().getId();
  }

  /** A change on the team page, as the organiser makes it; the page's message after it. */
  private String change(WebClient organiser, Fixture f, String action, Map<String, String> fields) {
    WebClient.Response page = organiser.get(f.page());
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("taskId", List.of(TeamPageTest.taskId(page)));
    fields.forEach((name, value) -> form.put(name, List.of(value)));
    WebClient.Response changed = organiser.postForm(f.page() + "/" + action, WebClient.form(page, form));
    assertThat(changed.status()).as(action + " " + fields + ": " + TeamPageTest.text(changed.body()))
        .isEqualTo(302);
    return TeamPageTest.text(organiser.get(f.page()).body());
  }

  private WebClient organiser() {
    String organiser = testData.organiser();
    return new WebClient(port).basicAuth(organiser, organiser);
  }

  private WebClient signedIn(String userId) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(userId))));
    assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }
}
