package space.djangonaut.missioncontrol.process.team;

import static space.djangonaut.missioncontrol.process.team.TeamProcess.FIELD_FOLLOW_UP;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.MIDPOINT_CHECK_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_FOLLOW_UP_CONCERN;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.survey.MidpointAnswersErased;
import space.djangonaut.missioncontrol.survey.MidpointService.ConcernContext;

/**
 * Forgets, in the team's process, what the follow-up of an erased mid-point answer showed and recorded: the task's
 * context (who answered, their words, the team) and the organiser's note, now and in history (every value, with its
 * details). An open follow-up task keeps its place and says the answer was erased. Runs in the erasing transaction.
 */
@Component
class MidpointErasedListener {

  /** What the task showed ({@link ConcernContext}'s components) and what the organiser wrote. */
  private static final List<String> FORGOTTEN = List.of("concernFrom", "concernAnswers", "concernTeam",
      FIELD_FOLLOW_UP);
  private static final String ERASED = "(erased at the person's request)";

  private final HistoryService historyService;
  private final TaskService taskService;

  MidpointErasedListener(HistoryService historyService, TaskService taskService) {
    this.historyService = historyService;
    this.taskService = taskService;
  }

  @EventListener
  void midpointAnswersErased(MidpointAnswersErased event) {
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
        .processDefinitionKey(TeamProcess.KEY).processInstanceBusinessKey(String.valueOf(event.teamId()))
        .taskDefinitionKey(TASK_FOLLOW_UP_CONCERN).list()) {
      if (!isAbout(task, event.midpointCheckId())) {
        continue;
      }
      boolean open = task.getEndTime() == null;
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
          .executionIdIn(task.getExecutionId()).variableNameIn(FORGOTTEN.toArray(String[]::new)).includeDeleted()
          .list()) {
        if (open && variable.getTaskId() != null) {
          taskService.removeVariableLocal(task.getId(), variable.getName());
        }
        if (!open || variable.getTaskId() != null) {
          // An open task's empty followUp stays where the form writes it, so that the note stays in its scope.
          historyService.deleteHistoricVariableInstance(variable.getId());
        }
      }
      if (open) {
        taskService.setVariablesLocal(task.getId(), java.util.Map.of("concernFrom", ERASED, "concernAnswers", ERASED,
            "concernTeam", ERASED));
      }
    }
  }

  private boolean isAbout(HistoricTaskInstance task, long midpointCheckId) {
    return historyService.createHistoricVariableInstanceQuery().executionIdIn(task.getExecutionId())
        .variableName(MIDPOINT_CHECK_ID.name()).list().stream()
        .anyMatch(v -> Long.valueOf(midpointCheckId).equals(v.getValue()));
  }
}
