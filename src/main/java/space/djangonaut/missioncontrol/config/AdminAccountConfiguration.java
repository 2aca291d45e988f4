package space.djangonaut.missioncontrol.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;

/**
 * Production's first organiser: the engine creates the administrator from {@code MISSIONCONTROL_ADMIN_USER} and
 * {@code MISSIONCONTROL_ADMIN_PASSWORD} while it starts ({@code camunda.bpm.admin-user}, checked by
 * {@link AdministratorCredentialsCheck}); here the administrator also becomes an organiser.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class AdminAccountConfiguration {

  private final String id;

  AdminAccountConfiguration(@Value("${missioncontrol.admin.id}") String id) {
    this.id = id;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void makeAdministratorAnOrganiser(ApplicationReadyEvent event) {
    event.getApplicationContext().getBean(Accounts.class).ensureMember(id, Roles.ORGANISERS);
  }
}
