package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.mail.MailDispatcher;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.RefusingSmtpServer;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * A relay that refuses a recipient for good (550): the email is not tried eight times but refused after one attempt,
 * with the relay's reason on the outbox page and on the application; the other applicants' emails go out.
 */
@IntegrationTest
class RefusedEmailTest {

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired ApplicationRepository applications;
  @Autowired OutboxEmailRepository outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired RuntimeService runtimeService;
  @Autowired JavaMailSenderImpl sender;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRefuseAnEmailAfterOneAttemptWhenTheRelayAnswers550AndShowWhyToOrganisers() {
    Cohort cohort = testData.openCohort();
    String refused = TestData.uniqueEmail();
    String delivered = TestData.uniqueEmail();
    int greenMail = sender.getPort();
    try (RefusingSmtpServer relay = new RefusingSmtpServer(Set.of(refused))) {
      sender.setPort(relay.port());
      Application refusedApplication = applyAndAcknowledge(cohort, refused, "Casey Nomailbox");
      applyAndAcknowledge(cohort, delivered, "Dana Delivered");

      // A day later the dispatcher has run many times: the refused email was not tried again.
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
      dispatcher.dispatchDue();

      OutboxEmail email = outbox.findByRecipientOrderById(refused).get(0);
      assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.REFUSED);
      assertThat(email.getAttempts()).isEqualTo(1);
      assertThat(email.getLastError()).startsWith("Refused by the mail server: 550")
          .contains(RefusingSmtpServer.REFUSAL);
      assertThat(relay.refusals()).containsExactly(refused);
      assertThat(relay.delivered()).containsExactly(delivered);
      assertThat(outbox.findByRecipientOrderById(delivered)).singleElement()
          .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OutboxEmail.Status.SENT));

      String organiser = testData.organiser();
      WebClient organiserBrowser = new WebClient(port).basicAuth(organiser, organiser);
      String outboxPage = organiserBrowser.get("/organiser/outbox").body();
      assertThat(outboxPage).contains(refused).contains("refused by the mail server, not retried")
          .contains(RefusingSmtpServer.REFUSAL);
      String cohortPage = organiserBrowser.get("/organiser/cohorts/" + cohort.getSlug()).body();
      assertThat(cohortPage).contains("id=\"undelivered-" + refusedApplication.getId() + "\"")
          .contains(RefusingSmtpServer.REFUSAL).doesNotContain("Our emails do not reach " + delivered);
    } finally {
      sender.setPort(greenMail);
    }
  }

  private Application applyAndAcknowledge(Cohort cohort, String email, String name) {
    WebClient browser = new WebClient(port);
    String path = "/cohorts/" + cohort.getSlug() + "/apply";
    assertThat(browser.postForm(path, WebClient.form(browser.get(path), TestData.formAnswers(email, name))).status())
        .isEqualTo(302);
    Application application = applications.findAll().stream().filter(a -> a.getEmail().equals(email))
        .findFirst().orElseThrow();
    testData.executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId());
    return application;
  }
}
