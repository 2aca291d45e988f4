package space.djangonaut.missioncontrol.cohort;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_HOLD_ONE_TO_ONE;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_RECORD_CHECK_IN;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.mentorship.Contribution;
import space.djangonaut.missioncontrol.mentorship.ContributionRepository;
import space.djangonaut.missioncontrol.mentorship.OneToOneRepository;
import space.djangonaut.missioncontrol.privacy.PersonalDataService;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.StoredText;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.survey.ImpactReport;
import space.djangonaut.missioncontrol.survey.ImpactReportService;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * A person leaves, at any time, and nobody else waits for them: a Djangonaut who withdraws through the link in their
 * emails in week 4, one an organiser withdraws before the teams are formed, an applicant erased during the review,
 * and a Djangonaut erased after the teams were formed. Real PostgreSQL and SMTP; time moves by the engine's clock.
 */
@IntegrationTest
class PersonLeavesProcessTest {

  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18");

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired StoredText storedText;
  @Autowired TaskService taskService;
  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired VolunteerRepository volunteers;
  @Autowired CheckInRepository checkIns;
  @Autowired ContributionRepository contributions;
  @Autowired OneToOneRepository oneToOnes;
  @Autowired OutboxEmailRepository outbox;
  @Autowired ImpactReportService reports;
  @Autowired PersonalDataService personalData;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldStopWhatWasAboutADjangonautWhoWithdrawsInWeek4AndTellTheirNavigatorAndCaptain() {
    CohortDriver.Run run = oneTeamWelcomed(6);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Application leaving = run.ranked().get(1);
    Volunteer captain = volunteers.findById(members.findByApplicationId(leaving.getId()).orElseThrow()
        .getCaptainVolunteerId()).orElseThrow();
    for (int week = 1; week <= 3; week++) {
      startWeek(run, week);
      recordOpenTasks(run, 3);
    }
    startWeek(run, 4);
    Assertions.assertThat(oneToOnesAbout(run)).containsOnlyKeys(djangonautIds(run));

    // The link in their team's welcome: GET asks, nothing changes; POST (with the page's CSRF token) withdraws.
    String token = Mailbox.newestToken(leaving.getEmail(), "withdraw");
    WebClient web = new WebClient(port);
    WebClient.Response page = web.get("/withdraw/" + token);
    Assertions.assertThat(page.status()).isEqualTo(200);
    Assertions.assertThat(page.body()).contains("Yes, I withdraw").contains(leaving.getName());
    Assertions.assertThat(status(leaving)).isEqualTo(ApplicationStatus.CONFIRMED);
    WebClient.Response done = web.postForm("/withdraw/" + token, WebClient.form(page, Map.of()));
    Assertions.assertThat(done.status()).isEqualTo(200);
    Assertions.assertThat(done.body()).contains("You have withdrawn").doesNotContain("Yes, I withdraw");
    driver.drive(run);

    Assertions.assertThat(status(leaving)).isEqualTo(ApplicationStatus.WITHDRAWN);
    Assertions.assertThat(oneToOnesAbout(run)).as("the others' one-to-ones go on").hasSize(2)
        .doesNotContainKey(leaving.getId());
    Assertions.assertThat(driver.openTasks(run, TASK_RECORD_CHECK_IN)).hasSize(1);
    for (Volunteer told : List.of(navigator, captain)) {
      Assertions.assertThat(outbox.findByRecipientOrderById(told.getEmail())).extracting(OutboxEmail::getTemplate)
          .containsOnlyOnce(MailTemplate.DJANGONAUT_WITHDREW);
      Assertions.assertThat(Mailbox.messagesTo(told.getEmail())).extracting(Mailbox::text)
          .anyMatch(text -> text.contains(leaving.getName() + " has left " + team.getName()));
    }
    Assertions.assertThat(web.postForm("/withdraw/" + token, WebClient.form(page, Map.of())).body())
        .as("the link used again").contains("You have withdrawn");

    // The week's one-to-ones left open are reminded without them; the next one-to-one week does not ask about them.
    ClockUtil.setCurrentTime(Date.from(weekStart(run, 5).plusSeconds(60)));
    driver.drive(run);
    OutboxEmail reminder = outbox.findByRecipientOrderById(captain.getEmail()).stream()
        .filter(e -> e.getTemplate() == MailTemplate.ONE_TO_ONE_REMINDER).reduce((a, b) -> b).orElseThrow();
    Assertions.assertThat(reminder.getTextBody()).doesNotContain(leaving.getName());
    recordOpenTasks(run, 2);
    startWeek(run, 6);
    Assertions.assertThat(oneToOnesAbout(run)).hasSize(2).doesNotContainKey(leaving.getId());
    recordOpenTasks(run, 2);

    ImpactReport report = reports.report(run.cohortId());
    Assertions.assertThat(report.withdrawals()).isEqualTo(1);
    Assertions.assertThat(report.oneToOnesNotRecorded()).as("withdrawals are apart from not recorded").isZero();
    Assertions.assertThat(report.oneToOnesNotHeld()).as("and from not held").isZero();
    Assertions.assertThat(report.oneToOnesHeld()).isEqualTo(3 + 2 + 2);
    Assertions.assertThat(oneToOnes.findByCohortIdOrderByWeekAscApplicationIdAsc(run.cohortId()))
        .filteredOn(o -> o.getApplicationId().equals(leaving.getId())).extracting(o -> o.getWeek())
        .containsExactly(2);
  }

  @Test
  void shouldTellEachCaptainOfTheRightDjangonautWhenTwoWithdrawBeforeTheTeamIsTold() {
    CohortDriver.Run run = oneTeamWelcomed(4);
    startWeek(run, 1);
    Application first = run.ranked().get(0);
    Application second = run.ranked().get(2);
    String organiser = testData.organiser();
    WebClient api = new WebClient(port).basicAuth(organiser, organiser);

    // Both withdrawals come before the team's job that tells the Navigator and Captain runs.
    Assertions.assertThat(api.postJson("/api/applications/" + first.getId() + "/withdraw", "{}").status())
        .isEqualTo(200);
    Assertions.assertThat(api.postJson("/api/applications/" + second.getId() + "/withdraw", "{}").status())
        .isEqualTo(200);
    driver.drive(run);

    Volunteer navigator = volunteers.findById(teams.findByCohortIdOrderById(run.cohortId()).get(0)
        .getNavigatorVolunteerId()).orElseThrow();
    Assertions.assertThat(outbox.findByRecipientOrderById(navigator.getEmail()))
        .filteredOn(e -> e.getTemplate() == MailTemplate.DJANGONAUT_WITHDREW).extracting(OutboxEmail::getTextBody)
        .hasSize(2).anyMatch(text -> text.contains(first.getName() + " has left"))
        .anyMatch(text -> text.contains(second.getName() + " has left"));
    Assertions.assertThat(reports.report(run.cohortId()).withdrawals()).isEqualTo(2);
  }

  @Test
  void shouldOfferTheWaitlistThePlaceOfADjangonautAnOrganiserWithdrawsBeforeTheTeamsAreFormed() {
    CohortDriver.Run run = confirmedWithVolunteers(6);
    Application leaving = run.ranked().get(0);
    Application waitlisted = run.ranked().get(3);
    String organiser = testData.organiser();
    String reviewer = testData.reviewer();

    Assertions.assertThat(new WebClient(port).basicAuth(reviewer, reviewer)
        .postJson("/api/applications/" + leaving.getId() + "/withdraw", "{}").status()).isEqualTo(403);
    WebClient.Response withdrawn = new WebClient(port).basicAuth(organiser, organiser)
        .postJson("/api/applications/" + leaving.getId() + "/withdraw", "{}");
    driver.drive(run);

    Assertions.assertThat(withdrawn.status()).isEqualTo(200);
    Assertions.assertThat(withdrawn.body()).contains("\"withdrawn\":true").contains("\"status\":\"withdrawn\"");
    Assertions.assertThat(status(waitlisted)).as("offered the freed place").isEqualTo(ApplicationStatus.OFFERED);
    Assertions.assertThat(Mailbox.messagesTo(waitlisted.getEmail())).extracting(Mailbox::text)
        .anyMatch(text -> text.contains("/offers/"));
    Assertions.assertThat(new WebClient(port).basicAuth(organiser, organiser)
        .postJson("/api/applications/" + leaving.getId() + "/withdraw", "{}").body())
        .as("nothing left to withdraw from").contains("\"withdrawn\":false");
  }

  @Test
  void shouldRankWithoutAnApplicantErasedBeforeApplicationsClose() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 3);
    driver.review(applied.get(0), 4);
    driver.review(applied.get(1), 3);
    Application erased = applied.get(2);

    personalData.erase(erased.getEmail());
    driver.closeEarly(run);

    assertThat(run.process()).isWaitingAt(CohortProcess.TASK_FINALISE_SELECTION);
    Assertions.assertThat(status(erased)).isEqualTo(ApplicationStatus.WITHDRAWN);
    driver.finalise(run, "");
    Assertions.assertThat(status(applied.get(0))).isEqualTo(ApplicationStatus.OFFERED);
    Assertions.assertThat(status(applied.get(1))).isEqualTo(ApplicationStatus.OFFERED);
  }

  @Test
  void shouldRankAsSoonAsTheOnlyApplicantStillInReviewIsErased() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 3);
    driver.review(applied.get(0), 4);
    driver.reviewInDisagreement(applied.get(1));
    driver.review(applied.get(2), 3);
    driver.closeEarly(run);
    assertThat(run.process()).isWaitingAt(CohortProcess.GATEWAY_WAIT_FOR_REVIEWS);

    personalData.erase(applied.get(1).getEmail());
    driver.drive(run);

    assertThat(run.process()).isWaitingAt(CohortProcess.TASK_FINALISE_SELECTION);
    Task selection = taskService.createTaskQuery().processInstanceId(run.process().getId())
        .taskDefinitionKey(CohortProcess.TASK_FINALISE_SELECTION).singleResult();
    Assertions.assertThat(taskService.getVariable(selection.getId(), "stillInReview"))
        .isEqualTo("None: every application is reviewed.");
  }

  @Test
  void shouldLetTheTeamGoOnAndLeaveNoMentionOfADjangonautErasedAfterTheTeamsWereFormed() {
    CohortDriver.Run run = oneTeamWelcomed(4);
    Team team = teams.findByCohortIdOrderById(run.cohortId()).get(0);
    Application leaving = run.ranked().get(1);
    Application other = run.ranked().get(0);
    String name = leaving.getName();
    String email = leaving.getEmail();
    Volunteer captain = volunteers.findById(members.findByApplicationId(leaving.getId()).orElseThrow()
        .getCaptainVolunteerId()).orElseThrow();
    // Week 1's check-in names them; in week 2 their Captain writes about them in another one-to-one's notes, and
    // theirs is still open when the Captain is reminded (an email naming them).
    startWeek(run, 1);
    for (Task task : driver.openTasks(run, TASK_RECORD_CHECK_IN)) {
      taskService.complete(task.getId(), Map.of("checkInHeld", true, "djangonautsAttended", 3L,
          "attendees", run.ranked().subList(0, 3).stream().map(Application::getName)
              .reduce((a, b) -> a + ", " + b).orElseThrow(),
          "blockers", name + " needs help with git", "contributions",
          name + ": #35123 progressed\n#35124 progressed"));
    }
    startWeek(run, 2);
    Map<Long, Task> oneToOnes = oneToOnesAbout(run);
    taskService.complete(oneToOnes.get(other.getId()).getId(), Map.of("oneToOneHeld", true,
        "oneToOneNotes", "Pairs with " + name + " on the admin ticket"));
    ClockUtil.setCurrentTime(Date.from(weekStart(run, 3).plusSeconds(60)));
    driver.drive(run);
    Assertions.assertThat(outbox.findByRecipientOrderById(captain.getEmail())).extracting(OutboxEmail::getTextBody)
        .anyMatch(text -> text.contains(name));
    Assertions.assertThat(storedText.columnsHoldingIgnoringCase(name)).as("before the erasure").isNotEmpty();

    personalData.erase(email);
    driver.drive(run);

    // Their part ended as a withdrawal: nothing about them is open, the team goes on, their team is told anonymously.
    Assertions.assertThat(status(leaving)).isEqualTo(ApplicationStatus.WITHDRAWN);
    Assertions.assertThat(oneToOnesAbout(run)).doesNotContainKey(leaving.getId()).containsKey(run.ranked().get(2)
        .getId());
    Assertions.assertThat(driver.teamProcesses(run)).hasSize(1);
    Assertions.assertThat(driver.openTasks(run, TASK_RECORD_CHECK_IN)).as("weeks 2 and 3").hasSize(2)
        .allSatisfy(task -> Assertions.assertThat(taskService.getVariable(task.getId(), "teamMembers").toString())
            .contains("(erased)"));
    Assertions.assertThat(outbox.findByRecipientOrderById(captain.getEmail())).filteredOn(e -> e.getTemplate()
        == MailTemplate.DJANGONAUT_WITHDREW).singleElement()
        .satisfies(e -> Assertions.assertThat(e.getTextBody()).contains("One of the Djangonauts of " + team.getName()));
    // Nothing of them anywhere: process variables and their history, emails to others, notes.
    Assertions.assertThat(storedText.columnsHoldingIgnoringCase(name)).isEmpty();
    Assertions.assertThat(storedText.columnsHoldingIgnoringCase(email)).isEmpty();
    Assertions.assertThat(checkIns.findByCohortIdOrderByWeekAscTeamIdAsc(run.cohortId())).first()
        .satisfies(c -> {
          Assertions.assertThat(c.getAttended()).startsWith("3 of 3: ").contains("(erased)");
          Assertions.assertThat(c.getBlockers()).isEqualTo("(erased) needs help with git");
          Assertions.assertThat(c.getTicketsProgressed()).isEqualTo(2);
        });
    // The ticket the check-in attributed to them goes with them; the line that named nobody stays.
    Assertions.assertThat(contributions.findByCohortIdOrderByWeekAscId(run.cohortId()))
        .extracting(Contribution::getUrl).containsExactly("https://code.djangoproject.com/ticket/35124");
    Assertions.assertThat(reports.report(run.cohortId())).satisfies(r -> {
      Assertions.assertThat(r.withdrawals()).isEqualTo(1);
      Assertions.assertThat(r.checkInsHeld()).isEqualTo(1);
      Assertions.assertThat(r.oneToOnesHeld()).isEqualTo(1);
    });
  }

  // --- fixtures

  /** Three confirmed Djangonauts (capacity 3) and one waitlisted, a Navigator and a Captain; teams not formed. */
  private CohortDriver.Run confirmedWithVolunteers(int weeks) {
    CohortDriver.Run run = driver.open(3, weeks);
    List<Application> applied = driver.apply(run, 4);
    for (int i = 0; i < applied.size(); i++) {
      driver.review(applied.get(i), 5 - i);
    }
    driver.closeEarly(run);
    run.ranked().addAll(applications.findAllById(applied.stream().map(Application::getId).toList()).stream()
        .sorted(Comparator.comparing(Application::getRanking)).toList());
    driver.finalise(run, "#" + run.ranked().get(3).getId() + " waitlisted");
    driver.acceptAllOffers(run);
    driver.volunteer(run, VolunteerRole.NAVIGATOR, 4, List.of("Django core"), EVENINGS);
    driver.volunteer(run, VolunteerRole.CAPTAIN, 4, List.of(), EVENINGS);
    return run;
  }

  /** As {@link #confirmedWithVolunteers}, and the team formed, confirmed and welcomed (week 0). */
  private CohortDriver.Run oneTeamWelcomed(int weeks) {
    CohortDriver.Run run = confirmedWithVolunteers(weeks);
    driver.formTeams(run);
    driver.confirmTeams(run);
    Assertions.assertThat(driver.teamProcesses(run)).hasSize(1);
    return run;
  }

  private void startWeek(CohortDriver.Run run, int week) {
    ClockUtil.setCurrentTime(Date.from(weekStart(run, week).plusSeconds(60)));
    driver.drive(run);
  }

  private static Instant weekStart(CohortDriver.Run run, int week) {
    return run.cohort().startsAt().plus(Duration.ofDays(7L * (week - 1)));
  }

  /** Completes the open check-ins ({@code attended} of the team) and one-to-ones, as held. */
  private void recordOpenTasks(CohortDriver.Run run, long attended) {
    for (Task task : driver.openTasks(run, TASK_RECORD_CHECK_IN)) {
      Map<String, Object> form = new HashMap<>();
      form.put("checkInHeld", true);
      form.put("djangonautsAttended", attended);
      form.put("contributions", "#35123 progressed");
      taskService.complete(task.getId(), form);
    }
    for (Task task : driver.openTasks(run, TASK_HOLD_ONE_TO_ONE)) {
      taskService.complete(task.getId(), Map.of("oneToOneHeld", true));
    }
    driver.drive(run);
  }

  /** The open one-to-ones of the cohort's teams, by the Djangonaut they are about. */
  private Map<Long, Task> oneToOnesAbout(CohortDriver.Run run) {
    Map<Long, Task> about = new HashMap<>();
    for (Task task : driver.openTasks(run, TASK_HOLD_ONE_TO_ONE)) {
      about.put((Long) taskService.getVariable(task.getId(), TeamProcess.DJANGONAUT_ID.name()), task);
    }
    return about;
  }

  private List<Long> djangonautIds(CohortDriver.Run run) {
    return run.ranked().subList(0, 3).stream().map(Application::getId).toList();
  }

  private ApplicationStatus status(Application application) {
    return applications.findById(application.getId()).orElseThrow().getStatus();
  }
}
