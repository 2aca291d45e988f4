package space.djangonaut.missioncontrol.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.mail.SmtpSink;

/**
 * The zero-setup default run: an SMTP sink inside the application (organisers read it at
 * {@code /organiser/mailbox}), demo accounts and a cohort open for applications. None of this exists in any other
 * profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("default")
class DemoConfiguration {

  static final String DEMO_COHORT = "demo-session";
  private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

  /** A real SMTP server on localhost that keeps every message it receives. */
  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail smtpSink(@Value("${spring.mail.port}") int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** What organisers read on {@code /organiser/mailbox}. */
  @Bean
  SmtpSink smtpSinkMailbox(GreenMail smtpSink) {
    return () -> SmtpSink.receivedBy(smtpSink);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void createDemoData(ApplicationReadyEvent event) {
    var context = event.getApplicationContext();
    Accounts accounts = context.getBean(Accounts.class);
    accounts.ensureUser("organiser", "organiser", "Olivia", "Organiser", "organiser@example.org",
        Roles.ORGANISERS, Roles.CAMUNDA_ADMIN);
    accounts.ensureUser("reviewer1", "reviewer1", "Rosa", "Reviewer", "reviewer1@example.org",
        Roles.REVIEWERS);
    accounts.ensureUser("reviewer2", "reviewer2", "Ravi", "Reviewer", "reviewer2@example.org",
        Roles.REVIEWERS);
    if (!context.getBean(CohortRepository.class).existsBySlug(DEMO_COHORT)) {
      LocalDate today = LocalDate.now(context.getBean(Clock.class).withZone(ZoneOffset.UTC));
      CohortForm form = new CohortForm();
      form.setName("Demo session");
      form.setSlug(DEMO_COHORT);
      form.setApplicationsOpenOn(today.minusDays(1));
      form.setApplicationsCloseOn(today.plusDays(30));
      form.setStartsOn(today.plusDays(60));
      context.getBean(CohortLifecycle.class).open(form);
    }
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "8080");
    LOG.info("""

        Mission Control is running (default profile: H2 in ./data, SMTP sink, demo accounts).
          Apply as a Djangonaut:   {}/cohorts/{}/apply
          Organiser pages:         {}/organiser/cohorts      (organiser / organiser)
          Emails sent (SMTP sink): {}/organiser/mailbox
          Tasklist and Cockpit:    {}/camunda/app/           (organiser / organiser, reviewer1 / reviewer1, reviewer2 / reviewer2)
        """, base, DEMO_COHORT, base, base, base);
  }
}
