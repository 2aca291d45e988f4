package space.djangonaut.missioncontrol.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.privacy.Mentions;

/**
 * Removes a person's process instances with their history when their data is erased (task variables and their
 * history hold what they typed), and scrubs their name and address from the variables of other instances that
 * mention them (a cohort's team plan and selection summary, a team's check-in context, the one-to-ones about them).
 * The listeners of the features' erasure events call it, in the erasing transaction.
 */
@Component
public class ProcessErasure {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;

  ProcessErasure(RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
  }

  /**
   * Deletes the running instances of a process with this business key, skipping the diagram's listeners and
   * input/output mappings (nothing is sent or recorded on the way out), then every historic instance with that key.
   * Does nothing where there is none.
   *
   * @param processKey the process definition's key, such as {@code application}
   * @param businessKey the instance's business key (the id of the feature's record)
   */
  public void remove(String processKey, String businessKey) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "personal data erased", true, true));
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list()
        .forEach(hpi -> historyService.deleteHistoricProcessInstance(hpi.getId()));
  }

  /**
   * The ids of the instances (running or ended) of a process with this business key, and of every instance they
   * called (a cohort's teams), at any depth.
   */
  public List<String> instancesAndCalled(String processKey, String businessKey) {
    List<String> ids = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list().stream().map(HistoricProcessInstance::getId)
        .collect(Collectors.toCollection(ArrayList::new));
    for (int i = 0; i < ids.size(); i++) {
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  /**
   * Scrubs every mention of a person from the text variables of these instances, now and in their history, keeping
   * everything else. What the engine keeps cannot be rewritten in place, so:
   *
   * <ul>
   *   <li>a variable that is still there (an open task's context, a running instance's variable) whose value or any
   *       earlier value mentions them is removed with its history and set again with the mentions replaced by
   *       {@value Mentions#REPLACEMENT}: it keeps its name, scope and the rest of its text;</li>
   *   <li>a variable that only history keeps (a completed task's form context, such as the team plan of a confirmed
   *       Task_ConfirmTeams) is deleted from history with all its values. Mission Control's own tables keep what the
   *       programme counts (teams, check-ins, one-to-ones), so nothing the report needs is lost.</li>
   * </ul>
   *
   * Numbers and ids (an application id in {@code djangonautId}) are not personal data here and stay.
   *
   * @param processInstanceIds the instances to look in (see {@link #instancesAndCalled})
   * @return how many variables were scrubbed or deleted
   */
  public int scrub(List<String> processInstanceIds, Mentions mentions) {
    if (processInstanceIds.isEmpty()) {
      return 0;
    }
    String[] ids = processInstanceIds.toArray(String[]::new);
    Set<String> tainted = new HashSet<>();
    // A variable a task's form shows read-only has no history (config/HistoryWithoutFormFields): nothing to delete.
    Set<String> inHistory = new HashSet<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).list()) {
      inHistory.add(variable.getId());
      if (variable.getValue() instanceof String text && mentions.in(text)) {
        tainted.add(variable.getId());
      }
    }
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceIdIn(ids)
        .variableUpdates().list()) {
      if (detail instanceof HistoricVariableUpdate update && update.getValue() instanceof String text
          && mentions.in(text)) {
        tainted.add(update.getVariableInstanceId());
      }
    }
    Map<String, VariableInstance> running = runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(ids).list().stream()
        .filter(v -> tainted.contains(v.getId()) || v.getValue() instanceof String text && mentions.in(text))
        .collect(Collectors.toMap(VariableInstance::getId, Function.identity()));
    tainted.addAll(running.keySet());
    for (String id : tainted) {
      VariableInstance variable = running.get(id);
      if (variable == null) {
        historyService.deleteHistoricVariableInstance(id);
        continue;
      }
      Object value = variable.getValue() instanceof String text ? mentions.scrub(text) : variable.getValue();
      if (variable.getTaskId() != null) {
        taskService.removeVariableLocal(variable.getTaskId(), variable.getName());
        deleteHistory(id, inHistory);
        taskService.setVariableLocal(variable.getTaskId(), variable.getName(), value);
      } else {
        runtimeService.removeVariableLocal(variable.getExecutionId(), variable.getName());
        deleteHistory(id, inHistory);
        runtimeService.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
      }
    }
    return tainted.size();
  }

  private void deleteHistory(String variableInstanceId, Set<String> inHistory) {
    if (inHistory.contains(variableInstanceId)) {
      historyService.deleteHistoricVariableInstance(variableInstanceId);
    }
  }
}
