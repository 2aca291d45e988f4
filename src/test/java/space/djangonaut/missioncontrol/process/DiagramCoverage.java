package space.djangonaut.missioncontrol.process;

import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * How much of one diagram the tests of a class passed through: the flow nodes that ran (from the engine's history)
 * and the sequence flows taken (from {@link FlowRecorder}), against all those of the diagram.
 *
 * @param diagram the diagram's resource name
 * @param flowNodes the ids of all its flow nodes: events, gateways, tasks and sub-processes, nested ones included
 * @param flowNodesRun those that ran at least once
 * @param sequenceFlows the ids of all its sequence flows
 * @param sequenceFlowsTaken those taken at least once
 */
public record DiagramCoverage(String diagram, SortedSet<String> flowNodes, SortedSet<String> flowNodesRun,
    SortedSet<String> sequenceFlows, SortedSet<String> sequenceFlowsTaken) {

  /** What instances of this process definition, running or not, have passed through so far. */
  public static DiagramCoverage of(ProcessEngine engine, ProcessDefinition definition) {
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    SortedSet<String> flowNodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
    SortedSet<String> sequenceFlows = model.getModelElementsByType(SequenceFlow.class).stream()
        .map(SequenceFlow::getId).collect(Collectors.toCollection(TreeSet::new));
    SortedSet<String> run = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processDefinitionId(definition.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId)
        .map(id -> id.replace(BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX, ""))
        .filter(flowNodes::contains)
        .collect(Collectors.toCollection(TreeSet::new));
    SortedSet<String> taken = FlowRecorder.taken(definition.getId()).stream().filter(sequenceFlows::contains)
        .collect(Collectors.toCollection(TreeSet::new));
    return new DiagramCoverage(definition.getResourceName(), flowNodes, run, sequenceFlows, taken);
  }

  /** The share of flow nodes that ran, from 0 to 1. */
  public double flowNodeRatio() {
    return ratio(flowNodesRun, flowNodes);
  }

  /** The share of sequence flows taken, from 0 to 1. */
  public double sequenceFlowRatio() {
    return ratio(sequenceFlowsTaken, sequenceFlows);
  }

  /** The flow nodes that never ran. */
  public SortedSet<String> flowNodesMissed() {
    return missing(flowNodes, flowNodesRun);
  }

  /** The sequence flows never taken. */
  public SortedSet<String> sequenceFlowsMissed() {
    return missing(sequenceFlows, sequenceFlowsTaken);
  }

  /** The figures on one line, then one line for each kind of element missed. */
  public String report() {
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "Coverage of %s: flow nodes %d/%d (%.1f%%), sequence flows %d/%d (%.1f%%)", diagram,
        flowNodesRun.size(), flowNodes.size(), 100 * flowNodeRatio(),
        sequenceFlowsTaken.size(), sequenceFlows.size(), 100 * sequenceFlowRatio()));
    if (!flowNodesMissed().isEmpty()) {
      report.append(System.lineSeparator()).append("  flow nodes not run: ").append(flowNodesMissed());
    }
    if (!sequenceFlowsMissed().isEmpty()) {
      report.append(System.lineSeparator()).append("  sequence flows not taken: ").append(sequenceFlowsMissed());
    }
    return report.toString();
  }

  private static double ratio(Set<String> covered, Set<String> all) {
    return all.isEmpty() ? 1 : (double) covered.size() / all.size();
  }

  private static SortedSet<String> missing(Set<String> all, Set<String> covered) {
    SortedSet<String> missed = new TreeSet<>(all);
    missed.removeAll(covered);
    return missed;
  }
}
