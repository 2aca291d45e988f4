package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import space.djangonaut.missioncontrol.MissionControlApplication;
import space.djangonaut.missioncontrol.support.TestInfrastructure;

/**
 * The production profile has no default secrets: without an administrator's credentials, or without the retention
 * records' key, it refuses to start and says which.
 */
class ProductionProfileTest {

  @Test
  void shouldRefuseToStartThePostgresProfileWithoutAdministratorCredentials() {
    Map<String, Object> properties = everythingBut();
    properties.put("missioncontrol.retention.secret", "r".repeat(32));

    assertThatThrownBy(() -> start(properties)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Set MISSIONCONTROL_ADMIN_USER and MISSIONCONTROL_ADMIN_PASSWORD (at least 12 "
            + "characters): the postgres profile has no default administrator.");
  }

  @Test
  void shouldRefuseToStartThePostgresProfileWithoutTheRetentionSecret() {
    Map<String, Object> properties = everythingBut();
    for (String prefix : new String[] {"camunda.bpm.admin-user", "missioncontrol.admin"}) {
      properties.put(prefix + ".id", "operator");
      properties.put(prefix + ".password", "a-long-enough-password");
    }

    assertThatThrownBy(() -> start(properties)).hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause().hasMessageContaining("Set MISSIONCONTROL_RETENTION_SECRET");
  }

  /** Everything the profile needs but its secrets, given as command-line arguments as an operator would. */
  private static Map<String, Object> everythingBut() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.database());
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("missioncontrol.mail.base-url", "https://mission-control.example.org");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    // As support/SecondNode explains: an engine and webapps of their own, so that stopping leaves the shared context's.
    properties.put("camunda.bpm.webapp.enabled", "false");
    properties.put("camunda.bpm.process-engine-name", "productionProfileCheck");
    return properties;
  }

  private static void start(Map<String, Object> properties) {
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    new SpringApplicationBuilder(MissionControlApplication.class).profiles("postgres").run(arguments).close();
  }
}
