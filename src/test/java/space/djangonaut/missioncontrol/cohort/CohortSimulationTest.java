package space.djangonaut.missioncontrol.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.application.WithdrawalService;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.survey.Comfort;
import space.djangonaut.missioncontrol.survey.ImpactReport;
import space.djangonaut.missioncontrol.survey.ImpactReportService;
import space.djangonaut.missioncontrol.survey.MidpointCheck;
import space.djangonaut.missioncontrol.survey.MidpointCheckRepository;
import space.djangonaut.missioncontrol.survey.Respondent;
import space.djangonaut.missioncontrol.survey.SurveyForm;
import space.djangonaut.missioncontrol.survey.SurveyService;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.CohortWeeks;
import space.djangonaut.missioncontrol.team.TeamFormation;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.team.TeamService;
import space.djangonaut.missioncontrol.team.VolunteerReplacements;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/**
 * A whole cohort through the engine API on real PostgreSQL and SMTP: 200 applicants, 12 volunteers, 16 selected,
 * a decline filled from the waitlist, teams, eight weeks of check-ins and one-to-ones with one Navigator who never
 * records a check-in (reminded each week, closed as not recorded a week later), a Djangonaut who withdraws through
 * their link in week 4 and a Captain who steps down that week and is replaced, the survey and the report.
 * Prints its email counts and run time.
 */
@IntegrationTest
class CohortSimulationTest {

  private static final int APPLICANTS = 200;
  private static final int PLACES = 16;
  private static final int WEEKS = 8;

  @Autowired ProcessEngine processEngine;
  @Autowired CohortDriver driver;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired OfferService offers;
  @Autowired VolunteerService volunteerService;
  @Autowired VolunteerRepository volunteers;
  @Autowired TeamRepository teams;
  @Autowired TeamMemberRepository members;
  @Autowired TeamService teamService;
  @Autowired SurveyService surveys;
  @Autowired ImpactReportService reports;
  @Autowired OutboxEmailRepository sentEmails;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired TestData testData;
  @Autowired WithdrawalService withdrawals;
  @Autowired MidpointCheckRepository midpointChecks;
  @Autowired VolunteerReplacements replacements;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRunAWholeCohortOfTwoHundredApplicantsAndReportWhatWasRecorded() {
    long started = System.nanoTime();
    CohortDriver.Run run = driver.open(PLACES, WEEKS);

    // 200 applications, ranked by their reviews in the order they came in; 12 volunteers approved.
    List<Application> applied = new ArrayList<>();
    for (int i = 0; i < APPLICANTS; i++) {
      applied.add(applicationService.submit(run.cohort().getSlug(), CohortDriver.pilotApplicationForm(i, "Simulated")));
    }
    driver.signUpApprovedVolunteers(run.cohort().getSlug(), 12);
    driver.drive(run);
    for (int i = 0; i < APPLICANTS; i++) {
      driver.review(applied.get(i), i < 20 ? 5 : i < 60 ? 4 : i < 120 ? 3 : 2);
    }
    driver.closeEarly(run);
    driver.finalise(run, "");

    // Offers: the 16th declines, the first on the waitlist takes the place; everyone else accepts.
    offers.answer(Mailbox.offerToken(applied.get(15).getEmail()), false);
    driver.drive(run);
    driver.acceptAllOffers(run);
    assertThat(applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED)).hasSize(PLACES)
        .extracting(Application::getId).contains(applied.get(16).getId())
        .doesNotContain(applied.get(15).getId());

    // Week 0: the teams are formed, confirmed and welcomed a week before the start.
    driver.formTeams(run);
    driver.confirmTeams(run);
    assertTeamsKeepTheRules(run);
    int placedVolunteers = participatingVolunteers(run);
    int welcomed = welcomeRecipients(run);
    assertThat(driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)).isEmpty();

    // Eight weeks: every one-to-one recorded, one not held each fortnight; every check-in recorded but those of the
    // last team, whose Navigator never records one: the other teams' weeks and the survey go on without them.
    List<Team> formed = teams.findByCohortIdOrderById(run.cohortId());
    Volunteer silent = volunteers.findById(formed.get(formed.size() - 1).getNavigatorVolunteerId()).orElseThrow();
    Recorded recorded = new Recorded();
    Application leaving = null;
    Replacement replacement = null;
    for (int week = 1; week <= WEEKS; week++) {
      ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * (week - 1)))
          .plusSeconds(60)));
      driver.drive(run);
      if (week == 4) {
        leaving = withdrawThroughTheirLink(run, formed.get(0));
        replacement = replaceACaptain(run, formed.get(1));
      }
      recordWeek(run, week, silent.getUserId(), recorded);
    }
    assertThat(recorded.checkIns).isEqualTo(WEEKS * (formed.size() - 1));
    // Every second week a one-to-one per Djangonaut: 16 in week 2, then 15 once one has withdrawn in week 4.
    assertThat(recorded.oneToOnes).isEqualTo(PLACES + (WEEKS / 2 - 1) * (PLACES - 1));
    assertThat(applications.findById(leaving.getId()).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.WITHDRAWN);

    // The survey, when the last week ends: 13 Djangonauts and half the volunteers answer before the reminder.
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * WEEKS)).plusSeconds(60)));
    driver.drive(run);
    assertThat(driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)).as("the silent Navigator's last week")
        .singleElement().satisfies(task -> assertThat(task.getAssignee()).isEqualTo(silent.getUserId()));
    List<OutboxEmail> invitations = sent(run, MailTemplate.SURVEY_INVITATION);
    int answered = answerSurvey(invitations, recorded);
    advance(Duration.ofDays(7).plusMinutes(1));
    driver.drive(run);
    advance(Duration.ofDays(7).plusMinutes(1));
    driver.drive(run);
    Task publish = driver.openTasks(run, CohortProcess.TASK_PUBLISH_REPORT).get(0);

    ImpactReport report = reports.report(run.cohortId());
    // Issue 12, fault 2: distinct tickets, where the old report summed the weekly numbers.
    System.out.printf("Simulation: tickets progressed %d distinct (old report, weekly numbers summed: %d);"
        + " tickets closed %d distinct (summed: %d); pull requests opened %d, merged %d%n",
        report.ticketsProgressed(), recorded.summedProgressed, report.ticketsClosed(), recorded.summedClosed,
        report.pullRequestsOpened(), report.pullRequestsMerged());
    assertThat(report.ticketsProgressed()).isEqualTo(recorded.ticketsProgressed.size())
        .isLessThan(recorded.summedProgressed);
    assertThat(report.ticketsClosed()).isEqualTo(recorded.ticketsClosed.size());
    assertThat(report.pullRequestsOpened()).isEqualTo(recorded.pullRequestsOpened.size());
    assertThat(report.pullRequestsMerged()).isEqualTo(recorded.pullRequestsMerged.size());
    assertThat(report.weeks().stream().mapToInt(ImpactReport.WeekFigures::ticketsProgressed).sum())
        .as("the weekly view: each week's distinct tickets").isEqualTo(recorded.summedProgressed);
    assertThat(report.prReviewComments()).isEqualTo(recorded.prReviewComments);
    assertThat(report.presentations()).isEqualTo(recorded.presentations);
    assertThat(report.checkInsHeld()).isEqualTo(recorded.checkIns);
    assertThat(report.checkInsNotRecorded()).isEqualTo(WEEKS);
    assertThat(report.checkInsNotHeld()).isZero();
    assertThat(report.oneToOnesHeld()).isEqualTo(recorded.oneToOnesHeld);
    assertThat(report.oneToOnesNotHeld()).isEqualTo(recorded.oneToOnes - recorded.oneToOnesHeld);
    assertThat(report.oneToOnesNotRecorded()).isZero();
    assertThat(report.withdrawals()).isEqualTo(1);
    assertThat(report.djangonautResponses()).isEqualTo(13);
    assertThat(report.moreComfortableWithCommunity().count()).isEqualTo(recorded.moreComfortable);

    taskService.complete(publish.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.process().getId()).count())
        .isZero();

    // Every expected email, counted by template.
    int teamCount = teams.findByCohortIdOrderById(run.cohortId()).size();
    Map<MailTemplate, Long> counts = emailCounts(run, applied);
    Map<MailTemplate, Long> expected = new EnumMap<>(MailTemplate.class);
    expected.put(MailTemplate.APPLICATION_RECEIVED, (long) APPLICANTS);
    expected.put(MailTemplate.APPLICATION_ACCEPTED, (long) PLACES + 1);
    expected.put(MailTemplate.PLACE_CONFIRMED, (long) PLACES);
    expected.put(MailTemplate.APPLICATION_WAITLISTED, (long) PLACES / 2);
    expected.put(MailTemplate.WAITLIST_CLOSED, (long) PLACES / 2 - 1);
    expected.put(MailTemplate.APPLICATION_REJECTED, (long) APPLICANTS - PLACES - PLACES / 2);
    expected.put(MailTemplate.VOLUNTEER_WELCOME, 12L);
    if (placedVolunteers < 12) {
      expected.put(MailTemplate.VOLUNTEER_WITHOUT_TEAM, 12L - placedVolunteers);
    }
    // The withdrawal: their Navigator and their Captain are told. The replaced Captain: the new Captain, and their
    // Djangonauts and the team's Navigator.
    expected.put(MailTemplate.DJANGONAUT_WITHDREW, 2L);
    expected.put(MailTemplate.VOLUNTEER_TAKES_OVER, 1L);
    expected.put(MailTemplate.TEAM_VOLUNTEER_CHANGED, (long) replacement.told());
    expected.put(MailTemplate.TEAM_WELCOME, (long) welcomed);
    expected.put(MailTemplate.SURVEY_INVITATION, (long) invitations.size());
    expected.put(MailTemplate.SURVEY_REMINDER, (long) invitations.size() - answered);
    expected.put(MailTemplate.CHECK_IN_REMINDER, (long) WEEKS);
    // The mid-point check at the end of week 4: every Djangonaut but the one who withdrew that week, each
    // Navigator, and each team's Captains (the replacement, not the one who stepped down).
    List<MidpointCheck> midpoint = midpointChecks.findByCohortIdOrderById(run.cohortId());
    long left = leaving.getId();
    long replacedIn = formed.get(1).getId();
    Replacement replaced = replacement;
    assertThat(midpoint).filteredOn(c -> c.getKind() == Respondent.DJANGONAUT).hasSize(PLACES - 1)
        .noneMatch(c -> c.getReferenceId() == left);
    assertThat(midpoint).filteredOn(c -> c.getKind() == Respondent.NAVIGATOR).hasSize(teamCount);
    assertThat(midpoint).filteredOn(c -> c.getKind() == Respondent.CAPTAIN && c.getTeamId() == replacedIn)
        .extracting(MidpointCheck::getReferenceId).contains(replaced.successor().getId())
        .doesNotContain(replaced.leaver().getId());
    expected.put(MailTemplate.MIDPOINT_CHECK, (long) midpoint.size());
    assertThat(counts).isEqualTo(expected);
    assertThat(sentEmails.findByRecipientOrderById(silent.getEmail())).extracting(OutboxEmail::getTemplate)
        .filteredOn(t -> t == MailTemplate.CHECK_IN_REMINDER).hasSize(WEEKS);
    // The organisers hear of each of the silent team's weeks once, when its check-in is closed as not recorded.
    long organisers = identityService.createUserQuery().memberOfGroup(Roles.ORGANISERS).list().stream()
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).count();
    assertThat(teamEmails(run, MailTemplate.CHECK_IN_ESCALATION)).isEqualTo(WEEKS * organisers);
    // Those who withdrew are not asked; the Captain who stepped down is not, the one who took over is.
    assertThat(invitations).hasSize(PLACES - 1 + participatingVolunteers(run));
    assertThat(invitations).extracting(OutboxEmail::getRecipient).doesNotContain(leaving.getEmail())
        .contains(replacement.successor().getEmail());
    assertThat(teamCount).isBetween(4, 5);

    System.out.printf("%nCohort simulation: %d applicants, %d volunteers, %d selected, %d teams, %d weeks in %.1f s%n"
        + "Emails by template: %s%n%n", APPLICANTS, 12, PLACES, teamCount, WEEKS,
        (System.nanoTime() - started) / 1e9, counts);
  }

  // --- the steps

  private void assertTeamsKeepTheRules(CohortDriver.Run run) {
    List<Team> formed = teams.findByCohortIdOrderById(run.cohortId());
    Set<Long> placed = new HashSet<>();
    for (Team team : formed) {
      List<TeamMember> teamMembers = members.findByTeamIdOrderById(team.getId());
      assertThat(teamMembers).hasSizeBetween(TeamFormation.MIN_TEAM, TeamFormation.MAX_TEAM);
      CohortWeeks weeks = CohortWeeks.of(run.cohort());
      WeeklyAvailability navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow()
          .getAvailability();
      List<WeeklyAvailability> together = new ArrayList<>(List.of(navigator));
      for (TeamMember member : teamMembers) {
        Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
        assertThat(djangonaut.getProject()).isEqualTo(team.getProject());
        together.add(djangonaut.getAvailability());
        WeeklyAvailability captain = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow()
            .getAvailability();
        assertThat(weeks.minutesEveryWeek(List.of(djangonaut.getAvailability(), captain)))
            .isGreaterThanOrEqualTo(TeamFormation.CAPTAIN_OVERLAP_HOURS * 60L);
        placed.add(member.getApplicationId());
      }
      assertThat(weeks.minutesEveryWeek(together)).isGreaterThanOrEqualTo(TeamFormation.TEAM_OVERLAP_HOURS * 60L);
    }
    assertThat(placed).hasSize(PLACES);
    assertThat(teamService.problems(run.cohortId())).allMatch(p -> p.applicationId() == null
        && p.message().endsWith("has no Djangonaut."));
  }

  /**
   * The first Djangonaut of this team withdraws through the link in their emails: their open one-to-one is closed
   * and their Navigator and Captain are told.
   */
  private Application withdrawThroughTheirLink(CohortDriver.Run run, Team team) {
    TeamMember member = members.findByTeamIdOrderById(team.getId()).get(0);
    Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
    int oneToOnes = driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE).size();
    withdrawals.withdrawByLink(Mailbox.newestToken(djangonaut.getEmail(), "withdraw"));
    driver.drive(run);
    assertThat(driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE)).hasSize(oneToOnes - 1);
    return djangonaut;
  }

  /**
   * A Captain of this team steps down on their teams page; an organiser chooses a volunteer who fits from the
   * replacement task; their open one-to-ones move to the new Captain.
   */
  private Replacement replaceACaptain(CohortDriver.Run run, Team team) {
    TeamMember member = members.findStayingByTeamId(team.getId()).get(0);
    Volunteer leaver = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow();
    long stepDown = replacements.stepDown(team.getId(), leaver.getId(), true).getId();
    driver.drive(run);
    Task replace = driver.openTasks(run, TeamProcess.TASK_REPLACE_VOLUNTEER).get(0);
    VolunteerReplacements.Option fits = replacements.options(stepDown).stream()
        .filter(VolunteerReplacements.Option::fits).findFirst().orElseThrow();
    taskService.complete(replace.getId(), Map.of("replacementVolunteerId", fits.volunteerId()));
    driver.drive(run);
    Volunteer successor = volunteers.findById(fits.volunteerId()).orElseThrow();
    // In this team (the leaver may be the Captain of Djangonauts of other teams too, and stays theirs).
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(team.getId().toString())
        .taskDefinitionKey(TeamProcess.TASK_HOLD_ONE_TO_ONE).list()).extracting(Task::getAssignee)
        .doesNotContain(leaver.getUserId()).contains(successor.getUserId());
    // Told: the Djangonauts the new Captain now looks after in this team, and the team's Navigator.
    int told = (int) members.findByTeamIdOrderById(team.getId()).stream()
        .filter(m -> m.getCaptainVolunteerId().equals(successor.getId())).count() + 1;
    return new Replacement(leaver, successor, told);
  }

  /** A Captain who stepped down, who took over, and how many of the team were told of the change. */
  private record Replacement(Volunteer leaver, Volunteer successor, int told) {}

  private void recordWeek(CohortDriver.Run run, int week, String silentNavigator, Recorded recorded) {
    for (Task task : driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)) {
      if (task.getAssignee().equals(silentNavigator)) {
        continue;
      }
      int progressed = (week + recorded.checkIns) % 3;
      int closed = week % 4 == 0 ? 1 : 0;
      int comments = 2 + week % 5;
      int presentations = week == WEEKS && recorded.presentations < 2 ? 1 : 0;
      Map<String, Object> form = new HashMap<>();
      form.put("checkInHeld", true);
      form.put("djangonautsAttended", 3L);
      form.put("contributions", contributions(task, week, progressed, closed, recorded));
      form.put("prReviewComments", (long) comments);
      form.put("presentations", (long) presentations);
      taskService.complete(task.getId(), form);
      recorded.checkIns++;
      recorded.summedProgressed += progressed;
      recorded.summedClosed += closed;
      recorded.prReviewComments += comments;
      recorded.presentations += presentations;
    }
    List<Task> oneToOnes = driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE);
    for (int i = 0; i < oneToOnes.size(); i++) {
      boolean held = i != 0;
      taskService.complete(oneToOnes.get(i).getId(), Map.of("oneToOneHeld", held, "oneToOneNotes", "fine"));
      recorded.oneToOnes++;
      recorded.oneToOnesHeld += held ? 1 : 0;
    }
    driver.drive(run);
  }

  private int answerSurvey(List<OutboxEmail> invitations, Recorded recorded) {
    Set<String> djangonautEmails = new HashSet<>();
    applications.findAll().stream().filter(a -> a.getStatus() == ApplicationStatus.CONFIRMED)
        .forEach(a -> djangonautEmails.add(a.getEmail()));
    int djangonauts = 0;
    int volunteersAnswered = 0;
    int answered = 0;
    for (OutboxEmail invitation : invitations) {
      boolean djangonaut = djangonautEmails.contains(invitation.getRecipient());
      if (djangonaut ? djangonauts >= 13 : volunteersAnswered++ % 2 == 1) {
        continue;
      }
      SurveyForm form = new SurveyForm();
      if (djangonaut) {
        Comfort comfort = djangonauts < 12 ? Comfort.MORE : Comfort.SAME;
        form.setComfortContributing(Comfort.MORE);
        form.setComfortCommunity(comfort);
        recorded.moreComfortable += comfort == Comfort.MORE ? 1 : 0;
        djangonauts++;
      } else {
        form.setComfortMentoring(Comfort.MORE);
      }
      form.setMayQuote(false);
      surveys.answer(Mailbox.newestToken(invitation.getRecipient(), "survey"), form);
      answered++;
    }
    return answered;
  }

  // --- counting

  private Map<MailTemplate, Long> emailCounts(CohortDriver.Run run, List<Application> applied) {
    Set<String> recipients = new HashSet<>();
    applied.forEach(a -> recipients.add(a.getEmail()));
    volunteers.findByCohortIdOrderBySubmittedAt(run.cohortId()).forEach(v -> recipients.add(v.getEmail()));
    Map<MailTemplate, Long> counts = new EnumMap<>(MailTemplate.class);
    for (String recipient : recipients) {
      for (OutboxEmail email : sentEmails.findByRecipientOrderById(recipient)) {
        counts.merge(email.getTemplate(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Emails of a template the teams' processes sent, to anyone. */
  private long teamEmails(CohortDriver.Run run, MailTemplate template) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(run.process().getId()).list()
        .stream().flatMap(team -> sentEmails.findByProcessInstanceIdOrderById(team.getId()).stream())
        .filter(e -> e.getTemplate() == template).count();
  }

  private List<OutboxEmail> sent(CohortDriver.Run run, MailTemplate template) {
    return sentEmails.findByProcessInstanceIdOrderById(run.process().getId()).stream()
        .filter(e -> e.getTemplate() == template).toList();
  }

  private int welcomeRecipients(CohortDriver.Run run) {
    int recipients = 0;
    for (Team team : teams.findByCohortIdOrderById(run.cohortId())) {
      List<TeamMember> teamMembers = members.findByTeamIdOrderById(team.getId());
      recipients += teamMembers.size() + 1
          + (int) teamMembers.stream().map(TeamMember::getCaptainVolunteerId).distinct().count();
    }
    return recipients;
  }

  private int participatingVolunteers(CohortDriver.Run run) {
    Set<Long> ids = new HashSet<>();
    for (Team team : teams.findByCohortIdOrderById(run.cohortId())) {
      ids.add(team.getNavigatorVolunteerId());
      members.findStayingByTeamId(team.getId()).forEach(m -> ids.add(m.getCaptainVolunteerId()));
    }
    return ids.size();
  }

  /**
   * A team's lines of the week, as a Navigator writes them: {@code progressed} of the team's tickets, moving along its
   * list a ticket every third week (so a ticket is progressed in up to three weeks), one of them closed in weeks 4
   * and 8; a pull request opened in week 2 and merged in week 6.
   */
  private String contributions(Task task, int week, int progressed, int closed, Recorded recorded) {
    long team = Long.parseLong(runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    long first = 30_000 + (team % 1_000) * 10 + week / 3;
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < progressed; i++) {
      lines.append('#').append(first + i).append(" progressed\n");
      recorded.ticketsProgressed.add("#" + (first + i));
    }
    if (closed > 0) {
      lines.append("https://code.djangoproject.com/ticket/").append(first).append(" closed\n");
      recorded.ticketsClosed.add("#" + first);
    }
    String pullRequest = "https://github.com/django/django/pull/" + (20_000 + team % 1_000);
    if (week == 2) {
      lines.append(pullRequest).append(" opened\n");
      recorded.pullRequestsOpened.add(pullRequest);
    } else if (week == 6) {
      lines.append(pullRequest).append(" merged\n");
      recorded.pullRequestsMerged.add(pullRequest);
    }
    return lines.toString();
  }

  private static void advance(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  /** What the test recorded, to compare with the report. */
  private static final class Recorded {
    int checkIns;
    /** What the old report showed: the weekly numbers of tickets progressed and closed, summed. */
    int summedProgressed;
    int summedClosed;
    /** The distinct tickets and pull requests the check-ins listed, by state. */
    final Set<String> ticketsProgressed = new HashSet<>();
    final Set<String> ticketsClosed = new HashSet<>();
    final Set<String> pullRequestsOpened = new HashSet<>();
    final Set<String> pullRequestsMerged = new HashSet<>();
    int prReviewComments;
    int presentations;
    int oneToOnes;
    int oneToOnesHeld;
    int moreComfortable;
  }
}
