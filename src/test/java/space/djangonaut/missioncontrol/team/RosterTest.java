package space.djangonaut.missioncontrol.team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.privacy.PersonalDataService;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * The roster and the contact details people agreed to share (issue 11, fault 6), on the whole application with a
 * real PostgreSQL and SMTP server: organisers see every team of a cohort, a Navigator or Captain only their own
 * teams; the welcome, the reminders and the escalations say who is whose Captain and how to reach them.
 */
@IntegrationTest
class RosterTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");
  private static final String ORGANISERS = "organisers@djangonaut.space";

  @LocalServerPort int port;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired OutboxEmailRepository outbox;
  @Autowired PersonalDataService personalData;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Two teams of three: Navigator A shares their address and chat handle, B nothing; one Captain for all six. */
  private record Teams(CohortDriver.Run run, Team teamA, Team teamB, Volunteer navigatorA, Volunteer navigatorB,
      Volunteer captain, Application sharingDjangonaut, List<Application> djangonauts) {}

  @Test
  void shouldShowANavigatorTheirOwnTeamsRosterWithWhoseCaptainEachIsAndOnlyWhatPeopleAgreedToShare() {
    Teams t = twoTeamsWelcomed(3);
    WebClient navigator = signedIn(t.navigatorA().getUserId());

    WebClient.Response mine = navigator.get("/my/teams");
    Assertions.assertThat(mine.body()).contains("/my/teams/" + t.teamA().getId())
        .doesNotContain("/my/teams/" + t.teamB().getId() + "\"");
    WebClient.Response roster = navigator.get("/my/teams/" + t.teamA().getId());
    Assertions.assertThat(roster.status()).isEqualTo(200);
    String page = roster.body();
    Assertions.assertThat(page).contains(t.navigatorA().getName(), t.navigatorA().getEmail(), "nadia#7")
        .contains(t.captain().getName(), "Captain of ", t.captain().getEmail())
        .contains("Captain: " + t.captain().getName())
        .contains("through the organisers at", ORGANISERS);
    List<Application> inTeamA = inTeam(t, t.teamA());
    inTeamA.forEach(d -> Assertions.assertThat(page).contains(d.getName()));
    inTeamA.stream().filter(d -> !d.getId().equals(t.sharingDjangonaut().getId()))
        .forEach(d -> Assertions.assertThat(page).as("not shared").doesNotContain(d.getEmail()));
    if (inTeamA.stream().anyMatch(d -> d.getId().equals(t.sharingDjangonaut().getId()))) {
      Assertions.assertThat(page).contains(t.sharingDjangonaut().getEmail(), "ada_one");
    }
    Assertions.assertThat(page).doesNotContain(t.navigatorB().getName());
  }

  @Test
  void shouldRefuseANavigatorTheRosterOfATeamThatIsNotTheirs() {
    Teams t = twoTeamsWelcomed(3);
    WebClient navigator = signedIn(t.navigatorA().getUserId());

    WebClient.Response other = navigator.get("/my/teams/" + t.teamB().getId());
    Assertions.assertThat(other.status()).isEqualTo(404);
    Assertions.assertThat(other.body()).doesNotContain(t.navigatorB().getName());
    Assertions.assertThat(navigator.get("/my/teams/987654321").status()).isEqualTo(404);
    Assertions.assertThat(navigator.get("/organiser/cohorts/" + t.run().cohort().getSlug() + "/roster").status())
        .isIn(302, 403);
    Assertions.assertThat(signedIn(t.navigatorB().getUserId()).get("/my/teams/" + t.teamB().getId()).status())
        .isEqualTo(200);
  }

  /** Issue 12: a Navigator sets their own zone on /my/settings; the check-in times are offered in it. */
  @Test
  void shouldOfferTheNavigatorTheCheckInTimesInTheZoneTheySetForThemselves() {
    Teams t = twoTeamsWelcomed(3);
    WebClient navigator = signedIn(t.navigatorA().getUserId());
    String page = "/my/teams/" + t.teamA().getId();
    Assertions.assertThat(navigator.get(page).body()).contains("<option value=\"UTC\" selected=\"selected\">");

    WebClient.Response saved = navigator.postForm("/my/settings", WebClient.form(navigator.get("/my/settings"),
        Map.of("zone", List.of("America/New_York"))));

    Assertions.assertThat(saved.status()).isEqualTo(302);
    Assertions.assertThat(navigator.get(page).body())
        .contains("<option value=\"America/New_York\" selected=\"selected\">")
        .doesNotContain("<option value=\"UTC\" selected=\"selected\">");
  }

  @Test
  void shouldShowOrganisersEveryTeamOfTheCohortLinkedFromTheCohortsPage() {
    Teams t = twoTeamsWelcomed(3);
    WebClient organiser = signedIn(testData.organiser());
    String slug = t.run().cohort().getSlug();

    Assertions.assertThat(organiser.get("/organiser/cohorts/" + slug).body())
        .contains("/organiser/cohorts/" + slug + "/roster");
    WebClient.Response roster = organiser.get("/organiser/cohorts/" + slug + "/roster");
    Assertions.assertThat(roster.status()).isEqualTo(200);
    Assertions.assertThat(roster.body()).contains(t.teamA().getName(), t.teamB().getName(),
        t.navigatorA().getName(), t.navigatorB().getName(), t.captain().getName(), "Captain of ",
        "not shared with the team; organisers: " + t.navigatorB().getEmail());
    t.djangonauts().forEach(d -> Assertions.assertThat(roster.body()).contains(d.getName()));
    Assertions.assertThat(organiser.get("/organiser/cohorts/no-such-cohort/roster").status()).isEqualTo(404);
  }

  @Test
  void shouldSayInTheTeamWelcomeWhoIsWhoseCaptainAndHowToReachEveryone() {
    Teams t = twoTeamsWelcomed(3);
    List<Application> inTeamB = inTeam(t, t.teamB());

    String welcome = only(t.navigatorB().getEmail(), MailTemplate.TEAM_WELCOME).getTextBody();
    Assertions.assertThat(welcome)
        .contains("Navigator: " + t.navigatorB().getName() + ", reach them through the organisers at " + ORGANISERS)
        .contains(t.captain().getName() + ", Captain of " + inTeamB.get(0).getName())
        .contains(t.captain().getEmail())
        .contains(inTeamB.get(0).getName() + " (Captain: " + t.captain().getName() + ")");
    String welcomeA = only(t.navigatorA().getEmail(), MailTemplate.TEAM_WELCOME).getTextBody();
    Assertions.assertThat(welcomeA).contains("reach them " + t.navigatorA().getEmail() + ", chat: nadia#7");
    Assertions.assertThat(only(t.navigatorB().getEmail(), MailTemplate.TEAM_WELCOME).getHtmlBody())
        .contains("Captain of " + inTeamB.get(0).getName());
  }

  @Test
  void shouldTellHowToReachTheNavigatorAndCaptainsInRemindersAndEscalations() {
    Teams t = twoTeamsWelcomed(3);
    String organiserEmail = testData.organiser() + "@example.org";
    Duration week = Duration.ofDays(7);

    ClockUtil.setCurrentTime(Date.from(t.run().cohort().startsAt().plus(week).plusSeconds(60)));
    driver.drive(t.run());
    Assertions.assertThat(only(t.navigatorA().getEmail(), MailTemplate.CHECK_IN_REMINDER).getTextBody())
        .contains(t.captain().getName() + ", Captain of ").contains(t.captain().getEmail());

    ClockUtil.setCurrentTime(Date.from(t.run().cohort().startsAt().plus(week.multipliedBy(2)).plusSeconds(60)));
    driver.drive(t.run());
    Assertions.assertThat(outbox.findByRecipientOrderById(organiserEmail)).filteredOn(e -> e.getTemplate()
        == MailTemplate.CHECK_IN_ESCALATION).extracting(OutboxEmail::getTextBody)
        .anySatisfy(text -> Assertions.assertThat(text).contains(t.navigatorA().getName() + ", "
            + t.navigatorA().getEmail() + ", chat: nadia#7"))
        .anySatisfy(text -> Assertions.assertThat(text).contains(t.navigatorB().getName() + ", "
            + t.navigatorB().getEmail()));
    Assertions.assertThat(outbox.findByRecipientOrderById(t.captain().getEmail())).filteredOn(e -> e.getTemplate()
        == MailTemplate.ONE_TO_ONE_REMINDER).extracting(OutboxEmail::getTextBody)
        .anySatisfy(text -> Assertions.assertThat(text).contains("Your team's Navigator: " + t.navigatorA().getName()
            + ": " + t.navigatorA().getEmail() + ", chat: nadia#7"))
        .anySatisfy(text -> Assertions.assertThat(text).contains("Your team's Navigator: " + t.navigatorB().getName()
            + ": through the organisers at " + ORGANISERS))
        .anySatisfy(text -> Assertions.assertThat(text).contains(t.sharingDjangonaut().getName() + ": "
            + t.sharingDjangonaut().getEmail() + ", chat: ada_one"));

    ClockUtil.setCurrentTime(Date.from(t.run().cohort().startsAt().plus(week.multipliedBy(3)).plusSeconds(60)));
    driver.drive(t.run());
    Assertions.assertThat(outbox.findByRecipientOrderById(organiserEmail)).filteredOn(e -> e.getTemplate()
        == MailTemplate.ONE_TO_ONE_ESCALATION).extracting(OutboxEmail::getTextBody)
        .anySatisfy(text -> Assertions.assertThat(text).contains("(Captain " + t.captain().getName() + ", "
            + t.captain().getEmail()));
  }

  @Test
  void shouldKeepWhatPeopleAgreedToShareOnThePublicFormsAndForgetItWithThem() {
    Cohort cohort = testData.openCohort();
    String email = TestData.uniqueEmail();
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/volunteer";
    Map<String, List<String>> answers = volunteerAnswers(email);
    answers.put("chatHandle", List.of("x".repeat(101)));
    WebClient.Response tooLong = browser.postForm(path, WebClient.form(browser.get(path), answers));
    Assertions.assertThat(tooLong.status()).isEqualTo(400);
    Assertions.assertThat(tooLong.body()).contains("A chat handle can be at most 100 characters.");
    answers.put("chatHandle", List.of(" nadia#7 "));
    Assertions.assertThat(browser.postForm(path, WebClient.form(browser.get(path), answers)).status())
        .isEqualTo(302);
    Assertions.assertThat(volunteers.findByEmail(email)).singleElement().satisfies(v -> {
      Assertions.assertThat(v.isShareContact()).isTrue();
      Assertions.assertThat(v.getChatHandle()).isEqualTo("nadia#7");
    });

    String applyPath = "/cohorts/" + cohort.getSlug() + "/apply";
    Map<String, List<String>> application = new LinkedHashMap<>(TestData.formAnswers(email, "Ada Both"));
    application.put("shareContact", List.of("true"));
    application.put("chatHandle", List.of("ada_b"));
    Assertions.assertThat(browser.postForm(applyPath, WebClient.form(browser.get(applyPath), application)).status())
        .isEqualTo(302);
    Assertions.assertThat(applications.findByEmail(email)).singleElement().satisfies(a -> {
      Assertions.assertThat(a.isShareContact()).isTrue();
      Assertions.assertThat(a.getChatHandle()).isEqualTo("ada_b");
    });
    Assertions.assertThat(personalData.export(email).toString()).contains("nadia#7", "ada_b");

    long volunteerId = volunteers.findByEmail(email).get(0).getId();
    long applicationId = applications.findByEmail(email).get(0).getId();

    personalData.erase(email);

    Assertions.assertThat(volunteers.findById(volunteerId).orElseThrow()).satisfies(v -> {
      Assertions.assertThat(v.isShareContact()).isFalse();
      Assertions.assertThat(v.getChatHandle()).isNull();
    });
    Assertions.assertThat(applications.findById(applicationId).orElseThrow()).satisfies(a -> {
      Assertions.assertThat(a.isShareContact()).isFalse();
      Assertions.assertThat(a.getChatHandle()).isNull();
    });
  }

  private Teams twoTeamsWelcomed(int weeks) {
    CohortDriver.Run run = driver.open(6, weeks);
    List<Application> applied = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
      if (i == 0) {
        form.setShareContact(true);
        form.setChatHandle("ada_one");
      }
      applied.add(applicationService.submit(run.cohort().getSlug(), form));
    }
    driver.drive(run);
    applied.forEach(a -> driver.review(a, 4));
    driver.closeEarly(run);
    driver.finalise(run, "");
    driver.acceptAllOffers(run);
    Volunteer navigatorA = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    navigatorA.shareContact(true, "nadia#7");
    volunteers.save(navigatorA);
    Volunteer navigatorB = driver.volunteer(run, VolunteerRole.NAVIGATOR, 3, List.of("Django core"), EVENINGS);
    Volunteer captain = driver.volunteer(run, VolunteerRole.CAPTAIN, 6, List.of(), EVENINGS);
    captain.shareContact(true, null);
    volunteers.save(captain);
    driver.startCohort(run);
    driver.confirmTeams(run);
    List<Team> formed = teams.findByCohortIdOrderById(run.cohortId());
    Assertions.assertThat(formed).hasSize(2);
    Team teamA = formed.stream().filter(t -> t.getNavigatorVolunteerId().equals(navigatorA.getId())).findFirst()
        .orElseThrow();
    Team teamB = formed.stream().filter(t -> t.getNavigatorVolunteerId().equals(navigatorB.getId())).findFirst()
        .orElseThrow();
    return new Teams(run, teamA, teamB, navigatorA, navigatorB, captain,
        applications.findById(applied.get(0).getId()).orElseThrow(),
        applications.findAllById(applied.stream().map(Application::getId).toList()));
  }

  @Autowired TeamMemberRepository members;

  private List<Application> inTeam(Teams t, Team team) {
    return members.findStayingByTeamId(team.getId()).stream()
        .map(m -> applications.findById(m.getApplicationId()).orElseThrow()).toList();
  }

  private OutboxEmail only(String email, MailTemplate template) {
    List<OutboxEmail> sent = outbox.findByRecipientOrderById(email).stream()
        .filter(e -> e.getTemplate() == template).toList();
    Assertions.assertThat(sent).as(template + " to " + email).hasSize(1);
    return sent.get(0);
  }

  private static Map<String, List<String>> volunteerAnswers(String email) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of("Nadia Navigator"));
    answers.put("email", List.of(email));
    answers.put("role", List.of("NAVIGATOR"));
    answers.put("projects", List.of("Django core"));
    answers.put("availability", List.of("MON-18", "TUE-18", "WED-18"));
    answers.put("capacity", List.of("3"));
    answers.put("codeOfConductAccepted", List.of("true"));
    answers.put("shareContact", List.of("true"));
    return answers;
  }

  private WebClient signedIn(String userId) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(userId), "password", List.of(userId))));
    Assertions.assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }
}
