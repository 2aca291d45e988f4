package space.djangonaut.missioncontrol.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.ProposedTeams.Fixture;

/**
 * The organisers' team page (issue 11, fault 5): each proposed team with its Navigator, Captains, Djangonauts,
 * project, shared hours and capacity; moving a Djangonaut, starting a team around a free Navigator, changing a
 * Navigator or a Captain, each re-checking every rule and explaining each one unmet next to its team; confirming
 * with a rule unmet only by an explicit choice, on the page and in Task_ConfirmTeams alike. Through HTTP, as a browser
 * without JavaScript.
 */
@IntegrationTest
class TeamPageTest {

  private static final Pattern TASK_ID = Pattern.compile("name=\"taskId\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ProposedTeams proposed;
  @Autowired TestData testData;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired TeamService teamService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowEachTeamWithItsPeopleProjectSharedHoursAndCapacityAndConfirmItWhenEveryRuleHolds() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();

    assertThat(organiser.get("/organiser/cohorts/" + f.slug()).body()).as("linked from the cohort's page")
        .contains("href=\"" + f.page() + "\"");
    WebClient.Response page = organiser.get(f.page());

    assertThat(page.status()).isEqualTo(200);
    String team1 = text(teamSection(page.body(), team(f, "Team 1")));
    assertThat(team1).contains("Team 1: Django core").contains("Every rule holds.")
        .contains("Navigator: " + f.eveningNavigator().getName() + " (knows Django core; takes 4, has 4)")
        .contains("Hours the team shares with its Navigator: 6 (")
        .contains("Captains: " + f.eveningCaptain().getName() + " (takes 4, has 4)");
    f.evening().forEach(a -> assertThat(team1).contains("#" + a.getId() + " " + a.getName() + " Django core"));
    assertThat(text(teamSection(page.body(), team(f, "Team 2"))))
        .contains("Navigator: " + f.morningNavigator().getName() + " (knows Django core; takes 4, has 3)");
    assertThat(text(section(page.body(), "free-volunteers")))
        .contains("Navigators leading no team: " + f.spareNavigator().getName() + " (knows Django REST framework")
        .contains("Captains with a free place: none");
    assertThat(text(section(page.body(), "teamless"))).contains("Every confirmed Djangonaut is in a team.");
    // Task_ConfirmTeams links the page: its form's text links to the path the task holds.
    Task task = proposed.confirmTask(f);
    assertThat(taskService.getVariable(task.getId(), "teamsPage")).isEqualTo(f.page());
    // Only organisers.
    String reviewer = testData.reviewer();
    assertThat(new WebClient(port).basicAuth(reviewer, reviewer).get(f.page()).status()).isEqualTo(403);

    WebClient.Response confirmed = organiser.postForm(f.page() + "/confirm",
        WebClient.form(page, Map.of("taskId", List.of(taskId(page)))));

    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(proposed.confirmTask(f)).isNull();
    assertThat(variable(f, CohortProcess.TEAM_RULES_CONFIRMED_ANYWAY.name())).isNull();
    assertThat(text(organiser.get(f.page()).body())).contains("The teams are confirmed.")
        .contains("These teams are not waiting for confirmation");
  }

  /**
   * Issue 12, fault 1: a team formed on January's hours (Djangonauts in New York, Monday 12-18 on their clock; the
   * Navigator Monday 18-24 UTC) shares 5 hours until the US clock change on 14 March, then 4. The page shows the
   * hours of each week and the week that breaks the rule, and the rule explains it like the others.
   */
  @Test
  void shouldShowTheWeekInWhichATeamFormedInJanuaryLosesItsSharedHours() {
    Fixture f = proposed.formed(false);
    jdbc.update("update cohort set starts_on = ?, weeks = 9 where id = ?", java.sql.Date.valueOf("2027-01-29"),
        f.run().cohortId());
    jdbc.update("update volunteer set availability = 'MON-18,MON-21', availability_zone = 'UTC' where id = ?",
        f.eveningNavigator().getId());
    f.evening().forEach(a -> jdbc.update("update application set availability = 'MON-12,MON-15', "
        + "availability_zone = 'America/New_York' where id = ?", a.getId()));

    String team1 = text(teamSection(organiser().get(f.page()).body(), team(f, "Team 1")));

    String rule = "Team 1 shares only 4 hours in week 7 (from 12 March) with its Navigator "
        + f.eveningNavigator().getName() + "; 5 are needed every week (short in weeks 7, 8, 9; 5 in week 0).";
    assertThat(team1).contains("Hours shared: " + rule)
        .contains("Hours shared each week: week 0: 5, week 1: 5, week 2: 5, week 3: 5, week 4: 5, week 5: 5, "
            + "week 6: 5, week 7: 4 (too few), week 8: 4 (too few), week 9: 4 (too few).")
        .contains("The rule breaks in week 7 (from 12 March).")
        .contains("Hours the team shares with its Navigator: 4 (Mon 18:00-22:00 UTC in week 7 (from 12 March))")
        .contains("Mon 12-18 (America/New_York); UTC: Mon 17:00-23:00 (week from 29 January 2027)");
    assertThat(teamService.unmetRules(f.run().cohortId())).extracting(TeamFormation.Problem::message)
        .contains(rule);
    // What a weekly meeting can be chosen from: the team's shared UTC hours in each week.
    assertThat(teamService.sharedHours(team(f, "Team 1"), 1).shared()).containsExactly(new UtcSpan(
        Instant.parse("2027-02-01T18:00:00Z"), Instant.parse("2027-02-01T23:00:00Z")));
    assertThat(teamService.sharedHours(team(f, "Team 1"), 7).shared()).containsExactly(new UtcSpan(
        Instant.parse("2027-03-15T18:00:00Z"), Instant.parse("2027-03-15T22:00:00Z")));
    assertThat(teamService.weeklySharedHours(team(f, "Team 1"))).extracting(CohortWeeks.WeekOverlap::hours)
        .containsExactly("5", "5", "5", "5", "5", "5", "5", "4", "4", "4");
  }

  /** Fault 5 as seen: "move #7 to Team 1" and "move #3 to Team 1" in the task made a team of 5, unchecked. */
  @Test
  void shouldRefuseTheMovesThatMakeATeamOfFiveInTheTaskNamingEachRuleUnlessConfirmedAnyway() {
    Fixture f = proposed.formed(false);
    Task task = proposed.confirmTask(f);
    Application fromTeam2 = f.morning().get(0);
    Application inTeam1 = f.evening().get(2);
    String moves = "move #" + fromTeam2.getId() + " to Team 1\nmove #" + inTeam1.getId() + " to Team 1";

    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("teamAdjustments", moves)))
        .hasMessageContaining("Team 1 has 5 Djangonauts; a team has 3 to 4.")
        .hasMessageContaining(f.eveningNavigator().getName() + " has 5 Djangonauts but offered to take 4.")
        .hasMessageContaining("Team 1 shares only 0 hours a week with its Navigator "
            + f.eveningNavigator().getName() + "; 5 are needed.")
        .hasMessageContaining("Team 2 has 2 Djangonauts; a team has 3 to 4.")
        .hasMessageContaining("Confirm anyway");
    // Nothing changed: the task waits, the Djangonaut is still in Team 2.
    assertThat(proposed.confirmTask(f)).isNotNull();
    assertThat(members.findByApplicationId(fromTeam2.getId()).orElseThrow().getTeamId())
        .isEqualTo(team(f, "Team 2"));

    taskService.complete(task.getId(), Map.of("teamAdjustments", moves, "confirmAnyway", true));

    assertThat(proposed.confirmTask(f)).isNull();
    assertThat(members.findByApplicationId(fromTeam2.getId()).orElseThrow().getTeamId())
        .isEqualTo(team(f, "Team 1"));
    assertThat(variable(f, CohortProcess.TEAM_RULES_CONFIRMED_ANYWAY.name())).asString()
        .contains("Team 1 has 5 Djangonauts; a team has 3 to 4.")
        .contains(f.eveningNavigator().getName() + " has 5 Djangonauts but offered to take 4.");
  }

  @Test
  void shouldExplainNextToTheTeamTheSizeCapacityAndHoursAMoveBreaksAndShowTheSameInTheTask() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();
    WebClient.Response page = organiser.get(f.page());
    Application fromTeam2 = f.morning().get(0);

    WebClient.Response moved = organiser.postForm(f.page() + "/move", WebClient.form(page, Map.of(
        "taskId", List.of(taskId(page)), "applicationId", List.of("" + fromTeam2.getId()),
        "teamId", List.of("" + team(f, "Team 1")))));

    assertThat(moved.status()).isEqualTo(302);
    WebClient.Response after = organiser.get(f.page());
    assertThat(text(after.body())).contains(fromTeam2.getName() + " (#" + fromTeam2.getId() + ") moved to Team 1. "
        + "The teams now break 4 rules, each explained below.");
    String team1 = text(teamSection(after.body(), team(f, "Team 1")));
    assertThat(team1).contains("Rules unmet (3)")
        .contains("Team size: Team 1 has 5 Djangonauts; a team has 3 to 4.")
        .contains("Capacity: " + f.eveningNavigator().getName() + " has 5 Djangonauts but offered to take 4.")
        .contains("Hours shared: Team 1 shares only 0 hours a week with its Navigator "
            + f.eveningNavigator().getName() + "; 5 are needed.")
        .contains("Hours the team shares with its Navigator: 0 (none)")
        .contains("#" + fromTeam2.getId() + " " + fromTeam2.getName() + " Django core");
    assertThat(text(teamSection(after.body(), team(f, "Team 2"))))
        .contains("Rules unmet (1)").contains("Team size: Team 2 has 2 Djangonauts; a team has 3 to 4.");
    // The task shows the teams as they are now: the page and the task do not disagree.
    Task task = proposed.confirmTask(f);
    assertThat((String) taskService.getVariable(task.getId(), "teamProblems"))
        .contains("Team 1 has 5 Djangonauts; a team has 3 to 4.");
    assertThat((String) taskService.getVariable(task.getId(), "teamPlan"))
        .contains("#" + fromTeam2.getId() + " " + fromTeam2.getName());
  }

  @Test
  void shouldStartATeamAroundAFreeNavigatorAndExplainAProjectMismatch() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();
    WebClient.Response page = organiser.get(f.page());

    WebClient.Response started = organiser.postForm(f.page() + "/start", WebClient.form(page, Map.of(
        "taskId", List.of(taskId(page)), "navigatorId", List.of("" + f.spareNavigator().getId()),
        "project", List.of(""))));
    assertThat(started.status()).isEqualTo(302);
    long team3 = team(f, "Team 3");
    Application evening = f.evening().get(0);
    page = organiser.get(f.page());
    organiser.postForm(f.page() + "/move", WebClient.form(page, Map.of("taskId", List.of(taskId(page)),
        "applicationId", List.of("" + evening.getId()), "teamId", List.of("" + team3))));

    String after = organiser.get(f.page()).body();
    assertThat(text(after)).contains(evening.getName() + " (#" + evening.getId() + ") moved to Team 3.");
    assertThat(text(teamSection(after, team3))).contains("Team 3: Django REST framework")
        .contains("Navigator: " + f.spareNavigator().getName())
        .contains("Project: " + evening.getName() + " (#" + evening.getId() + ") asked for Django core but Team 3 "
            + "works on Django REST framework.")
        .contains("Team size: Team 3 has 1 Djangonauts; a team has 3 to 4.");
    assertThat(text(section(after, "free-volunteers"))).contains("Navigators leading no team: none");
  }

  @Test
  void shouldChangeATeamsNavigatorAndADjangonautsCaptainAndExplainWhatTheyCannotTake() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();
    WebClient.Response page = organiser.get(f.page());
    long team2 = team(f, "Team 2");

    organiser.postForm(f.page() + "/navigator", WebClient.form(page, Map.of("taskId", List.of(taskId(page)),
        "teamId", List.of("" + team2), "navigatorId", List.of("" + f.eveningNavigator().getId()))));
    String afterNavigator = organiser.get(f.page()).body();
    assertThat(text(afterNavigator)).contains(f.eveningNavigator().getName() + " is now the Navigator of Team 2.");
    assertThat(text(teamSection(afterNavigator, team2)))
        .contains("Capacity: " + f.eveningNavigator().getName() + " has 7 Djangonauts but offered to take 4.")
        .contains("Hours shared: Team 2 shares only 0 hours a week with its Navigator "
            + f.eveningNavigator().getName() + "; 5 are needed.");
    assertThat(text(section(afterNavigator, "free-volunteers"))).contains(f.morningNavigator().getName());

    Application morning = f.morning().get(1);
    page = organiser.get(f.page());
    organiser.postForm(f.page() + "/captain", WebClient.form(page, Map.of("taskId", List.of(taskId(page)),
        "applicationId", List.of("" + morning.getId()), "captainId", List.of("" + f.eveningCaptain().getId()))));
    String afterCaptain = organiser.get(f.page()).body();
    assertThat(text(afterCaptain)).contains(f.eveningCaptain().getName() + " is now the Captain of "
        + morning.getName() + " (#" + morning.getId() + ").");
    assertThat(text(teamSection(afterCaptain, team2)))
        .contains("Hours shared: " + morning.getName() + " (#" + morning.getId() + ") shares only 0 hours with "
            + "their Captain " + f.eveningCaptain().getName() + ".")
        .contains("Capacity: " + f.eveningCaptain().getName() + " has 5 Djangonauts but offered to take 4.");
  }

  /** Fault 5: "X is not in a team" never said why. */
  @Test
  void shouldSayWhyADjangonautIsInNoTeam() {
    Fixture f = proposed.formed(true);
    Application odd = f.oddOne();

    String page = organiser().get(f.page()).body();

    assertThat(text(section(page, "teamless"))).contains("Djangonauts in no team (1)")
        .contains(odd.getName() + " (#" + odd.getId() + "), Django core")
        .contains("Team 1: it is full (4 Djangonauts; a team has at most 4); its Navigator "
            + f.eveningNavigator().getName() + " offered to take 4 and has 4; with them the team would share no hour"
            + " a week with its Navigator (5 are needed).")
        .contains("Team 2: with them the team would share no hour a week with its Navigator (5 are needed).")
        .contains("No free Navigator knows Django core.")
        .contains("Rules unmet outside any team Every Djangonaut in one team: " + odd.getName() + " (#" + odd.getId()
            + ") is not in a team.");
  }

  @Test
  void shouldRefuseToConfirmOnThePageWhileARuleIsUnmetUnlessTheOrganiserConfirmsAnyway() {
    Fixture f = proposed.formed(false);
    WebClient organiser = organiser();
    WebClient.Response page = organiser.get(f.page());
    organiser.postForm(f.page() + "/move", WebClient.form(page, Map.of("taskId", List.of(taskId(page)),
        "applicationId", List.of("" + f.morning().get(0).getId()), "teamId", List.of("" + team(f, "Team 1")))));
    page = organiser.get(f.page());
    assertThat(text(section(page.body(), "confirm"))).contains("The teams break 4 rule(s):")
        .contains("Confirm anyway, though the rules above are unmet");

    WebClient.Response refused = organiser.postForm(f.page() + "/confirm",
        WebClient.form(page, Map.of("taskId", List.of(taskId(page)))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(text(refused.body())).contains("The teams were not confirmed: they break 4 rules")
        .contains("Team 1 has 5 Djangonauts; a team has 3 to 4.");
    assertThat(proposed.confirmTask(f)).isNotNull();

    WebClient.Response confirmed = organiser.postForm(f.page() + "/confirm", WebClient.form(refused,
        Map.of("taskId", List.of(taskId(refused)), "confirmAnyway", List.of("true"))));

    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(proposed.confirmTask(f)).isNull();
    assertThat(variable(f, CohortProcess.TEAM_RULES_CONFIRMED_ANYWAY.name())).asString()
        .contains("Team 1 has 5 Djangonauts; a team has 3 to 4.");
    assertThat(text(organiser.get(f.page()).body()))
        .contains("The teams are confirmed, with the rules unmet recorded as your choice.");
  }

  @Test
  void shouldAnswerBadInputWithTheReasonAndChangeNothing() {
    Fixture f = proposed.formed(false);
    Fixture other = proposed.formed(false);
    WebClient organiser = organiser();
    WebClient.Response page = organiser.get(f.page());
    String taskId = taskId(page);
    Application moving = f.morning().get(0);
    long team1 = team(f, "Team 1");

    assertRefused(organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId, "" + moving.getId(),
        "999999999"))), 400, "teamId: This cohort has no team #999999999; choose one of [Team 1, Team 2].");
    assertRefused(organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId, "999999999",
        "" + team1))), 400, "applicationId: There is no Djangonaut #999999999.");
    assertRefused(organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId,
        "" + other.evening().get(0).getId(), "" + team1))), 400, "applicationId: #" + other.evening().get(0).getId()
        + " applied to another cohort (" + other.run().cohort().getName() + ")");
    assertRefused(organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId, "seven",
        "" + team1))), 400, "applicationId: \"seven\" names no Djangonaut of this cohort");
    assertRefused(organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId, "" + moving.getId(),
        "" + team(other, "Team 1")))), 400, "teamId: This cohort has no team #" + team(other, "Team 1"));
    assertRefused(organiser.postForm(f.page() + "/navigator", WebClient.form(page, Map.of("taskId", List.of(taskId),
        "teamId", List.of("" + team1), "navigatorId", List.of("" + other.eveningNavigator().getId())))), 400,
        "navigatorId: " + other.eveningNavigator().getName() + " (#" + other.eveningNavigator().getId()
            + ") volunteered for another cohort");
    assertRefused(organiser.postForm(f.page() + "/captain", WebClient.form(page, Map.of("taskId", List.of(taskId),
        "applicationId", List.of("" + moving.getId()), "captainId", List.of("" + f.eveningNavigator().getId())))),
        400, "captainId: " + f.eveningNavigator().getName() + " (#" + f.eveningNavigator().getId()
            + ") is no approved Captain of this cohort.");
    assertRefused(organiser.postForm(f.page() + "/start", WebClient.form(page, Map.of("taskId", List.of(taskId),
        "navigatorId", List.of("" + f.eveningNavigator().getId()), "project", List.of("")))), 400,
        "navigatorId: " + f.eveningNavigator().getName() + " already leads Team 1");
    assertRefused(organiser.postForm(f.page() + "/start", WebClient.form(page, Map.of("taskId", List.of(taskId),
        "navigatorId", List.of("" + f.spareNavigator().getId()), "project", List.of("Django core")))), 400,
        "project: " + f.spareNavigator().getName() + " does not know Django core; they know Django REST framework.");
    assertThat(members.findByApplicationId(moving.getId()).orElseThrow().getTeamId()).isEqualTo(team(f, "Team 2"));
    assertThat(teams.findByCohortIdOrderById(f.run().cohortId())).hasSize(2);

    // A page left open while the task was completed in Tasklist: the change is refused, nothing moves.
    Task task = proposed.confirmTask(f);
    taskService.complete(task.getId());
    WebClient.Response stale = organiser.postForm(f.page() + "/move", WebClient.form(page, move(taskId,
        "" + moving.getId(), "" + team1)));
    assertRefused(stale, 409, "The teams of this cohort are not waiting for confirmation");
    assertThat(members.findByApplicationId(moving.getId()).orElseThrow().getTeamId()).isEqualTo(team(f, "Team 2"));
    assertRefused(organiser.postForm(f.page() + "/confirm", WebClient.form(page, Map.of("taskId",
        List.of(taskId)))), 409, "The teams of this cohort were confirmed meanwhile");
  }

  // --- helpers

  private static Map<String, List<String>> move(String taskId, String applicationId, String teamId) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("taskId", List.of(taskId));
    fields.put("applicationId", List.of(applicationId));
    fields.put("teamId", List.of(teamId));
    return fields;
  }

  private static void assertRefused(WebClient.Response response, int status, String reason) {
    assertThat(response.status()).as(reason).isEqualTo(status);
    assertThat(text(response.body())).contains(reason);
  }

  private WebClient organiser() {
    String organiser = testData.organiser();
    return new WebClient(port).basicAuth(organiser, organiser);
  }

  private long team(Fixture f, String name) {
    return teams.findByCohortIdOrderById(f.run().cohortId()).stream().filter(t -> t.getName().equals(name))
        .findFirst().orElseThrow().getId();
  }

  /** The variable on the cohort's process itself (not a task's own). */
  private Object variable(Fixture f, String name) {
    return runtimeService.getVariableLocal(f.run().process().getId(), name);
  }

  static String taskId(WebClient.Response page) {
    Matcher matcher = TASK_ID.matcher(page.body());
    assertThat(matcher.find()).as("the page offers changes (a task id)").isTrue();
    return matcher.group(1);
  }

  private static String teamSection(String html, long teamId) {
    return sectionFrom(html, "<section class=\"team\" id=\"team-" + teamId + "\"");
  }

  private static String section(String html, String id) {
    return sectionFrom(html, "<section id=\"" + id + "\"");
  }

  private static String sectionFrom(String html, String start) {
    int at = html.indexOf(start);
    assertThat(at).as(start).isNotNegative();
    return html.substring(at, html.indexOf("</section>", at));
  }

  static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ")
        .replaceAll(" ([:,.)])", "$1").replace("( ", "(");
  }
}
