package space.djangonaut.missioncontrol.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.SecondNode;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Two nodes on one PostgreSQL, each with its job executor and mail dispatcher: applications come in over HTTP to
 * both, one node stops half-way, and every acknowledgement job runs exactly once and every email arrives exactly
 * once. Prints its counts.
 */
@Tag(IntegrationTest.TAG)
class TwoNodesTest {

  private static final int APPLICATIONS = 200;

  @Test
  void shouldRunEveryJobAndDeliverEveryEmailExactlyOnceWhenANodeStopsMidRun() throws Exception {
    ConfigurableApplicationContext nodeA = node("nodeA");
    ConfigurableApplicationContext nodeB = node("nodeB");
    // Operators see each node's job executor running (Camunda's JobExecutorHealthIndicator on /actuator/health).
    for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
      assertThat(node.getBean(HealthEndpoint.class).healthForPath("jobExecutor").getStatus()).isEqualTo(Status.UP);
    }
    String slug = TestData.unique("cluster");
    long cohortId = nodeA.getBean(CohortService.class).create(TestData.cohortForm("Cluster session", slug)).getId();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      emails.add(TestData.uniqueEmail());
    }
    int portA = port(nodeA);
    int portB = port(nodeB);

    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      int index = i;
      int port = index % 2 == 0 || index > APPLICATIONS / 2 ? portA : portB;
      answers.add(clients.submit(() -> apply(port, slug, emails.get(index))));
      if (i == APPLICATIONS / 2) {
        // Half-way, node B stops (gracefully): the jobs it had locked wait for their locks to expire, then node A
        // runs them; the emails it was delivering are finished and marked before it goes.
        for (Future<Integer> answer : answers) {
          answer.get();
        }
        nodeB.close();
      }
    }
    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(302);
    }
    clients.shutdown();

    HistoryService history = nodeA.getBean(HistoryService.class);
    List<String> businessKeys = nodeA.getBean(ApplicationRepository.class).findByCohortIdOrderBySubmittedAt(cohortId)
        .stream().map(a -> a.getId().toString()).toList();
    assertThat(businessKeys).hasSize(APPLICATIONS);
    // Polls until every acknowledgement job has run and every email has arrived; the deadline only bounds a failure
    // (then the assertions below report how far it got).
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline
        && (acknowledgements(history, businessKeys) < APPLICATIONS || delivered(emails) < APPLICATIONS)) {
      Thread.sleep(250);
    }
    // More rounds of jobs and dispatching, to see that nothing happens twice. This sleep waits for nothing to
    // happen: on a slow machine fewer rounds fit in it, which makes the check weaker, never flaky.
    Thread.sleep(2000);

    long acknowledged = acknowledgements(history, businessKeys);
    int deliveredOnce = (int) emails.stream().filter(e -> Mailbox.messagesTo(e).size() == 1).count();
    int deliveredTwice = (int) emails.stream().filter(e -> Mailbox.messagesTo(e).size() > 1).count();
    nodeA.close();
    System.out.printf("%nTwo nodes: %d applications over HTTP, node B stopped after %d; acknowledgement jobs "
        + "run %d times; emails delivered once %d, more than once %d%n%n", APPLICATIONS, APPLICATIONS / 2 + 1,
        acknowledged, deliveredOnce, deliveredTwice);

    assertThat(acknowledged).isEqualTo(APPLICATIONS);
    assertThat(deliveredOnce).isEqualTo(APPLICATIONS);
    assertThat(deliveredTwice).isZero();
  }

  private static ConfigurableApplicationContext node(String name) {
    return SecondNode.start(name,
        "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
        "--missioncontrol.scheduling.enabled=true", "--missioncontrol.mail.dispatch-interval=PT1S",
        "--missioncontrol.mail.deliver-in-caller-thread=false", "--spring.datasource.hikari.maximum-pool-size=20",
        "--spring.datasource.hikari.connection-timeout=30000");
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private static int apply(int port, String slug, String email) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + slug + "/apply";
    Map<String, List<String>> answers = TestData.formAnswers(email, "Node " + email.substring(0, 12));
    return browser.postForm(path, WebClient.form(browser.get(path), answers)).status();
  }

  /** How many times the acknowledgement step completed, over the applications of this test. */
  private static long acknowledgements(HistoryService history, List<String> businessKeys) {
    long count = 0;
    for (String businessKey : businessKeys) {
      for (var instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .processDefinitionKey(ApplicationProcess.KEY).list()) {
        count += history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(ApplicationProcess.TASK_SEND_ACKNOWLEDGEMENT).finished().count();
      }
    }
    return count;
  }

  private static int delivered(List<String> emails) {
    return (int) emails.stream().filter(e -> !Mailbox.messagesTo(e).isEmpty()).count();
  }

}
