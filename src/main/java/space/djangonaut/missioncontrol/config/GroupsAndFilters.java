package space.djangonaut.missioncontrol.config;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;

/**
 * The groups of the programme's {@link Roles} and the Tasklist filters each works from, created when missing; and the
 * reviewers' rights for any other group an organiser chooses as a cohort's reviewers.
 */
@Component
public class GroupsAndFilters implements CohortReviewers.ReviewerRights {

  public static final String FILTER_APPLICATIONS_TO_REVIEW = "Applications to review";
  public static final String FILTER_DISAGREEMENTS = "Review disagreements to resolve";
  public static final String FILTER_COHORT_DECISIONS = "Cohort decisions";
  public static final String FILTER_VOLUNTEERS_TO_APPROVE = "Volunteers to approve";
  public static final String FILTER_MY_CHECK_INS = "My check-ins";
  public static final String FILTER_MY_ONE_TO_ONES = "My one-to-ones";

  private final Accounts accounts;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Authorizations authorizations;

  GroupsAndFilters(Accounts accounts, FilterService filterService, TaskService taskService,
      Authorizations authorizations) {
    this.accounts = accounts;
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void ensure() {
    authorizations.ensure();
    accounts.ensureGroups();
    // The reviewer's own work: review tasks assigned to them, or unclaimed ones offered to them, through one of their
    // groups or (an application's second review once someone holds the first) by name: a candidate user query
    // matches both (process/application/ReviewCandidates).
    TaskQuery toReview = taskService.createTaskQuery()
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateUserExpression("${currentUser()}")
        .endOr();
    ensureFilter(FILTER_APPLICATIONS_TO_REVIEW, toReview, Roles.REVIEWERS, -10, "#2e7d32",
        "Applications waiting for your review: yours, or not yet claimed by anyone", List.of());
    TaskQuery disagreements = mineOrMyGroups(taskService.createTaskQuery()
        .taskDefinitionKey(ApplicationProcess.TASK_RESOLVE_DISAGREEMENT));
    ensureFilter(FILTER_DISAGREEMENTS, disagreements, Roles.ORGANISERS, -5, "#c62828",
        "Applications whose two reviewers disagree: a third review decides", List.of());
    TaskQuery cohortDecisions = mineOrMyGroups(taskService.createTaskQuery()
        .taskDefinitionKeyIn(CohortProcess.TASK_FINALISE_SELECTION, CohortProcess.TASK_CONFIRM_TEAMS,
            CohortProcess.TASK_PUBLISH_REPORT, ApplicationProcess.TASK_PLACE_IN_TEAM,
            TeamProcess.TASK_REPLACE_VOLUNTEER));
    ensureFilter(FILTER_COHORT_DECISIONS, cohortDecisions, Roles.ORGANISERS, -4, "#1565c0",
        "Selections, teams, late Djangonauts to place, volunteers to replace and reports waiting for an organiser",
        List.of());
    ensureFilter(FILTER_VOLUNTEERS_TO_APPROVE, mineOrMyGroups(taskService.createTaskQuery()
        .taskDefinitionKey(VolunteerProcess.TASK_APPROVE_VOLUNTEER)), Roles.ORGANISERS, -3, "#00838f",
        "Navigators and Captains who signed up", List.of(column("volunteerName", "Volunteer"),
            column("volunteerRole", "Role"), column("volunteerCohort", "Cohort")));
    // Navigators' and Captains' tasks are assigned to them: they see their own teams' work only.
    ensureFilter(FILTER_MY_CHECK_INS, taskService.createTaskQuery()
        .taskDefinitionKey(TeamProcess.TASK_RECORD_CHECK_IN).taskAssigneeExpression("${currentUser()}")
        .orderByDueDate().asc(), Roles.NAVIGATORS, -3, "#6a1b9a",
        "Weekly check-ins of your teams, due at the end of each week",
        List.of(column("teamName", "Team"), column("weekLabel", "Week")));
    ensureFilter(FILTER_MY_ONE_TO_ONES, taskService.createTaskQuery()
        .taskDefinitionKey(TeamProcess.TASK_HOLD_ONE_TO_ONE).taskAssigneeExpression("${currentUser()}")
        .orderByDueDate().asc(), Roles.CAPTAINS, -2, "#ef6c00",
        "One-to-ones with your Djangonauts, every second week",
        List.of(column("djangonautName", "Djangonaut"), column("weekLabel", "Week")));
  }

  /** Tasklist, the filter "Applications to review" and the application process's tasks, as for {@code reviewers}. */
  @Override
  public void grantReviewerRights(String groupId) {
    if (Roles.REVIEWERS.equals(groupId)) {
      return;
    }
    authorizations.grantReviewer(groupId);
    Filter filter = filterService.createFilterQuery().filterName(FILTER_APPLICATIONS_TO_REVIEW).singleResult();
    if (filter != null) {
      authorizations.grantFilter(groupId, filter.getId());
    }
  }

  /** Tasklist, the filter "Applications to review" and the application process's tasks, for one named user. */
  @Override
  public void grantReviewerRightsToUser(String userId) {
    authorizations.grantReviewerUser(userId, reviewersFilterId());
  }

  /** Takes back what {@link #grantReviewerRightsToUser} gave (the grants of the user's groups stay). */
  @Override
  public void revokeReviewerRightsOfUser(String userId) {
    authorizations.revokeReviewerUser(userId, reviewersFilterId());
  }

  private String reviewersFilterId() {
    Filter filter = filterService.createFilterQuery().filterName(FILTER_APPLICATIONS_TO_REVIEW).singleResult();
    return filter == null ? null : filter.getId();
  }

  /** Tasks assigned to the current user, or not yet claimed and offered to one of their groups. */
  private static TaskQuery mineOrMyGroups(TaskQuery query) {
    return query.or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  /**
   * Creates the filter, or brings an existing one (same name) up to date, keeping its id and so the links and
   * authorizations that point at it.
   */
  private void ensureFilter(String name, TaskQuery query, String group, int priority, String color,
      String description, List<Map<String, String>> columns) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner(null);
    }
    filter.setQuery(query).setProperties(Map.of(
        "priority", priority,
        "color", color,
        "description", description,
        "refresh", true,
        "variables", columns));
    authorizations.grantFilter(group, filterService.saveFilter(filter).getId());
  }

  /**
   * A variable shown on the task cards of a filter. Tasklist reads them with a variable query, which needs
   * {@code READ} on the task itself: only assignees have that (candidate groups see tasks through the process
   * definition, see TaskAuthorizationProvider), so only the assigned tasks' filters show variables. Review tasks
   * carry the applicant's name in the task name instead.
   */
  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
