package space.djangonaut.missioncontrol.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Production has no default credentials: the first organiser's account comes from
 * {@code MISSIONCONTROL_ADMIN_USER} and {@code MISSIONCONTROL_ADMIN_PASSWORD}, and without them the application
 * refuses to start (otherwise Camunda's webapp would offer anyone to create the first administrator).
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class AdminAccountConfiguration {

  static final int MIN_PASSWORD_LENGTH = 12;

  private final String id;

  AdminAccountConfiguration(@Value("${missioncontrol.admin.id:}") String id,
      @Value("${missioncontrol.admin.password:}") String password) {
    if (id.isBlank() || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("Set MISSIONCONTROL_ADMIN_USER and MISSIONCONTROL_ADMIN_PASSWORD (at least "
          + MIN_PASSWORD_LENGTH + " characters): the postgres profile has no default administrator.");
    }
    this.id = id;
  }

  /** The engine created the administrator (camunda.bpm.admin-user); an administrator is also an organiser. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void makeAdministratorAnOrganiser(ApplicationReadyEvent event) {
    event.getApplicationContext().getBean(Accounts.class).ensureMember(id, GroupsAndFilters.ORGANISERS);
  }
}
