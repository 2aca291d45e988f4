package space.djangonaut.missioncontrol.config;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;

/**
 * What each group may reach in Tasklist and through {@code /engine-rest}, beyond the tasks the engine itself lets
 * them work on (a task's candidate group and assignee get the default task permission when the task is created):
 * <ul>
 *   <li>reviewers: Tasklist, their filter, the application process's definition (to load its forms) and its tasks
 *       (read; they work only on review tasks);</li>
 *   <li>navigators and captains: Tasklist, their filters, and the team process's definition (their tasks' forms);</li>
 *   <li>organisers (and Camunda administrators): every resource, and the engine's admin operations
 *       ({@link EngineConfiguration}).</li>
 * </ul>
 * Nobody but organisers reads process instances, variables, history or deployments, or deploys.
 */
@Component
public class Authorizations {

  static final String TASKLIST = "tasklist";

  private final AuthorizationService authorizationService;

  Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  void ensure() {
    // The engine checks data access even for admin groups: organisers and administrators get every resource.
    for (String group : new String[] {Roles.ORGANISERS, Roles.CAMUNDA_ADMIN}) {
      for (Resource resource : Resources.values()) {
        grant(group, resource, Authorization.ANY, Permissions.ALL);
      }
    }
    for (String group : new String[] {Roles.REVIEWERS, Roles.NAVIGATORS,
        Roles.CAPTAINS}) {
      grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    }
    grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY, Permissions.READ);
    // Reviewers see the application process's tasks through its definition; they work only on the tasks offered
    // to their group (TaskAuthorizationProvider), so they can read a tie-break but not claim or complete it.
    grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Roles.NAVIGATORS, Resources.PROCESS_DEFINITION, TeamProcess.KEY, Permissions.READ);
    grant(Roles.CAPTAINS, Resources.PROCESS_DEFINITION, TeamProcess.KEY, Permissions.READ);
  }

  /**
   * What the group {@code reviewers} may do, for another group an organiser chose as a cohort's reviewers:
   * Tasklist, and the application process's definition and tasks (read; they work on the review tasks offered to
   * them).
   */
  void grantReviewer(String group) {
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    // One call for both: within one command (the start form) a grant saved just before is not found again.
    grant(group, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_TASK);
  }

  /** Lets a group read a Tasklist filter. */
  void grantFilter(String group, String filterId) {
    grant(group, Resources.FILTER, filterId, Permissions.READ);
  }

  /**
   * What {@link #grantReviewer} gives a group, for one user named as a cohort's reviewer, plus the reviewers'
   * filter (null: none yet): the user sees only the tasks of the cohorts whose tenant they belong to.
   */
  void grantReviewerUser(String userId, String filterId) {
    grantUser(userId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grantUser(userId, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_TASK);
    if (filterId != null) {
      grantUser(userId, Resources.FILTER, filterId, Permissions.READ);
    }
  }

  /** Takes back what {@link #grantReviewerUser} gave the user (their groups' grants stay). */
  void revokeReviewerUser(String userId, String filterId) {
    revokeUser(userId, Resources.APPLICATION, TASKLIST);
    revokeUser(userId, Resources.PROCESS_DEFINITION, ApplicationProcess.KEY);
    if (filterId != null) {
      revokeUser(userId, Resources.FILTER, filterId);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant when there is none. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  /** As {@link #grant}, for one user. */
  private void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().userIdIn(userId)
        .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  /** Saves the grant with the permissions it lacks; nothing when it has them all. */
  private void save(Authorization authorization, Permission... permissions) {
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** Deletes the user's own grant on the resource, if any. */
  private void revokeUser(String userId, Resource resource, String resourceId) {
    for (Authorization authorization : authorizationService.createAuthorizationQuery().userIdIn(userId)
        .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).list()) {
      authorizationService.deleteAuthorization(authorization.getId());
    }
  }
}
