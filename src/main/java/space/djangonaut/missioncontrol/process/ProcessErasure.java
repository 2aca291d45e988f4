package space.djangonaut.missioncontrol.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Removes a person's process instances with their history when their data is erased: task variables and their
 * history hold what they typed. The listeners of the features' erasure events call it, in the erasing transaction.
 */
@Component
public class ProcessErasure {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  ProcessErasure(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
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
}
