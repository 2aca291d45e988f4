package space.djangonaut.missioncontrol.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Production has no default credentials: the postgres profile refuses to start, before anything else, unless
 * {@code MISSIONCONTROL_ADMIN_USER} and {@code MISSIONCONTROL_ADMIN_PASSWORD} (12+ characters) are set. Otherwise
 * Camunda's webapp would offer the first visitor to create an administrator.
 */
public class AdministratorCredentialsCheck implements EnvironmentPostProcessor, Ordered {

  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    String id = environment.getProperty("missioncontrol.admin.id", "");
    String password = environment.getProperty("missioncontrol.admin.password", "");
    if (id.isBlank() || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("Set MISSIONCONTROL_ADMIN_USER and MISSIONCONTROL_ADMIN_PASSWORD (at least "
          + MIN_PASSWORD_LENGTH + " characters): the postgres profile has no default administrator.");
    }
  }

  /** After the configuration files are read, so that application-postgres.yaml counts. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
