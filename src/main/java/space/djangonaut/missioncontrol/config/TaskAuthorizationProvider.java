package space.djangonaut.missioncontrol.config;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default task authorizations, except that a candidate group gets the right to work on the task
 * (claim, complete) but not to see it: seeing comes from {@code READ_TASK} on the process definition
 * ({@link Authorizations}).
 *
 * <p>Why: every task query of a user who is not an administrator joins the authorizations that grant {@code READ}
 * with the condition {@code RESOURCE_ID_ in (task id, process definition key, '*')}, which PostgreSQL can only
 * evaluate as a nested loop. With one {@code READ} row per open review task for the group {@code reviewers},
 * the reviewers' filter compared every open review task with every one of those rows: 36 million comparisons and
 * four seconds for 6,000 tasks, growing with the square of the intake. Without them the join meets a handful of
 * rows. Who may work on which task is unchanged.
 */
class TaskAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
    AuthorizationEntity[] authorizations = super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
    if (authorizations != null) {
      for (AuthorizationEntity authorization : authorizations) {
        authorization.removePermission(Permissions.READ);
      }
    }
    return authorizations;
  }

  /**
   * The same for a candidate user (an application's second review is offered by name, see
   * process/application/ReviewCandidates): the right to work on the task, seeing it through the definition.
   */
  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String identityLinkType) {
    AuthorizationEntity[] authorizations = super.newTaskUserIdentityLink(task, userId, identityLinkType);
    if (authorizations != null && IdentityLinkType.CANDIDATE.equals(identityLinkType)
        && !userId.equals(task.getAssignee()) && !userId.equals(task.getOwner())) {
      for (AuthorizationEntity authorization : authorizations) {
        authorization.removePermission(Permissions.READ);
      }
    }
    return authorizations;
  }
}
