package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.RefusingSmtpServer;
import space.djangonaut.missioncontrol.support.SecondNode;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.TestInfrastructure;
import space.djangonaut.missioncontrol.support.WebClient;

/** Nothing lost, nothing sent twice: the outbox under repeated steps, SMTP outages and a node that stops. */
@IntegrationTest
class MailOutboxTest {

  /** How long to wait at most for what must happen: generous, for a busy machine. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired MailService mail;
  @Autowired MailDispatcher dispatcher;
  @Autowired OutboxEmailRepository outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired TestData testData;
  @Autowired org.springframework.mail.javamail.JavaMailSenderImpl sender;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSendAnEmailOnceWhenItsStepRunsTwice() {
    String to = TestData.uniqueEmail();
    Step step = new Step(TestData.unique("pi"), TestData.unique("ai"));

    send(to, step);
    send(to, step);
    dispatcher.dispatchDue();

    assertThat(outbox.findByRecipientOrderById(to)).hasSize(1);
    assertThat(Mailbox.messagesTo(to)).hasSize(1);
  }

  @Test
  void shouldRetryWithGrowingPausesThenWaitForAnOrganiserWhoRetriesIt() {
    String to = TestData.uniqueEmail();
    TestInfrastructure.stopMail();
    try {
      send(to, new Step(TestData.unique("pi"), "ai"));
      for (int attempt = 2; attempt <= OutboxEmail.MAX_ATTEMPTS; attempt++) {
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
            + OutboxEmail.backoff(attempt - 1).plusSeconds(1).toMillis()));
        dispatcher.dispatchDue();
      }
    } finally {
      TestInfrastructure.restartMail();
    }
    OutboxEmail failed = outbox.findByRecipientOrderById(to).get(0);
    assertThat(failed.getStatus()).isEqualTo(OutboxEmail.Status.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(OutboxEmail.MAX_ATTEMPTS);
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(1).toMillis()));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(Mailbox.messagesTo(to)).isEmpty();

    String organiser = testData.organiser();
    WebClient browser = new WebClient(port).basicAuth(organiser, organiser);
    WebClient.Response page = browser.get("/organiser/outbox");
    assertThat(page.body()).contains(to);
    WebClient.Response retried = browser.postForm("/organiser/outbox/" + failed.getId() + "/retry",
        WebClient.form(page, Map.of()));

    assertThat(retried.status()).isEqualTo(302);
    assertThat(outbox.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(OutboxEmail.Status.SENT);
    dispatcher.dispatchDue();
    assertThat(Mailbox.messagesTo(to)).hasSize(1);
  }

  @Test
  void shouldDeliverOnceAnEmailThatANodeStoppedSendingAfterItsClaimExpires() {
    String to = TestData.uniqueEmail();
    TestInfrastructure.stopMail();
    OutboxEmail email;
    try {
      email = send(to, new Step(TestData.unique("pi"), "ai"));
    } finally {
      TestInfrastructure.restartMail();
    }
    // Another node claims the email and stops before sending it.
    java.time.Instant now = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(2));
    ClockUtil.setCurrentTime(java.util.Date.from(now));
    transactions.executeWithoutResult(s -> assertThat(outbox.claim(email.getId(), now,
        now.plus(MailDispatcher.CLAIM))).isEqualTo(1));

    assertThat(dispatcher.dispatchDue()).isZero();
    ClockUtil.setCurrentTime(java.util.Date.from(now.plus(MailDispatcher.CLAIM).plusSeconds(1)));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(Mailbox.messagesTo(to)).hasSize(1);
  }

  @Test
  void shouldDeliverOnceFromAnotherNodeWhatANodeLeftInTheOutboxWhenItStopped() throws InterruptedException {
    String to = TestData.uniqueEmail();
    // This node writes the email with its process step, and cannot deliver it before it stops.
    TestInfrastructure.stopMail();
    try {
      send(to, new Step(TestData.unique("pi"), "ai"));
    } finally {
      TestInfrastructure.restartMail();
    }
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(2).toMillis()));

    // A node started afterwards, with its dispatcher running, delivers it: once.
    try (var node = SecondNode.start("mailNode", "--missioncontrol.scheduling.enabled=true",
        "--missioncontrol.mail.dispatch-interval=PT0.5S")) {
      // The node sends the email, then marks it sent in a transaction of its own: wait for both (they happen as
      // soon as the node's dispatcher gets to them; the deadline only bounds a failure), not for a fixed time.
      await("the email delivered and marked sent").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
          .until(() -> !Mailbox.messagesTo(to).isEmpty() && outbox.findByRecipientOrderById(to).stream()
              .allMatch(e -> e.getStatus() == OutboxEmail.Status.SENT));
      // Several more rounds of the node's dispatcher (every 0.5 s), to see that it does not send the email again.
      // This sleep waits for nothing to happen: on a slow machine fewer rounds fit in it, which makes the check
      // weaker, never flaky.
      Thread.sleep(1500);
    }

    assertThat(Mailbox.messagesTo(to)).hasSize(1);
    assertThat(outbox.findByRecipientOrderById(to)).singleElement()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OutboxEmail.Status.SENT));
  }

  @Test
  void shouldDeliverABacklogLargerThanOneBatchInOneRoundOfTheDispatcher() {
    Cohort cohort = testData.openCohort();
    List<String> recipients = new ArrayList<>();
    TestInfrastructure.stopMail();
    try {
      for (int i = 0; i < 2 * MailDispatcher.BATCH + 50; i++) {
        String to = TestData.uniqueEmail();
        recipients.add(to);
        transactions.executeWithoutResult(status -> mail.send(to, MailTemplate.APPLICATION_REJECTED,
            Map.of("name", "Ada", "cohort", cohort), new Step(TestData.unique("pi"), "ai")));
      }
    } finally {
      TestInfrastructure.restartMail();
    }
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
        + OutboxEmail.backoff(1).plusSeconds(1).toMillis()));

    assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(recipients.size());
    assertThat(recipients).allSatisfy(to -> assertThat(Mailbox.messagesTo(to)).hasSize(1));
  }

  @Test
  void shouldSendABatchOverOneConnectionAndKeepOneRefusalToItsOwnEmail() {
    Cohort cohort = testData.openCohort();
    String refused = TestData.uniqueEmail();
    List<Long> ids = new ArrayList<>();
    int greenMail = sender.getPort();
    try (RefusingSmtpServer relay = new RefusingSmtpServer(java.util.Set.of(refused))) {
      TestInfrastructure.stopMail(); // the emails wait in the outbox as after an outage
      try {
        for (int i = 0; i < 30; i++) {
          String to = i == 7 ? refused : TestData.uniqueEmail();
          ids.add(transactions.execute(status -> mail.send(to, MailTemplate.APPLICATION_REJECTED,
              Map.of("name", "Ada", "cohort", cohort), new Step(TestData.unique("pi"), "ai"))).getId());
        }
      } finally {
        TestInfrastructure.restartMail();
      }
      sender.setPort(relay.port());
      ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
          + OutboxEmail.backoff(1).plusSeconds(1).toMillis()));

      assertThat(dispatcher.dispatch(ids)).isEqualTo(29);

      assertThat(relay.connections()).isEqualTo(1);
      assertThat(relay.delivered()).hasSize(29).doesNotContain(refused);
      assertThat(outbox.findAllById(ids)).allSatisfy(e -> assertThat(e.getStatus())
          .isEqualTo(e.getRecipient().equals(refused) ? OutboxEmail.Status.REFUSED : OutboxEmail.Status.SENT));
      assertThat(dispatcher.dispatch(ids)).as("each is sent once").isZero();
    } finally {
      sender.setPort(greenMail);
    }
  }

  private OutboxEmail send(String to, Step step) {
    Cohort cohort = testData.openCohort();
    return transactions.execute(status -> mail.send(to, MailTemplate.APPLICATION_REJECTED,
        Map.of("name", "Ada", "cohort", cohort), step));
  }
}
