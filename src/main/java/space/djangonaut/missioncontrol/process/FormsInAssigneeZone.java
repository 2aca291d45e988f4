package space.djangonaut.missioncontrol.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.DisplayZoneChanged;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;

/**
 * The forms that show availability in their assignee's zone (issue 12): the review and the tie-break, the
 * approval of a volunteer and the placement of a late Djangonaut. Each is drawn when its task is created (nobody
 * holds it yet: the fallback zone), and again by its diagram's {@code assignment} listener for whoever claims it or
 * is given it; the tasks keep what was drawn as their local variables, which Tasklist reads when it opens the form.
 *
 * <p>When someone chooses another zone ({@link DisplayZoneChanged}), the open tasks they hold are drawn again here
 * with the same listeners, so that a reviewer who claimed a task before setting their zone reads it in the new one.
 * Drawn on claim and on change rather than when Tasklist opens the form: Tasklist reads the task's variables
 * through the engine's REST API, which has no hook for computing one.
 */
@Component
class FormsInAssigneeZone {

  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, TaskListener> drawers;

  FormsInAssigneeZone(ProcessEngineConfigurationImpl engine,
      @Qualifier("showReviewToAssigneeListener") TaskListener review,
      @Qualifier("prepareApprovalTaskListener") TaskListener approval,
      @Qualifier("preparePlacementListener") TaskListener placement) {
    this.engine = engine;
    this.drawers = Map.of(ApplicationProcess.TASK_REVIEW_APPLICATION, review,
        ApplicationProcess.TASK_RESOLVE_DISAGREEMENT, review,
        VolunteerProcess.TASK_APPROVE_VOLUNTEER, approval,
        ApplicationProcess.TASK_PLACE_IN_TEAM, placement);
  }

  /** Draws again, in the new zone, the forms of the open tasks the person holds. */
  @EventListener
  void zoneChanged(DisplayZoneChanged changed) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      List<Task> held = engine.getTaskService().createTaskQuery().taskAssignee(changed.userId())
          .taskDefinitionKeyIn(drawers.keySet().toArray(String[]::new)).list();
      for (Task task : held) {
        // The engine's own entity, in this command: its execution (the business key) and local variables work
        // as they do in a listener.
        TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
        drawers.get(entity.getTaskDefinitionKey()).notify(entity);
      }
      return null;
    });
  }
}
