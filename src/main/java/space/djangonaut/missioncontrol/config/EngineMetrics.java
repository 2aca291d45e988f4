package space.djangonaut.missioncontrol.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What an operator must act on in the process engine, as Prometheus gauges read from the engine's tables when the
 * metrics are scraped: {@code camunda.failed.jobs} (jobs with no retries left, which the job executor no longer
 * tries) and {@code camunda.open.incidents} (open incidents; each one holds up a step of a cohort, an application or
 * a team until someone resolves it in Cockpit). The queries run without a signed-in user, so authorizations do not
 * hide anything.
 */
@Component
class EngineMetrics implements MeterBinder {

  private final ManagementService management;
  private final RuntimeService runtime;

  EngineMetrics(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("camunda.failed.jobs", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs with no retries left").baseUnit("jobs").register(registry);
    Gauge.builder("camunda.open.incidents", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents").baseUnit("incidents").register(registry);
  }
}
