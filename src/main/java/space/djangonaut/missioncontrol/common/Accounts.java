package space.djangonaut.missioncontrol.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;

/** Creates Camunda user accounts in Mission Control's groups. */
@Component
public class Accounts {

  private final IdentityService identityService;
  private final GroupsAndFilters groupsAndFilters;

  Accounts(IdentityService identityService, GroupsAndFilters groupsAndFilters) {
    this.identityService = identityService;
    this.groupsAndFilters = groupsAndFilters;
  }

  /** Adds an existing user to a group, once. */
  public void ensureMember(String userId, String group) {
    groupsAndFilters.ensure();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
    }
  }

  /** Creates the user with these groups unless a user with this id exists; returns whether it created one. */
  public boolean ensureUser(String id, String password, String firstName, String lastName, String email,
      String... groups) {
    groupsAndFilters.ensure();
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return false;
    }
    User user = identityService.newUser(id);
    user.setPassword(password);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
    return true;
  }
}
