package space.djangonaut.missioncontrol.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The outbox for operators: {@code missioncontrol.outbox.emails{status=...}}, the number of emails in each state,
 * read from the database when the metrics are scraped (so every node reports the same figure). The backlog is
 * {@code pending} plus {@code sending}; {@code failed} and {@code refused} wait for an organiser on the outbox page.
 */
@Component
class OutboxMetrics implements MeterBinder {

  static final String EMAILS = "missioncontrol.outbox.emails";

  private final OutboxEmailRepository emails;

  OutboxMetrics(OutboxEmailRepository emails) {
    this.emails = emails;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxEmail.Status status : OutboxEmail.Status.values()) {
      if (status == OutboxEmail.Status.SENT) {
        continue; // grows for ever; the mail server's own metrics count deliveries
      }
      Gauge.builder(EMAILS, emails, repository -> repository.countByStatus(status))
          .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
          .description("Emails in the outbox in this state")
          .baseUnit("emails")
          .register(registry);
    }
  }
}
