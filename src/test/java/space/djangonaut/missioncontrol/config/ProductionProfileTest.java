package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import space.djangonaut.missioncontrol.MissionControlApplication;
import space.djangonaut.missioncontrol.support.TestInfrastructure;

/** The production profile has no default credentials: without an administrator's it refuses to start. */
class ProductionProfileTest {

  @Test
  void shouldRefuseToStartThePostgresProfileWithoutAdministratorCredentials() {
    // Everything the profile needs but the administrator, given as command-line arguments as an operator would.
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.database());
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("missioncontrol.mail.base-url", "https://mission-control.example.org");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);

    assertThatThrownBy(() -> new SpringApplicationBuilder(MissionControlApplication.class)
        .profiles("postgres").run(arguments).close())
        .isInstanceOf(IllegalStateException.class).hasMessage("Set MISSIONCONTROL_ADMIN_USER and MISSIONCONTROL_ADMIN_PASSWORD (at least 12 "
            + "characters): the postgres profile has no default administrator.");
  }
}
