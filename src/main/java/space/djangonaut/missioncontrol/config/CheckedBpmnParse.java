package space.djangonaut.missioncontrol.config;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse with {@link DeploymentChecks}' rules: every problem becomes an error of the parse
 * ({@link #addError}), so that the engine refuses the resource with one {@code ParseException} listing the
 * engine's own errors and ours, each with its element id and line. Diagrams of deployments already stored are parsed
 * as the engine always did.
 */
final class CheckedBpmnParse extends BpmnParse {

  private final DeploymentChecks checks;

  CheckedBpmnParse(BpmnParser parser, DeploymentChecks checks) {
    super(parser);
    this.checks = checks;
  }

  /** A process without {@code camunda:historyTimeToLive} is refused in our words (the engine's names a setting). */
  @Override
  protected void validateAndSetHTTL(Element processElement, ProcessDefinitionEntity processDefinition,
      boolean skipEnforceTtl) {
    String timeToLive = processElement.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "historyTimeToLive");
    if (!skipEnforceTtl && (timeToLive == null || timeToLive.isBlank())) {
      addError(DiagramCheck.withoutHistoryTimeToLive(processElement), processElement);
      return;
    }
    super.validateAndSetHTTL(processElement, processDefinition, skipEnforceTtl);
  }

  @Override
  protected void parseRootElement() {
    super.parseRootElement();
    if (deployment != null && deployment.isNew()) {
      new DiagramCheck(checks, deployment, this::addError).check(rootElement);
    }
  }
}
