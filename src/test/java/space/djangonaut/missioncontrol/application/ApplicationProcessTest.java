package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.mail.MailDispatcher;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.TestInfrastructure;

/** Every path of bpmn/application.bpmn, on the real engine, database and SMTP server; jobs driven by the test. */
@IntegrationTest
class ApplicationProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ManagementService managementService;
  @Autowired TestData testData;
  @Autowired CohortReviewers reviewers;
  @Autowired ApplicationService applications;
  @Autowired ApplicationRepository applicationRepository;
  @Autowired OutboxEmailRepository sentEmails;
  @Autowired OfferService offers;
  @Autowired space.djangonaut.missioncontrol.mail.MailDispatcher dispatcher;

  private Cohort cohort;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
    cohort = testData.openCohort();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldAcknowledgeThenWaitForTwoReviewsOfferingOneToTheReviewersUntilItIsClaimed() {
    ProcessInstance pi = submit();

    assertThat(pi).isWaitingAt(TASK_SEND_ACKNOWLEDGEMENT);
    execute(job(TASK_SEND_ACKNOWLEDGEMENT, pi));

    assertThat(pi).isWaitingAt(TASK_REVIEW_APPLICATION);
    // Two reviews, one card: a reviewer sees the application once in "Applications to review". The cohort is
    // reviewed by one user: the first is offered to them by name, not to the diagram's group reviewers.
    Assertions.assertThat(reviewTasks(pi)).hasSize(2);
    Assertions.assertThat(reviewTasks(pi).stream().map(task -> taskService().getIdentityLinksForTask(task.getId())
        .stream().map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId()).toList()).toList())
        .containsExactlyInAnyOrder(List.copyOf(reviewers.ableToReview(cohort)), List.of());
    Assertions.assertThat(templatesSent(pi)).containsExactly(MailTemplate.APPLICATION_RECEIVED);
  }

  @Test
  void shouldShowReviewersTheAnswersButNotPronounsOrEmail() {
    ProcessInstance pi = submitAndAcknowledge();

    Map<String, Object> formVariables = processEngine.getFormService()
        .getTaskFormVariables(reviewTasks(pi).get(0).getId());

    Assertions.assertThat(formVariables).containsKeys("applicantName", "applicantMotivation",
        "applicantAvailability", "applicantProject", "applicantContributionUrl");
    Assertions.assertThat(formVariables.get("applicantAvailability").toString()).contains("Mon 18-21");
    Assertions.assertThat(formVariables.values())
        .noneMatch(value -> String.valueOf(value).contains("she/her"))
        .noneMatch(value -> String.valueOf(value).contains("@example.org"));
  }

  @Test
  void shouldOfferAPlaceWithAPersonalLinkWhenSelectionAccepts() {
    ProcessInstance pi = acceptedAndOffered();

    assertThat(pi).isWaitingAt(TASK_AWAIT_ANSWER);
    Assertions.assertThat(templatesSent(pi))
        .containsExactly(MailTemplate.APPLICATION_RECEIVED, MailTemplate.APPLICATION_ACCEPTED);
    Application application = applicationRepository.findById(applicationId(pi)).orElseThrow();
    Assertions.assertThat(application.getOutcome()).isEqualTo(Outcome.ACCEPTED);
    Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.OFFERED);
  }

  @Test
  void shouldConfirmTheDjangonautWhenTheyAcceptThroughTheirLink() {
    ProcessInstance pi = acceptedAndOffered();

    offers.answer(Mailbox.offerToken(email(pi)), true);
    execute(job(TASK_SEND_PLACE_CONFIRMED, pi));

    assertThat(pi).isEnded().hasPassed(TASK_CONFIRM_PLACE, END_EVENT_CONFIRMED);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.CONFIRMED);
    Assertions.assertThat(templatesSent(pi)).endsWith(MailTemplate.PLACE_CONFIRMED);
  }

  @Test
  void shouldRefuseTheSameLinkTwice() {
    ProcessInstance pi = acceptedAndOffered();
    String token = Mailbox.offerToken(email(pi));
    offers.answer(token, false);

    assertThatThrownBy(() -> offers.answer(token, true))
        .isInstanceOf(OfferService.OfferUnavailableException.class);
    assertThat(pi).isEnded().hasPassed(TASK_RECORD_DECLINE, END_EVENT_DECLINED);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.DECLINED);
  }

  @Test
  void shouldRemindTwoDaysBeforeTheDeadlineAndExpireTheOfferAfterIt() {
    ProcessInstance pi = acceptedAndOffered();
    String firstLink = Mailbox.offerToken(email(pi));

    ClockUtil.offset(java.time.Duration.ofDays(5).plusMinutes(1).toMillis());
    execute(job(BOUNDARY_EVENT_OFFER_REMINDER, pi));
    execute(job(TASK_SEND_OFFER_REMINDER, pi));
    Assertions.assertThat(templatesSent(pi)).endsWith(MailTemplate.OFFER_REMINDER);
    Assertions.assertThat(Mailbox.messagesTo(email(pi))).hasSize(3);
    assertThat(pi).isWaitingAt(TASK_AWAIT_ANSWER);

    ClockUtil.offset(java.time.Duration.ofDays(7).plusMinutes(1).toMillis());
    execute(job(BOUNDARY_EVENT_OFFER_EXPIRED, pi));

    assertThat(pi).isEnded().hasPassed(TASK_EXPIRE_OFFER, END_EVENT_EXPIRED);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.EXPIRED);
    assertThatThrownBy(() -> offers.answer(firstLink, true))
        .isInstanceOf(OfferService.OfferUnavailableException.class);
  }

  @Test
  void shouldOfferAFreedPlaceToAWaitlistedApplicant() {
    ProcessInstance pi = reviewedApplication(3, 4);
    applications.decide(applicationId(pi), Outcome.WAITLISTED);
    assertThat(pi).isWaitingAt(GATEWAY_WAITLIST_OUTCOME);

    runtimeService().createMessageCorrelation(MESSAGE_PLACE_OFFERED).processInstanceId(pi.getId()).correlate();
    execute(job(TASK_SEND_OFFER, pi));

    assertThat(pi).isWaitingAt(TASK_AWAIT_ANSWER);
    String body = Mailbox.text(Mailbox.messagesTo(email(pi)).get(2));
    Assertions.assertThat(body).contains("a place has become free").contains("/offers/");
  }

  @Test
  void shouldSendAKindClosingEmailWhenTheCohortStartsWithTheApplicantStillWaitlisted() {
    ProcessInstance pi = reviewedApplication(3, 4);
    applications.decide(applicationId(pi), Outcome.WAITLISTED);

    runtimeService().createMessageCorrelation(MESSAGE_WAITLIST_CLOSED).processInstanceId(pi.getId()).correlate();
    execute(job(TASK_SEND_WAITLIST_CLOSED, pi));

    assertThat(pi).isEnded().hasPassed(END_EVENT_WAITLIST_CLOSED).hasNotPassed(TASK_SEND_OFFER);
    Assertions.assertThat(templatesSent(pi)).endsWith(MailTemplate.WAITLIST_CLOSED);
  }

  @Test
  void shouldWriteTheWaitlistEmailInTheTransactionOfTheDecision() {
    ProcessInstance pi = reviewedApplication(3, 4);

    applications.decide(applicationId(pi), Outcome.WAITLISTED);

    assertThat(pi).isWaitingAt(GATEWAY_WAITLIST_OUTCOME).hasNotPassed(TASK_SEND_OFFER);
    Assertions.assertThat(templatesSent(pi))
        .containsExactly(MailTemplate.APPLICATION_RECEIVED, MailTemplate.APPLICATION_WAITLISTED);
  }

  @Test
  void shouldWriteTheRejectionEmailInTheTransactionOfTheDecision() {
    ProcessInstance pi = reviewedApplication(2, 2);

    applications.decide(applicationId(pi), Outcome.REJECTED);

    assertThat(pi).isEnded().hasPassed(END_EVENT_REJECTED);
    Assertions.assertThat(templatesSent(pi))
        .containsExactly(MailTemplate.APPLICATION_RECEIVED, MailTemplate.APPLICATION_REJECTED);
  }

  @Test
  void shouldRefuseADecisionBeforeTheReviewsAreIn() {
    ProcessInstance pi = submitAndAcknowledge();

    assertThatThrownBy(() -> applications.decide(applicationId(pi), Outcome.ACCEPTED))
        .isInstanceOf(ApplicationService.NotReadyForDecisionException.class);
    assertThat(pi).isWaitingAt(TASK_REVIEW_APPLICATION);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getOutcome()).isNull();
  }

  @Test
  void shouldStoreTheMeanOfBothReviewsAsAggregateScore() {
    ProcessInstance pi = reviewedApplication(4, 3);

    assertThat(pi).isWaitingAt(EVENT_SELECTION_DECIDED).hasPassed(TASK_AGGREGATE_SCORES)
        .hasNotPassed(TASK_RESOLVE_DISAGREEMENT);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getAggregateScore())
        .isEqualByComparingTo(new BigDecimal("14.00"));
  }

  @Test
  void shouldTakeTwoReviewsSubmittedAtTheSameMoment() throws Exception {
    ProcessInstance pi = submitAndAcknowledge();
    List<Task> tasks = reviewTasks(pi);
    taskService().claim(tasks.get(0).getId(), testData.reviewer());
    taskService().claim(tasks.get(1).getId(), testData.reviewer());
    ExecutorService secondReviewer = Executors.newSingleThreadExecutor();
    try {
      new TransactionTemplate(transactionManager).executeWithoutResult(firstReviewersTransaction -> {
        taskService().complete(tasks.get(0).getId(), TestData.reviewForm(4, "accept"));
        // The second reviewer submits while the first one's transaction is still open: neither waits for the
        // other nor fails, because the multi-instance continues in a job of its own (asyncAfter). Were the second
        // to wait for the first, it would wait for good (the first commits only after this), so a generous
        // deadline for a busy machine does not let a wait through.
        Future<?> second = secondReviewer.submit(() -> taskService().complete(tasks.get(1).getId(), TestData.reviewForm(3, "accept")));
        Assertions.assertThatCode(() -> second.get(60, TimeUnit.SECONDS)).doesNotThrowAnyException();
      });
    } finally {
      secondReviewer.shutdownNow();
    }
    testData.executeJobs(pi.getId());

    assertThat(pi).isWaitingAt(EVENT_SELECTION_DECIDED);
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getAggregateScore())
        .isEqualByComparingTo(new BigDecimal("14.00"));
  }

  @Test
  void shouldAskOrganisersForATieBreakReviewWhenReviewersDisagree() {
    ProcessInstance pi = submitAndAcknowledge();
    List<Task> tasks = reviewTasks(pi);
    testData.review(tasks.get(0), testData.reviewer(), 5, "accept");
    testData.review(tasks.get(1), testData.reviewer(), 1, "reject");

    assertThat(pi).isWaitingAt(TASK_RESOLVE_DISAGREEMENT);
    Task tieBreak = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_RESOLVE_DISAGREEMENT).singleResult();
    Assertions.assertThat(taskService().getIdentityLinksForTask(tieBreak.getId()))
        .anyMatch(link -> "organisers".equals(link.getGroupId()));
    testData.review(tieBreak, testData.organiser(), 4, "accept");

    assertThat(pi).isWaitingAt(EVENT_SELECTION_DECIDED);
    // (20 + 4 + 16) / 3
    Assertions.assertThat(applicationRepository.findById(applicationId(pi)).orElseThrow().getAggregateScore())
        .isEqualByComparingTo(new BigDecimal("13.33"));
  }

  @Test
  void shouldRefuseTheSameReviewerForBothReviews() {
    ProcessInstance pi = submitAndAcknowledge();
    List<Task> tasks = reviewTasks(pi);
    String reviewer = testData.reviewer();
    taskService().claim(tasks.get(0).getId(), reviewer);

    assertThatThrownBy(() -> taskService().claim(tasks.get(1).getId(), reviewer))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("someone else");

    testData.review(tasks.get(0), null, 4, "accept");
    assertThatThrownBy(() -> taskService().claim(tasks.get(1).getId(), reviewer))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("already reviewed");
    assertThat(pi).isWaitingAt(TASK_REVIEW_APPLICATION);
  }

  @Test
  void shouldRefuseAReviewWithAScoreOutOfRangeAndKeepTheTask() {
    ProcessInstance pi = submitAndAcknowledge();
    Task task = reviewTasks(pi).get(0);
    taskService().claim(task.getId(), testData.reviewer());

    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("scoreMotivation", 9L,
        "scoreExperience", 3L, "scoreAvailability", 3L, "scoreCommunity", 3L, "recommendation", "accept")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("scoreMotivation");
    Assertions.assertThat(reviewTasks(pi)).hasSize(2);
  }

  @Test
  void shouldKeepTheAcknowledgementInTheOutboxWhileSmtpIsDownAndDeliverItOnceItIsBack() {
    ProcessInstance pi = submit();
    String email = applications.byId(applicationId(pi)).getEmail();
    TestInfrastructure.stopMail();
    try {
      execute(job(TASK_SEND_ACKNOWLEDGEMENT, pi));
    } finally {
      TestInfrastructure.restartMail();
    }

    // The process is not held up; the email waits in the outbox.
    assertThat(pi).isWaitingAt(TASK_REVIEW_APPLICATION);
    OutboxEmail waiting = sentEmails.findByProcessInstanceIdOrderById(pi.getId()).get(0);
    Assertions.assertThat(waiting.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
    Assertions.assertThat(waiting.getAttempts()).isEqualTo(1);
    Assertions.assertThat(waiting.getLastError()).isNotBlank();
    Assertions.assertThat(dispatcher.dispatchDue()).isZero();
    Assertions.assertThat(Mailbox.messagesTo(email)).isEmpty();

    // The next attempt falls due a minute later: move the engine's clock, do not sleep.
    ClockUtil.offset(java.time.Duration.ofMinutes(2).toMillis());
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    Assertions.assertThat(Mailbox.messagesTo(email)).hasSize(1);
    Assertions.assertThat(sentEmails.findByProcessInstanceIdOrderById(pi.getId()))
        .extracting(OutboxEmail::getTemplate, OutboxEmail::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MailTemplate.APPLICATION_RECEIVED, OutboxEmail.Status.SENT));
  }

  // --- fixtures

  private ProcessInstance submit() {
    Application application = testData.apply(cohort);
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(application.getId().toString()).singleResult();
  }

  private ProcessInstance submitAndAcknowledge() {
    ProcessInstance pi = submit();
    execute(job(TASK_SEND_ACKNOWLEDGEMENT, pi));
    return pi;
  }

  private ProcessInstance acceptedAndOffered() {
    ProcessInstance pi = reviewedApplication(4, 4);
    applications.decide(applicationId(pi), Outcome.ACCEPTED);
    execute(job(TASK_SEND_OFFER, pi));
    return pi;
  }

  private String email(ProcessInstance pi) {
    return applications.byId(applicationId(pi)).getEmail();
  }

  /** Two reviews that agree, each giving every criterion the given score. */
  private ProcessInstance reviewedApplication(int firstScore, int secondScore) {
    ProcessInstance pi = submitAndAcknowledge();
    List<Task> tasks = reviewTasks(pi);
    testData.review(tasks.get(0), testData.reviewer(), firstScore, firstScore >= 3 ? "accept" : "maybe");
    testData.review(tasks.get(1), testData.reviewer(), secondScore, secondScore >= 3 ? "accept" : "maybe");
    return pi;
  }

  private static List<Task> reviewTasks(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_REVIEW_APPLICATION).orderByTaskId().asc().list();
  }

  private static long applicationId(ProcessInstance pi) {
    return Long.parseLong(pi.getBusinessKey());
  }

  private List<MailTemplate> templatesSent(ProcessInstance pi) {
    return sentEmails.findByProcessInstanceIdOrderById(pi.getId()).stream().map(OutboxEmail::getTemplate).toList();
  }
}
