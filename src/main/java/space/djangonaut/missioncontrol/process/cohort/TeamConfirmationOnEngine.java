package space.djangonaut.missioncontrol.process.cohort;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.team.TeamConfirmation;
import space.djangonaut.missioncontrol.team.TeamPlanText;
import space.djangonaut.missioncontrol.team.TeamPlanView;

/** The team page's requests to the cohort's Task_ConfirmTeams ({@code cohort.bpmn}, business key = slug). */
@Component
class TeamConfirmationOnEngine implements TeamConfirmation {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final TeamPlanText plans;
  private final CohortService cohorts;

  TeamConfirmationOnEngine(TaskService taskService, IdentityService identityService, TeamPlanText plans,
      CohortService cohorts) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.plans = plans;
    this.cohorts = cohorts;
  }

  @Override
  public Optional<String> openTask(String cohortSlug) {
    return task(cohortSlug).map(Task::getId);
  }

  @Override
  public void showOnTask(String cohortSlug) {
    task(cohortSlug).ifPresent(task -> {
      TeamPlanView view = plans.forOrganiser(cohorts.bySlug(cohortSlug).getId());
      Map<String, Object> shown = new HashMap<>();
      shown.put("teamPlan", view.teamPlan());
      shown.put("teamProblems", view.teamProblems());
      shown.put("teamsPage", view.teamsPage());
      taskService.setVariablesLocal(task.getId(), shown);
    });
  }

  @Override
  public void confirm(String cohortSlug, String taskId, boolean anyway, String userId) {
    Task task = task(cohortSlug).filter(t -> t.getId().equals(taskId)).orElseThrow(() -> new StaleTeamPageException(
        "The teams of this cohort were confirmed meanwhile (or the page is out of date): nothing was changed. The "
            + "page now shows the teams as they are."));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CohortProcess.FIELD_TEAM_ADJUSTMENTS, "");
    variables.put(CohortProcess.FIELD_CONFIRM_ANYWAY, anyway);
    Authentication before = identityService.getCurrentAuthentication();
    // As the organiser, with their groups: the engine checks what they may do, and its history says who confirmed.
    identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), variables);
    } catch (ProcessEngineException e) {
      // A refusal of the complete listener reaches us wrapped by the engine: pass on the refusal itself.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException refusal) {
          throw refusal;
        }
      }
      throw e;
    } finally {
      if (before == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(before);
      }
    }
  }

  private Optional<Task> task(String cohortSlug) {
    return Optional.ofNullable(taskService.createTaskQuery().processDefinitionKey(CohortProcess.KEY)
        .processInstanceBusinessKey(cohortSlug).taskDefinitionKey(CohortProcess.TASK_CONFIRM_TEAMS).singleResult());
  }
}
