package space.djangonaut.missioncontrol.process.application;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ReviewService;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.common.Roles;

/**
 * Who is offered an application's open reviews, so that each reviewer's "Applications to review" holds one card per
 * application they can still review.
 *
 * <p>An application has two review tasks at once (a parallel multi-instance, so that two reviewers may work at the
 * same time). Offered both to the same group, every reviewer would see each application twice, and the second card
 * of one they had reviewed. So: while nobody holds either review, only the first is offered, to the cohort's
 * reviewers (its tenant's group, or its tenant's users by name: nobody else, not even the diagram's group
 * {@code reviewers} unless it is the cohort's group); the other is
 * offered to nobody. Once someone claims one, the other is offered, by name, to the cohort's reviewers who have not
 * reviewed the application and hold none of its reviews. Camunda's candidate groups cannot leave one member out,
 * hence candidate users for that second review. The independence rule itself stays where it was:
 * {@code ReviewService.ensureReviewerIsIndependent} refuses a claim by the same person, whoever offered what.
 *
 * <p>Nobody is offered a review of their own application (their account's email is the applicant's,
 * {@link ReviewService#applicantsAmong}): when such a person can review the cohort, even as a member of its group,
 * the first review is offered to the other reviewers by name instead of to the group, so that it stays out of their
 * "Applications to review"; claiming or completing it anyway is refused ({@code ReviewService}).
 *
 * <p>When the cohort's reviewers change, a review claimed by someone who no longer reviews the cohort is handed back
 * (unclaimed) and offered to the new reviewers.
 *
 * <p>Candidate users see the task through the definition ({@code READ_TASK}), as groups do, and get no per-task
 * {@code READ} (config/TaskAuthorizationProvider): the reviewers' filter stays fast.
 */
@Component
class ReviewCandidates {

  /** The multi-instance's index of a review task: 0 for the first, 1 for the second. */
  private static final String LOOP_COUNTER = "loopCounter";

  /**
   * The processes whose reviews this thread is offering: changing a task's candidates in the command that changed
   * its assignee (an unclaim, {@link #reviewersChanged}) fires its assignment listener again, which would offer again.
   */
  private static final ThreadLocal<Set<String>> OFFERING = ThreadLocal.withInitial(HashSet::new);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ReviewService reviews;
  private final CohortReviewers cohortReviewers;

  ReviewCandidates(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      ReviewService reviews, CohortReviewers cohortReviewers) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.reviews = reviews;
    this.cohortReviewers = cohortReviewers;
  }

  /**
   * On creating a review task: the first is offered to the cohort's reviewers (its tenant's group, or its tenant's
   * users), in place of the diagram's group {@code reviewers}; the second to nobody until the first is claimed. A
   * task of no cohort (no tenant) keeps the diagram's group.
   */
  void offerNew(DelegateTask task) {
    boolean second = task.getVariable(LOOP_COUNTER) instanceof Number index && index.intValue() > 0;
    if (!second && task.getTenantId() == null) {
      return;
    }
    // The diagram's candidate group is not written yet: TaskService, which deletes what the database holds, would
    // find nothing. Drop the pending link itself. The group keeps the right to claim the task (its authorization
    // stays): whoever claims it is checked as before; the task is just not offered to everyone.
    TaskEntity entity = (TaskEntity) task;
    for (IdentityLinkEntity link : List.copyOf(entity.getIdentityLinks())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        entity.getIdentityLinks().remove(link);
        link.delete();
      }
    }
    if (!second) {
      Set<String> able = cohortReviewers.ableToReview(task.getTenantId());
      Set<String> applicants = reviews.applicantsAmong(ApplicationProcess.applicationId(task), able);
      if (applicants.isEmpty()) {
        task.addCandidateGroups(cohortGroups(task.getTenantId()));
        task.addCandidateUsers(cohortUsers(task.getTenantId()));
      } else {
        able.removeAll(applicants);
        task.addCandidateUsers(able);
      }
    }
  }

  /**
   * Offers the application's unclaimed reviews again, after a claim or a change of the cohort's reviewers: the first
   * unclaimed one to everyone who may still review it, any other to nobody.
   *
   * @param applicationId the application (the process's business key)
   */
  void offerOpen(String processInstanceId, long applicationId) {
    if (!OFFERING.get().add(processInstanceId)) {
      return;
    }
    try {
      offerOpenNow(processInstanceId, applicationId);
    } finally {
      OFFERING.get().remove(processInstanceId);
    }
  }

  private void offerOpenNow(String processInstanceId, long applicationId) {
    List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).orderByTaskId().asc().list();
    Set<String> excluded = new LinkedHashSet<>(reviews.reviewersOf(applicationId));
    String tenant = open.isEmpty() ? null : open.get(0).getTenantId();
    if (tenant != null) {
      excluded.addAll(reviews.applicantsAmong(applicationId, cohortReviewers.ableToReview(tenant)));
    }
    open.stream().map(Task::getAssignee).filter(assignee -> assignee != null).forEach(excluded::add);
    boolean offered = false;
    for (Task task : open) {
      if (task.getAssignee() != null) {
        continue;
      }
      Set<String> groups = new LinkedHashSet<>();
      Set<String> users = new LinkedHashSet<>();
      if (!offered && excluded.isEmpty()) {
        if (task.getTenantId() == null) {
          groups.add(Roles.REVIEWERS);
        }
        groups.addAll(cohortGroups(task.getTenantId()));
        users.addAll(cohortUsers(task.getTenantId()));
      } else if (!offered) {
        users.addAll(cohortReviewers.ableToReview(task.getTenantId()));
        users.removeAll(excluded);
      }
      offered = true;
      setCandidates(task.getId(), groups, users);
    }
  }

  /**
   * The cohort's reviewers changed: reviews claimed by someone who no longer reviews the cohort are handed back, and
   * its unclaimed reviews are offered to the new reviewers.
   */
  @EventListener
  void reviewersChanged(CohortReviewers.Changed changed) {
    Set<String> able = cohortReviewers.ableToReview(changed.tenantId());
    for (Task claimed : taskService.createTaskQuery().tenantIdIn(changed.tenantId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).taskAssigned().list()) {
      if (!able.contains(claimed.getAssignee())) {
        taskService.setAssignee(claimed.getId(), null);
      }
    }
    List<String> processes = taskService.createTaskQuery().tenantIdIn(changed.tenantId())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).taskUnassigned().list().stream()
        .map(Task::getProcessInstanceId).distinct().toList();
    for (String processInstance : processes) {
      ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceId(processInstance)
          .singleResult();
      if (process != null) {
        offerOpen(processInstance, Long.parseLong(process.getBusinessKey()));
      }
    }
  }

  private void setCandidates(String taskId, Set<String> groups, Set<String> users) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null && !groups.remove(link.getGroupId())) {
        taskService.deleteCandidateGroup(taskId, link.getGroupId());
      } else if (link.getUserId() != null && !users.remove(link.getUserId())) {
        taskService.deleteCandidateUser(taskId, link.getUserId());
      }
    }
    groups.forEach(group -> taskService.addCandidateGroup(taskId, group));
    users.forEach(user -> taskService.addCandidateUser(taskId, user));
  }

  /** The cohort's reviewer groups: its tenant's groups ({@code reviewers} too, when chosen). */
  private List<String> cohortGroups(String tenantId) {
    if (tenantId == null) {
      return List.of();
    }
    return identityService.createGroupQuery().memberOfTenant(tenantId).list().stream().map(Group::getId).toList();
  }

  /** The cohort's reviewers named one by one: its tenant's users. */
  private List<String> cohortUsers(String tenantId) {
    if (tenantId == null) {
      return List.of();
    }
    return identityService.createUserQuery().memberOfTenant(tenantId).list().stream().map(User::getId).toList();
  }
}
