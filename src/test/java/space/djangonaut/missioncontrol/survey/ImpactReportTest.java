package space.djangonaut.missioncontrol.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.mentorship.CheckIn;
import space.djangonaut.missioncontrol.mentorship.CheckInReport;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;
import space.djangonaut.missioncontrol.mentorship.OneToOne;
import space.djangonaut.missioncontrol.mentorship.OneToOneRepository;
import space.djangonaut.missioncontrol.support.Browser;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * The pilot's announcement, reproduced from what was recorded: 9 tickets progressed, 4 closed, 25 weekly catch-ups,
 * 16 one-to-ones, 154 PR review comments, 2 presentations, 100% more comfortable engaging with the community; and,
 * apart, a check-in recorded as not held, and a check-in and a one-to-one that nobody recorded.
 */
@IntegrationTest
class ImpactReportTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired CheckInRepository checkIns;
  @Autowired OneToOneRepository oneToOnes;
  @Autowired SurveyInvitationRepository invitations;
  @Autowired TeamMemberRepository members;
  @Autowired MentorshipService mentorship;
  @Autowired ImpactReportService reports;
  @Autowired GitHubFigureRepository githubFigures;

  @Test
  void shouldShowThePilotsFiguresOnTheReportPageAndInItsCsv() {
    Cohort cohort = pilot();
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);

    WebClient.Response page = client.get("/organiser/cohorts/" + cohort.getSlug() + "/report");
    WebClient.Response csv = client.get("/organiser/cohorts/" + cohort.getSlug() + "/report.csv");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"ticketsProgressed\">9<").contains("id=\"ticketsClosed\">4<")
        .contains("id=\"checkInsHeld\">25<").contains("id=\"oneToOnesHeld\">16<")
        .contains("id=\"prReviewComments\">154<").contains("id=\"presentations\">2<")
        .contains("id=\"moreComfortableWithCommunity\">100% (4 of 4)<").contains("<svg")
        .contains("id=\"checkInsNotHeld\">1<").contains("id=\"checkInsNotRecorded\">1<")
        .contains("id=\"oneToOnesNotHeld\">0<").contains("id=\"oneToOnesNotRecorded\">1<");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Disposition")).contains("attachment");
    // No GitHub token in the tests: the figure from GitHub is said not to be collected, never shown as 0.
    assertThat(page.body()).contains("id=\"githubFigure\">Not collected: no GitHub token is configured");
    assertThat(csv.body()).contains("PR review comments on GitHub,not collected (no GitHub token configured)\r\n");
    assertThat(csv.body()).contains("tickets progressed,9\r\n").contains("tickets closed,4\r\n")
        .contains("weekly check-ins held,25\r\n").contains("one-to-ones held,16\r\n")
        .contains("PR review comments,154\r\n").contains("presentations,2\r\n")
        .contains("Djangonauts more comfortable engaging with the community (%),100\r\n")
        .contains("weekly check-ins not held,1\r\n").contains("weekly check-ins not recorded,1\r\n")
        .contains("one-to-ones not recorded,1\r\n");
    // Without credentials a script is asked for them (a browser is sent to the login page, see below).
    assertThat(new WebClient(port).get("/organiser/cohorts/" + cohort.getSlug() + "/report").status())
        .isEqualTo(401);
    String reviewer = testData.reviewer();
    assertThat(new WebClient(port).basicAuth(reviewer, reviewer)
        .get("/organiser/cohorts/" + cohort.getSlug() + "/report").status()).isEqualTo(403);
  }

  /** A count fetched from GitHub is shown with the date it was fetched, and whether it is complete and why not. */
  @Test
  void shouldShowTheLastGitHubCountWithItsDateAndWhyItIsIncomplete() {
    Cohort cohort = testData.openCohort();
    GitHubFigure figure = new GitHubFigure(cohort.getId());
    figure.update(new GitHubReviewComments.Count(107, 2, 3, 1, "GitHub's rate limit was reached (HTTP 403; it "
        + "resets at 2026-03-30T10:30:00Z UTC) at https://github.com/django/django/pull/18001",
        Instant.parse("2026-03-30T10:00:00Z")));
    githubFigures.save(figure);
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);

    WebClient.Response page = client.get("/organiser/cohorts/" + cohort.getSlug() + "/report");
    WebClient.Response csv = client.get("/organiser/cohorts/" + cohort.getSlug() + "/report.csv");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<strong>109</strong> review comments").contains(">2026-03-30T10:00:00Z</time>")
        .contains("1 not found on GitHub (deleted, or private), not counted.")
        .contains("id=\"githubIncomplete\"").contains("GitHub&#39;s rate limit was reached")
        .doesNotContain("Fetch from GitHub now"); // no token in the tests: nothing can be fetched
    assertThat(csv.body()).contains("PR review comments on GitHub,109\r\n")
        .contains("of which comments on lines,107\r\n").contains("of which reviews with a body,2\r\n")
        .contains("fetched at (UTC),2026-03-30T10:00:00Z\r\n").contains("complete,no: GitHub's rate limit");
  }

  @Test
  void shouldDrawTheChartsForAnOrganiserInABrowser() {
    Cohort cohort = pilot();
    String organiser = testData.organiser();
    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/organiser/cohorts/" + cohort.getSlug() + "/report");
      browser.type(By.id("username"), organiser);
      browser.type(By.id("password"), organiser);
      browser.click(By.cssSelector("button[type=submit]"));

      WebElement checkInChart = browser.visible(By.id("chart-check-ins"));
      browser.screenshot("impact-report");
      assertThat(checkInChart.getSize().getHeight()).isGreaterThan(100);
      List<WebElement> bars = checkInChart.findElements(By.cssSelector("rect.bar"));
      assertThat(bars).hasSize(8);
      assertThat(bars.get(0).getSize().getHeight()).isGreaterThan(bars.get(1).getSize().getHeight());
      assertThat(browser.driver().findElements(By.cssSelector("svg.bar-chart"))).hasSize(4)
          .allMatch(WebElement::isDisplayed);
      assertThat(browser.visible(By.id("prReviewComments")).getText()).isEqualTo("154");
    }
  }

  /**
   * Issue 12, fault 2: the report summed the weekly numbers, so a ticket moved forward in three weeks counted three
   * times. Listed as a link in three check-ins (and by two teams once), it counts once; closed, it counts in closed
   * too; the weekly view still shows it in each week; each ticket and pull request is linked once.
   */
  @Test
  void shouldCountATicketProgressedInThreeWeeksOnce() {
    Cohort cohort = testData.openCohort();
    Team first = teamOf(cohort, testData.apply(cohort));
    Team second = teamOf(cohort, testData.apply(cohort));
    for (int week = 1; week <= 3; week++) {
      mentorship.recordCheckIn(cohort.getId(), first.getId(), week, "navigator", checkIn("#35123 progressed"
          + (week == 3 ? "\n#35123 closed\nhttps://github.com/django/django/pull/18000 merged"
          : "\nhttps://github.com/django/django/pull/18000 opened")));
    }
    mentorship.recordCheckIn(cohort.getId(), second.getId(), 2, "navigator",
        checkIn("https://code.djangoproject.com/ticket/35123 progressed\n#36000 closed"));

    ImpactReport report = reports.report(cohort.getId());

    assertThat(report.ticketsProgressed()).isEqualTo(1);
    assertThat(report.ticketsClosed()).isEqualTo(2);
    assertThat(report.pullRequestsOpened()).isEqualTo(1);
    assertThat(report.pullRequestsMerged()).isEqualTo(1);
    assertThat(report.weeks()).extracting(ImpactReport.WeekFigures::ticketsProgressed).startsWith(1, 1, 1);
    assertThat(report.weeks()).extracting(ImpactReport.WeekFigures::ticketsClosed).startsWith(0, 1, 1);
    assertThat(report.contributions()).extracting(ImpactReport.ContributionLink::label)
        .containsExactly("#35123", "#36000", "django/django#18000");
    assertThat(report.contributions().get(0).states()).containsExactly("progressed", "closed");
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    assertThat(client.get("/organiser/cohorts/" + cohort.getSlug() + "/report").body())
        .contains("id=\"ticketsProgressed\">1<").contains("id=\"ticketsClosed\">2<")
        .contains("id=\"pullRequestsMerged\">1<")
        .contains("<a href=\"https://code.djangoproject.com/ticket/35123\">ticket #35123</a>")
        .contains("<a href=\"https://github.com/django/django/pull/18000\">pull request django/django#18000</a>");
    assertThat(client.get("/organiser/cohorts/" + cohort.getSlug() + "/report.csv").body())
        .contains("tickets progressed,1\r\n").contains("pull requests merged,1\r\n")
        .contains("ticket,#35123,https://code.djangoproject.com/ticket/35123,progressed closed\r\n");
  }

  private Team teamOf(Cohort cohort, Application djangonaut) {
    Volunteer navigator = volunteers.save(new Volunteer(cohort.getId(), "Navigator", TestData.uniqueEmail(),
        VolunteerRole.NAVIGATOR, List.of("Django core"), WeeklyAvailability.of(List.of("MON-18")), 4, null,
        Instant.now()));
    Team team = teams.save(new Team(cohort.getId(), "Team " + djangonaut.getId(), "Django core", navigator.getId()));
    members.save(new TeamMember(team.getId(), djangonaut.getId(), navigator.getId()));
    return team;
  }

  private static CheckInReport checkIn(String contributions) {
    return new CheckInReport(true, 1, null, contributions, 0, 0, null);
  }

  /** A cohort with the pilot's records: four teams, eight weeks, four Djangonauts who all answered the survey. */
  private Cohort pilot() {
    Cohort cohort = testData.openCohort();
    List<Application> djangonauts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      djangonauts.add(testData.apply(cohort));
    }
    List<Team> pilotTeams = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Volunteer navigator = volunteers.save(new Volunteer(cohort.getId(), "Navigator " + t,
          TestData.uniqueEmail(), VolunteerRole.NAVIGATOR, List.of("Django core"),
          WeeklyAvailability.of(List.of("MON-18", "TUE-18")), 4, null, Instant.now()));
      pilotTeams.add(teams.save(new Team(cohort.getId(), "Team " + (t + 1), "Django core", navigator.getId())));
    }
    // 25 check-ins held: three teams every week, the fourth in week 1; plus one that did not take place.
    int[] progressed = {2, 1, 1, 1, 1, 1, 1, 1};
    int[] closed = {0, 1, 0, 1, 0, 1, 0, 1};
    int comments = 154;
    int recorded = 0;
    for (int week = 1; week <= 8; week++) {
      for (int t = 0; t < 4; t++) {
        boolean held = t < 3 || week == 1;
        if (!held && week != 2) {
          continue;
        }
        int prComments = held ? (recorded < 24 ? 6 : comments - 6 * 24) : 0;
        boolean first = t == 0;
        checkIns.save(new CheckIn(cohort.getId(), pilotTeams.get(t).getId(), week, "navigator", held, "3 of 3",
            held && first ? progressed[week - 1] : 0, held && first ? closed[week - 1] : 0, prComments,
            held && first && (week == 4 || week == 8) ? 1 : 0, null, Instant.now()));
        recorded += held ? 1 : 0;
      }
    }
    // Nobody recorded the fourth team's week-3 check-in, nor a fifth Djangonaut's week-2 one-to-one: neither counts
    // as held, nor as not held.
    checkIns.save(CheckIn.notRecorded(cohort.getId(), pilotTeams.get(3).getId(), 3, "navigator", Instant.now()));
    oneToOnes.save(OneToOne.notRecorded(cohort.getId(), testData.apply(cohort).getId(), "captain", 2,
        Instant.now()));
    for (Application djangonaut : djangonauts) {
      for (int week = 2; week <= 8; week += 2) {
        oneToOnes.save(new OneToOne(cohort.getId(), djangonaut.getId(), "captain", week, true, "ok", Instant.now()));
      }
      SurveyInvitation invitation = invitations.save(new SurveyInvitation(cohort.getId(), Respondent.DJANGONAUT,
          djangonaut.getId(), djangonaut.getName(), djangonaut.getEmail(), TestData.uniqueUserId("hash"),
          Instant.now()));
      SurveyForm answers = new SurveyForm();
      answers.setComfortContributing(Comfort.MORE);
      answers.setComfortCommunity(Comfort.MORE);
      answers.setMayQuote(false);
      invitation.answer(answers, Instant.now());
      invitations.save(invitation);
    }
    return cohort;
  }
}
