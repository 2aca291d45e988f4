package space.djangonaut.missioncontrol.process.team;

import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_RECORD_CHECK_IN;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.WEEK;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.calendar.TeamCalendar;
import space.djangonaut.missioncontrol.team.TeamMeetingChanged;

/**
 * The due date of Task_RecordCheckIn ({@code camunda:dueDate="${checkInDueDates.dueAt(teamId, cohortId, week)}"}):
 * the end of the week's meeting once the Navigator chose one, else the end of the week
 * ({@link TeamCalendar#checkInDue}). When the meeting moves, the open check-ins of the team take the new due dates,
 * so that Tasklist and the calendars agree.
 */
@Component("checkInDueDates")
public class CheckInDueDates {

  private final TeamCalendar calendar;
  private final TaskService tasks;

  CheckInDueDates(TeamCalendar calendar, TaskService tasks) {
    this.calendar = calendar;
    this.tasks = tasks;
  }

  /** When the week's check-in is due (UTC instant), for the diagram's expression. */
  public Date dueAt(long teamId, long cohortId, long week) {
    return Date.from(calendar.checkInDue(teamId, cohortId, week));
  }

  @EventListener
  void meetingMoved(TeamMeetingChanged changed) {
    for (Task task : tasks.createTaskQuery().processDefinitionKey(TeamProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(changed.teamId())).taskDefinitionKey(TASK_RECORD_CHECK_IN)
        .list()) {
      // Read through the task's execution: week is a local variable of its instance of SubProcess_Week.
      long week = ((Number) tasks.getVariable(task.getId(), WEEK.name())).longValue();
      long cohortId = ((Number) tasks.getVariable(task.getId(), TeamProcess.COHORT_ID.name())).longValue();
      task.setDueDate(dueAt(changed.teamId(), cohortId, week));
      tasks.saveTask(task);
    }
  }
}
