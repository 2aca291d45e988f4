package space.djangonaut.missioncontrol.process;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.EventBasedGatewayActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records every sequence flow the diagram engine takes, per process definition, for {@link DiagramCoverage}. A parse
 * listener of {@code diagram-engine.cfg.xml}: each sequence flow gets a built-in listener on its {@code take} event.
 *
 * <p>The engine makes no transition of a flow out of an event-based gateway: the event that fires starts in the
 * gateway's place. Such a flow is recorded when its event starts, which happens only after the gateway (diagram tests
 * do not start these events by instance modification).
 */
public class FlowRecorder extends AbstractBpmnParseListener {

  private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

  @Override
  public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
    transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, recording(transition.getId()));
  }

  @Override
  public void parseIntermediateCatchEvent(Element catchEventElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getEventScope() instanceof ActivityImpl gateway
        && gateway.getActivityBehavior() instanceof EventBasedGatewayActivityBehavior) {
      for (Element incoming : catchEventElement.elements("incoming")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, recording(incoming.getText().strip()));
      }
    }
  }

  private static ExecutionListener recording(String flowId) {
    return execution -> TAKEN
        .computeIfAbsent(execution.getProcessDefinitionId(), definition -> ConcurrentHashMap.newKeySet())
        .add(flowId);
  }

  /** The ids of the sequence flows taken so far by instances of this process definition. */
  public static Set<String> taken(String processDefinitionId) {
    return Set.copyOf(TAKEN.getOrDefault(processDefinitionId, Set.of()));
  }

  /** Drops what was recorded for this process definition (its deployment is gone). */
  public static void forget(String processDefinitionId) {
    TAKEN.remove(processDefinitionId);
  }
}
