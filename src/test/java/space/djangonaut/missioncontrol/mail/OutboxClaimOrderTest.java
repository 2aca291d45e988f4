package space.djangonaut.missioncontrol.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.TestInfrastructure;

/**
 * Two deliveries claiming the same emails (two drainers of one node, a node and the scheduled sweep, two nodes)
 * must not deadlock: each claims its batch in the order of the emails' ids, whatever order it sends them in. The
 * 10,000-application benchmark met "deadlock detected" on {@code outbox_email} when a drainer's batch, in the order
 * the emails were committed, crossed the sweep's, in the order of their ids.
 */
@IntegrationTest
class OutboxClaimOrderTest {

  @Autowired MailService mail;
  @Autowired MailDispatcher dispatcher;
  @Autowired OutboxEmailRepository outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired TestData testData;
  @Autowired DataSource dataSource;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldClaimABatchInTheOrderOfItsIdsSoThatAnotherDeliveryClaimingTheSameEmailsCannotDeadlockWithIt()
      throws Exception {
    Cohort cohort = testData.openCohort();
    long first;
    long second;
    TestInfrastructure.stopMail(); // the two emails wait in the outbox, as after an outage
    try {
      first = pending(cohort);
      second = pending(cohort);
    } finally {
      TestInfrastructure.restartMail();
    }
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
        + OutboxEmail.backoff(1).plusSeconds(1).toMillis()));

    try (Connection other = dataSource.getConnection()) {
      // Another delivery, claiming in the order of the ids, holds the first email's row.
      other.setAutoCommit(false);
      lock(other, first);
      // This one is asked to send them the other way round.
      CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> dispatcher.dispatch(List.of(second, first)));
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'update outbox_email%'",
          Integer.class) == 1);

      // The other delivery goes on to the second email: had this one claimed it first, each would wait for the other.
      lock(other, second);
      other.commit();

      assertThat(sent.get()).as("both sent once the other delivery let go of them").isEqualTo(2);
    }
  }

  private long pending(Cohort cohort) {
    return transactions.execute(status -> mail.send(TestData.uniqueEmail(), MailTemplate.APPLICATION_REJECTED,
        Map.of("name", "Ada", "cohort", cohort), new Step(TestData.unique("pi"), "ai"))).getId();
  }

  /** Locks an email's row as a claim does, in the connection's open transaction. */
  private static void lock(Connection connection, long id) throws Exception {
    try (PreparedStatement update = connection.prepareStatement(
        "update outbox_email set locked_until = locked_until where id = ?")) {
      update.setLong(1, id);
      update.executeUpdate();
    }
  }
}
