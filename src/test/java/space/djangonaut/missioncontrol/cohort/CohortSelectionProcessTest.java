package space.djangonaut.missioncontrol.cohort;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.END_EVENT_PLACE_REOFFERED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.END_EVENT_PLACE_UNFILLED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.EVENT_TEAMS_FORMED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.GATEWAY_APPLICATION_WINDOW;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.GATEWAY_WAIT_FOR_REVIEWS;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TASK_CLOSE_APPLICATIONS;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TASK_FINALISE_SELECTION;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TASK_OFFER_PLACE_TO_WAITLIST;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.application.SelectionService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * bpmn/cohort.bpmn from the application window to the start of the cohort: closing (on time, early), waiting for
 * the last reviews (tie-breaks included) or an organiser's "Rank now", the selection, and offers freed by a decline or an expired deadline going to the waitlist. Time moves
 * by the engine's clock; nothing sleeps.
 */
@IntegrationTest
class CohortSelectionProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired CohortDriver driver;
  @Autowired CohortRepository cohorts;
  @Autowired ApplicationRepository applications;
  @Autowired OfferService offers;
  @Autowired OutboxEmailRepository sentEmails;
  @Autowired space.djangonaut.missioncontrol.application.SelectionService selection;
  @Autowired CohortLifecycle lifecycle;
  @Autowired ApplicationService applicationService;
  @Autowired TestData testData;
  @LocalServerPort int port;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCloseApplicationsWhenTheWindowEndsAnywhereOnEarth() {
    CohortDriver.Run run = driver.open(2);
    assertThat(run.process()).isWaitingAt(GATEWAY_APPLICATION_WINDOW);

    Date closesAt = Date.from(run.cohort().applicationsCloseAt());
    ClockUtil.setCurrentTime(new Date(closesAt.getTime() - 1000));
    driver.drive(run);
    assertThat(run.process()).isWaitingAt(GATEWAY_APPLICATION_WINDOW);

    ClockUtil.setCurrentTime(new Date(closesAt.getTime() + 1000));
    driver.drive(run);

    assertThat(run.process()).hasPassed(TASK_CLOSE_APPLICATIONS).isWaitingAt(TASK_FINALISE_SELECTION);
    Assertions.assertThat(cohorts.findById(run.cohortId()).orElseThrow().getApplicationsClosedAt()).isNotNull();
  }

  @Test
  void shouldCloseApplicationsEarlyWhenAnOrganiserSaysSo() {
    CohortDriver.Run run = driver.open(2);
    driver.apply(run, 3);

    driver.closeEarly(run);

    assertThat(run.process()).hasPassed(CohortProcess.EVENT_CLOSED_EARLY, TASK_CLOSE_APPLICATIONS);
    Cohort cohort = cohorts.findById(run.cohortId()).orElseThrow();
    Assertions.assertThat(cohort.isAcceptingApplicationsAt(ClockUtil.getCurrentTime().toInstant())).isFalse();
  }

  @Test
  void shouldAskTheOrganiserToConfirmThenSayClosedOnThePublicPagesAtOnce() {
    CohortDriver.Run run = driver.open(2);
    driver.apply(run, 3);
    String organiser = testData.organiser();
    WebClient pages = new WebClient(port).basicAuth(organiser, organiser);
    String slug = run.cohort().getSlug();

    WebClient.Response cohortPage = pages.get("/organiser/cohorts/" + slug);
    Assertions.assertThat(cohortPage.body()).contains("href=\"/organiser/cohorts/" + slug + "/close\"")
        .doesNotContain("action=\"/organiser/cohorts/" + slug + "/close\"");
    WebClient.Response confirm = pages.get("/organiser/cohorts/" + slug + "/close");
    Assertions.assertThat(confirm.status()).isEqualTo(200);
    Assertions.assertThat(confirm.body()).contains("3 applications").contains("Yes, close applications now");
    Assertions.assertThat(cohorts.findById(run.cohortId()).orElseThrow().getApplicationsClosedAt()).isNull();

    WebClient.Response closed = pages.postForm("/organiser/cohorts/" + slug + "/close",
        WebClient.form(confirm, java.util.Map.of()));

    Assertions.assertThat(closed.status()).isEqualTo(302);
    WebClient anyone = new WebClient(port);
    Assertions.assertThat(anyone.get("/cohorts/" + slug + "/apply").body()).contains("closed")
        .doesNotContain("name=\"email\"");
    Assertions.assertThat(anyone.get("/").body()).doesNotContain("/cohorts/" + slug + "/apply");
    driver.drive(run);
    assertThat(run.process()).hasPassed(CohortProcess.EVENT_CLOSED_EARLY, TASK_CLOSE_APPLICATIONS);
  }

  @Test
  void shouldRankAsSoonAsTheLastReviewIsInWithoutATimer() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 2);
    driver.review(applied.get(0), 4);
    driver.closeEarly(run);

    assertThat(run.process()).isWaitingAt(GATEWAY_WAIT_FOR_REVIEWS).isNotWaitingAt(TASK_FINALISE_SELECTION);
    Assertions.assertThat(processEngine.getManagementService().createJobQuery()
        .processInstanceId(run.process().getId()).timers().list()).as("no poll").isEmpty();

    driver.review(applied.get(1), 3);
    driver.drive(run);

    assertThat(run.process()).hasPassed(CohortProcess.EVENT_REVIEW_COMPLETED, CohortProcess.TASK_RANK_APPLICATIONS)
        .isWaitingAt(TASK_FINALISE_SELECTION);
    Assertions.assertThat(selection.proposalLines(run.cohortId())).hasSize(2);
  }

  @Test
  void shouldLetAnOrganiserStartTheSelectionWhileATieBreakIsPendingAndDecideEveryoneElse() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 3);
    driver.review(applied.get(0), 4);
    driver.review(applied.get(1), 3);
    Application pending = applied.get(2);
    driver.reviewInDisagreement(pending);
    driver.closeEarly(run);
    assertThat(run.process()).isWaitingAt(GATEWAY_WAIT_FOR_REVIEWS);

    lifecycle.requestSelection(run.cohort().getSlug());
    driver.drive(run);

    assertThat(run.process()).hasPassed(CohortProcess.EVENT_SELECTION_REQUESTED).isWaitingAt(TASK_FINALISE_SELECTION);
    String stillInReview = (String) taskService().getVariable(task(TASK_FINALISE_SELECTION, run.process()).getId(),
        "stillInReview");
    Assertions.assertThat(stillInReview).contains("#" + pending.getId() + " " + pending.getName())
        .contains("awaiting a third review");
    assertThatThrownBy(() -> driver.finalise(run, "#" + pending.getId() + " accepted"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("#" + pending.getId())
        .hasMessageContaining("still under review");
    driver.finalise(run, "");

    // Everyone ranked is told; the pending application is neither decided nor stuck, and the cohort goes on.
    Assertions.assertThat(List.of(applied.get(0), applied.get(1), pending)).extracting(this::status)
        .containsExactly(ApplicationStatus.OFFERED, ApplicationStatus.OFFERED, ApplicationStatus.AWAITING_TIE_BREAK);
    Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().list())
        .filteredOn(incident -> incident.getProcessInstanceId().equals(run.process().getId())).isEmpty();
    assertThat(run.process()).isWaitingAt(EVENT_TEAMS_FORMED);

    // Its third review comes later: the organiser decides it on the cohort's page, and the applicant is told.
    driver.resolveTieBreak(pending, 2);
    driver.drive(run);
    Assertions.assertThat(status(pending)).isEqualTo(ApplicationStatus.REVIEWED);
    applicationService.decide(pending.getId(), Outcome.WAITLISTED);
    driver.drive(run);
    Assertions.assertThat(templatesSentTo(pending)).endsWith(MailTemplate.APPLICATION_WAITLISTED);
  }

  @Test
  void shouldStartTheSelectionFromTheCohortPageOnlyWhileItWaitsForReviews() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 2);
    driver.review(applied.get(0), 4);
    String organiser = testData.organiser();
    WebClient client = new WebClient(port).basicAuth(organiser, organiser);
    String page = "/organiser/cohorts/" + run.cohort().getSlug();
    Assertions.assertThat(client.get(page).body()).doesNotContain("Rank now");
    driver.closeEarly(run);

    WebClient.Response cohortPage = client.get(page);
    Assertions.assertThat(cohortPage.body()).contains("Rank now").contains("1</span> application(s) still in review");
    WebClient.Response ranked = client.postForm(page + "/rank", WebClient.form(cohortPage, Map.of()));
    driver.drive(run);

    Assertions.assertThat(ranked.status()).isEqualTo(302);
    assertThat(run.process()).isWaitingAt(TASK_FINALISE_SELECTION);
    WebClient.Response again = client.postForm(page + "/rank", WebClient.form(client.get(page), Map.of()));
    Assertions.assertThat(client.get(again.header("Location").replaceFirst("^https?://[^/]+", "")).body())
        .contains("not waiting for reviews");
  }

  @Test
  void shouldLeaveAnApplicationAwaitingATieBreakOutOfTheRankingUntilItsThirdReview() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 3);
    driver.review(applied.get(0), 4);
    driver.review(applied.get(1), 3);
    driver.reviewInDisagreement(applied.get(2));
    driver.closeEarly(run);

    assertThat(run.process()).isNotWaitingAt(TASK_FINALISE_SELECTION);
    Assertions.assertThat(status(applied.get(2))).isEqualTo(ApplicationStatus.AWAITING_TIE_BREAK);
    Assertions.assertThat(applications.findById(applied.get(2).getId()).orElseThrow().getRanking()).isNull();

    driver.resolveTieBreak(applied.get(2), 5);
    driver.drive(run);
    assertThat(run.process()).isWaitingAt(TASK_FINALISE_SELECTION);
    driver.finalise(run, "");

    // Means 16, 14.67 (20, 4 and 20) and 12: two places, one on the waitlist; everyone told, nothing stuck.
    Assertions.assertThat(List.of(applied.get(0), applied.get(2), applied.get(1))).extracting(this::status)
        .containsExactly(ApplicationStatus.OFFERED, ApplicationStatus.OFFERED, ApplicationStatus.DECIDED);
    Assertions.assertThat(templatesSentTo(applied.get(2))).endsWith(MailTemplate.APPLICATION_ACCEPTED);
    Assertions.assertThat(templatesSentTo(applied.get(1))).endsWith(MailTemplate.APPLICATION_WAITLISTED);
    Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().list())
        .filteredOn(incident -> incident.getProcessInstanceId().equals(run.process().getId())).isEmpty();
    assertThat(run.process()).isWaitingAt(EVENT_TEAMS_FORMED);
  }

  @Test
  void shouldProposeToFillThePlacesFromTheTopAndWaitlistTheNext() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 4);
    driver.review(applied.get(0), 2);
    driver.review(applied.get(1), 5);
    driver.review(applied.get(2), 4);
    driver.review(applied.get(3), 3);
    driver.closeEarly(run);

    List<String> lines = selection.proposalLines(run.cohortId());

    Assertions.assertThat(lines).hasSize(4);
    Assertions.assertThat(lines.get(0)).startsWith("1. #" + applied.get(1).getId()).endsWith("accepted");
    Assertions.assertThat(lines.get(1)).startsWith("2. #" + applied.get(2).getId()).endsWith("accepted");
    Assertions.assertThat(lines.get(2)).startsWith("3. #" + applied.get(3).getId()).endsWith("waitlisted");
    Assertions.assertThat(lines.get(3)).startsWith("4. #" + applied.get(0).getId()).endsWith("rejected");
    Assertions.assertThat((String) taskService().getVariable(task(TASK_FINALISE_SELECTION, run.process()).getId(),
        "selectionSummary")).contains("2 accepted, 1 waitlisted, 1 rejected")
        .contains("/organiser/cohorts/" + run.cohort().getSlug() + "/selection");
  }

  @Test
  void shouldTellEveryApplicantTheirOutcomeWhenTheSelectionIsFinalised() {
    CohortDriver.Run run = driver.selected(2, 4);

    Assertions.assertThat(outcomes(run)).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.WAITLISTED,
        Outcome.REJECTED);
    Assertions.assertThat(templatesSentTo(run.ranked().get(0))).endsWith(MailTemplate.APPLICATION_ACCEPTED);
    Assertions.assertThat(templatesSentTo(run.ranked().get(2))).endsWith(MailTemplate.APPLICATION_WAITLISTED);
    Assertions.assertThat(templatesSentTo(run.ranked().get(3))).endsWith(MailTemplate.APPLICATION_REJECTED);
    assertThat(run.process()).isWaitingAt(EVENT_TEAMS_FORMED);
  }

  @Test
  void shouldTellThreeHundredApplicantsInAJobEachAndRaiseOneIncidentForTheOneThatCannotBeTold() {
    CohortDriver.Run run = driver.open(16);
    List<Application> applied = driver.apply(run, 300);
    for (int i = 0; i < applied.size(); i++) {
      driver.review(applied.get(i), 1 + i % 5);
    }
    driver.closeEarly(run);
    // One accepted application's process no longer waits for its decision (say, removed by hand in Cockpit).
    Application lost = applied.get(4);
    RuntimeService runtime = processEngine.getRuntimeService();
    runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(
        lost.getId().toString()).singleResult().getId(), "lost in a test");

    org.camunda.bpm.engine.task.Task finalise = task(TASK_FINALISE_SELECTION, run.process());
    taskService().claim(finalise.getId(), testData.organiser());
    taskService().complete(finalise.getId(), Map.of(CohortProcess.FIELD_SELECTION_CHANGES, ""));
    int failures = driver.driveThroughFailures(run);

    Assertions.assertThat(failures).as("the lost application's job, tried five times").isEqualTo(5);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(run.process().getId()).list())
        .singleElement().satisfies(incident -> {
          Assertions.assertThat(incident.getActivityId()).isEqualTo(CohortProcess.TASK_SEND_SELECTION_DECISIONS);
          Assertions.assertThat(incident.getIncidentMessage()).contains("Application " + lost.getId());
        });
    List<Application> told = applications.findAllById(applied.stream().map(Application::getId).toList()).stream()
        .filter(a -> a.getStatus() != ApplicationStatus.REVIEWED).toList();
    Assertions.assertThat(told).hasSize(299).extracting(Application::getId).doesNotContain(lost.getId());
    Assertions.assertThat(applied.stream().filter(a -> !a.getId().equals(lost.getId()))
        .map(this::templatesSentTo).filter(sent -> sent.size() == 2).count()).as("acknowledgement and outcome")
        .isEqualTo(299);
    Assertions.assertThat(status(lost)).isEqualTo(ApplicationStatus.REVIEWED);
    assertThat(run.process()).isWaitingAt(EVENT_TEAMS_FORMED, CohortProcess.TASK_SEND_SELECTION_DECISIONS)
        .hasNotPassed(CohortProcess.END_EVENT_DECISIONS_SENT);
  }

  @Test
  void shouldLetTheOrganiserChangeTheProposal() {
    CohortDriver.Run run = driver.reviewedAndClosed(2, 3);

    driver.finalise(run, "#" + run.ranked().get(1).getId() + " waitlisted\n"
        + "  #" + run.ranked().get(2).getId() + " accepted  \n");

    Assertions.assertThat(outcomes(run)).containsExactly(Outcome.ACCEPTED, Outcome.WAITLISTED, Outcome.ACCEPTED);
  }

  @Test
  void shouldRefuseASelectionThatAcceptsMoreThanThePlaces() {
    CohortDriver.Run run = driver.reviewedAndClosed(2, 3);

    assertThatThrownBy(() -> driver.finalise(run, "#" + run.ranked().get(2).getId() + " accepted"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("3 accepted")
        .hasMessageContaining("2 places");
    assertThat(run.process()).isWaitingAt(TASK_FINALISE_SELECTION);
    Assertions.assertThat(outcomes(run)).containsOnlyNulls();
  }

  @Test
  void shouldRefuseAChangeToAnApplicationOfAnotherCohortOrALineItCannotRead() {
    CohortDriver.Run run = driver.reviewedAndClosed(2, 3);

    assertThatThrownBy(() -> driver.finalise(run, "#999999 accepted"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("#999999");
    assertThatThrownBy(() -> driver.finalise(run, "#" + run.ranked().get(0).getId() + " maybe"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("line 1");
    assertThat(run.process()).isWaitingAt(TASK_FINALISE_SELECTION);
  }

  @Test
  void shouldOfferTheBestRankedWaitlistedApplicantAPlaceThatWasDeclined() {
    CohortDriver.Run run = driver.selected(2, 5);
    Application declining = run.ranked().get(0);
    Application firstOnWaitlist = run.ranked().get(2);

    offers.answer(Mailbox.offerToken(declining.getEmail()), false);
    driver.drive(run);

    assertThat(run.process()).hasPassed(TASK_OFFER_PLACE_TO_WAITLIST, END_EVENT_PLACE_REOFFERED)
        .isWaitingAt(EVENT_TEAMS_FORMED);
    Assertions.assertThat(status(firstOnWaitlist)).isEqualTo(ApplicationStatus.OFFERED);
    Assertions.assertThat(Mailbox.text(last(Mailbox.messagesTo(firstOnWaitlist.getEmail()))))
        .contains("a place has become free");
    Assertions.assertThat(status(run.ranked().get(3))).isEqualTo(ApplicationStatus.DECIDED);
  }

  @Test
  void shouldOfferTheWaitlistAPlaceWhoseDeadlinePassedUnanswered() {
    CohortDriver.Run run = driver.selected(2, 4);
    Application silent = run.ranked().get(1);
    offers.answer(Mailbox.offerToken(run.ranked().get(0).getEmail()), true);

    ClockUtil.offset(Duration.ofDays(7).plusMinutes(1).toMillis());
    driver.drive(run);

    Assertions.assertThat(status(silent)).isEqualTo(ApplicationStatus.EXPIRED);
    Assertions.assertThat(status(run.ranked().get(0))).isEqualTo(ApplicationStatus.CONFIRMED);
    Assertions.assertThat(status(run.ranked().get(2))).isEqualTo(ApplicationStatus.OFFERED);
    Assertions.assertThat(templatesSentTo(silent)).contains(MailTemplate.OFFER_REMINDER);
    assertThat(run.process()).hasPassed(END_EVENT_PLACE_REOFFERED);
  }

  @Test
  void shouldOfferADeclinedPlaceUntilTheTeamsAreFormedAndAnswerALateAnswerKindly() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 4);
    for (int i = 0; i < applied.size(); i++) {
      driver.review(applied.get(i), 5 - i);
    }
    Instant teamsFormAt = run.cohort().teamsFormAt();
    Assertions.assertThat(teamsFormAt).isEqualTo(run.cohort().startsAt().minus(Duration.ofDays(7)));
    // The window closes on its own; the selection is finalised three days before the teams are formed.
    ClockUtil.setCurrentTime(Date.from(teamsFormAt.minus(Duration.ofDays(3))));
    driver.drive(run);
    driver.finalise(run, "");
    Application accepting = applied.get(0);
    Application declining = applied.get(1);
    Application waitlisted = applied.get(2);
    Assertions.assertThat(offers.view(Mailbox.offerToken(declining.getEmail())).deadlineInstant())
        .as("due when the teams are formed, not in seven days").isEqualTo(teamsFormAt);
    offers.answer(Mailbox.offerToken(accepting.getEmail()), true);

    // One day before the teams are formed, a place is declined: the waitlist has until then to answer.
    ClockUtil.setCurrentTime(Date.from(teamsFormAt.minus(Duration.ofDays(1))));
    driver.drive(run);
    offers.answer(Mailbox.offerToken(declining.getEmail()), false);
    driver.drive(run);
    Assertions.assertThat(status(waitlisted)).isEqualTo(ApplicationStatus.OFFERED);
    String lateToken = Mailbox.offerToken(waitlisted.getEmail());
    Assertions.assertThat(offers.view(lateToken).deadlineInstant()).isEqualTo(teamsFormAt);

    ClockUtil.setCurrentTime(Date.from(teamsFormAt.plusSeconds(60)));
    driver.drive(run);

    assertThat(run.process()).hasPassed(EVENT_TEAMS_FORMED, CohortProcess.TASK_CLOSE_WAITLIST)
        .isWaitingAt(CohortProcess.TASK_CONFIRM_TEAMS);
    Assertions.assertThat(status(waitlisted)).isEqualTo(ApplicationStatus.EXPIRED);
    Assertions.assertThat(templatesSentTo(waitlisted)).contains(MailTemplate.OFFER_REMINDER);
    assertThatThrownBy(() -> offers.answer(lateToken, true)).isInstanceOf(OfferService.OfferUnavailableException.class);
    WebClient.Response page = new WebClient(port).get("/offers/" + lateToken);
    Assertions.assertThat(page.status()).isEqualTo(410);
    Assertions.assertThat(page.body().replaceAll("\\s+", " "))
        .contains("The deadline to answer this offer has passed")
        .contains("are formed with those who answered in time").contains("future session");
    Assertions.assertThat(status(accepting)).isEqualTo(ApplicationStatus.CONFIRMED);
  }

  @Test
  void shouldLeaveAPlaceUnfilledWhenTheWaitlistIsEmpty() {
    CohortDriver.Run run = driver.selected(2, 2);

    offers.answer(Mailbox.offerToken(run.ranked().get(1).getEmail()), false);
    driver.drive(run);

    assertThat(run.process()).hasPassed(END_EVENT_PLACE_UNFILLED).hasNotPassed(END_EVENT_PLACE_REOFFERED)
        .isWaitingAt(EVENT_TEAMS_FORMED);
  }

  // --- helpers

  private List<Outcome> outcomes(CohortDriver.Run run) {
    List<Outcome> outcomes = new ArrayList<>();
    run.ranked().forEach(a -> outcomes.add(applications.findById(a.getId()).orElseThrow().getOutcome()));
    return outcomes;
  }

  private ApplicationStatus status(Application application) {
    return applications.findById(application.getId()).orElseThrow().getStatus();
  }

  private List<MailTemplate> templatesSentTo(Application application) {
    return sentEmails.findByRecipientOrderById(application.getEmail()).stream().map(OutboxEmail::getTemplate)
        .toList();
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
