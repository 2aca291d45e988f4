package space.djangonaut.missioncontrol.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates Camunda user accounts in the groups of the programme's {@link Roles}. */
@Component
public class Accounts {

  private final IdentityService identityService;

  Accounts(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Creates the groups of {@link Roles} that are missing. */
  public void ensureGroups() {
    Roles.NAMES.forEach((id, name) -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
  }

  /** Adds an existing user to a group, once. */
  public void ensureMember(String userId, String group) {
    ensureGroups();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
    }
  }

  /** Creates the user with these groups unless a user with this id exists; returns whether it created one. */
  public boolean ensureUser(String id, String password, String firstName, String lastName, String email,
      String... groups) {
    ensureGroups();
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
