package space.djangonaut.missioncontrol.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.common.Roles;

/**
 * A person works only on their own tasks, whatever door they come through (Tasklist, {@code /engine-rest}): every
 * user task of every diagram gets two listeners when the engine parses it.
 * <ul>
 *   <li>On assignment, someone who is not an organiser may claim a task for themselves only (Camunda lets any
 *       candidate claim a task for any user id; a reviewer could otherwise hand the second review of an application
 *       to another reviewer's name and complete it themselves).</li>
 *   <li>On completion, someone who is not an organiser completes only a task assigned to them (Camunda lets anyone
 *       who may work on a task complete it, whoever it is assigned to).</li>
 * </ul>
 * The engine's own steps and the application's code run without an authenticated user and are not checked;
 * organisers (group {@value Roles#ORGANISERS}) and Camunda administrators repair processes and may do both.
 */
@Component
class TaskOwnership extends AbstractCamundaConfiguration {

  static final String NOT_FOR_SOMEONE_ELSE = "You can claim a task for yourself only.";
  static final String NOT_YOURS = "This task is not assigned to you: claim it before you complete it.";

  private static final List<String> REPAIRERS = List.of(Roles.ORGANISERS, Roles.CAMUNDA_ADMIN);

  private static final TaskListener ASSIGNMENT = task -> {
    String user = authenticatedPerson();
    if (user != null && task.getAssignee() != null && !task.getAssignee().equals(user)) {
      throw new BadUserRequestException(NOT_FOR_SOMEONE_ELSE);
    }
  };

  private static final TaskListener COMPLETE = task -> {
    String user = authenticatedPerson();
    if (user != null && !user.equals(task.getAssignee())) {
      throw new BadUserRequestException(NOT_YOURS);
    }
  };

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, ASSIGNMENT);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, COMPLETE);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /**
   * The user on whose behalf the engine runs this command, unless it is nobody (the engine's own jobs, the
   * application's code) or someone who repairs processes.
   */
  private static String authenticatedPerson() {
    CommandContext context = Context.getCommandContext();
    if (context == null || context.getAuthenticatedUserId() == null) {
      return null;
    }
    List<String> groups = context.getAuthenticatedGroupIds();
    return groups != null && groups.stream().anyMatch(REPAIRERS::contains) ? null : context.getAuthenticatedUserId();
  }
}
