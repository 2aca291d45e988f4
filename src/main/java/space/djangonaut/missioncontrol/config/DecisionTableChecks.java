package space.djangonaut.missioncontrol.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.process.rules.ProgrammeDecision;

/**
 * Refuses a deployment whose decision tables ({@code *.dmn}) would break the programme rules at run time, whatever
 * door it comes through (Camunda Modeler and the REST API, the Java API, {@link ProcessDeployer}), as
 * {@link DeploymentChecks} does for diagrams: the engine runs this before its own deployers, and one
 * {@link ParseException} lists every problem of the resource by element id (the REST API answers HTTP 400 with
 * {@code details.<resource>.errors}); nothing of the deployment is stored. Only new deployments are checked.
 *
 * <ul>
 *   <li>The file must be a DMN 1.3 model that Camunda's DMN engine can read: a table whose rules do not have one
 *       entry per input and output, or a hit policy the engine does not know, is named with the engine's reason.</li>
 *   <li>Every decision has a {@code camunda:historyTimeToLive}: each evaluation is kept in history, and cleaned up.</li>
 *   <li>A decision Mission Control evaluates ({@link ProgrammeDecision}) has hit policy FIRST or UNIQUE, so that one
 *       rule decides and the organisers are told which; every input expression, and every name a rule compares with,
 *       is a variable Mission Control provides; its output is the one Mission Control reads; every rule has an id.</li>
 *   <li>Such a decision is tried once with example values (two accepting reviews, first in line ...): a rule whose
 *       expression the FEEL engine cannot read or evaluate is named with the engine's reason.</li>
 * </ul>
 */
@Component
class DecisionTableChecks extends AbstractCamundaConfiguration implements Deployer {

  private static final Set<String> FEEL_WORDS = Set.of("not", "null", "true", "false", "and", "or", "in",
      "between", "if", "then", "else", "for", "some", "every", "satisfies", "instance", "of", "return");
  private static final Pattern FEEL_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*+)(?!\\s*\\()");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  /** Example values of the variables Mission Control provides, to try a table once at deployment. */
  private static final Map<String, Object> EXAMPLES = Map.of("firstRecommendation", "accept",
      "secondRecommendation", "accept", "tieBreakRecommendation", "none", "scoreGap", 0, "placeInLine", 1,
      "places", 18, "score", 20.0);

  /** A DMN engine of its own, without history: trying a table at deployment records nothing. */
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this);
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".dmn") || resource.getName().endsWith(".dmn11.xml")) {
        List<Problem> problems = problems(resource.getBytes());
        if (!problems.isEmpty()) {
          throw new ParseException("The decision table " + resource.getName() + " cannot be deployed: "
              + String.join("; ", problems.stream().map(Problem::getMessage).toList()), resource.getName(),
              problems, List.of());
        }
      }
    }
  }

  /** Every problem of one {@code .dmn} file, each naming its element. */
  List<Problem> problems(byte[] dmn) {
    List<Problem> problems = new ArrayList<>();
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
    } catch (RuntimeException e) {
      problems.add(new TableProblem(null, "It is no DMN 1.3 model Camunda can read: " + e.getMessage()));
      return problems;
    }
    List<DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(model);
    } catch (RuntimeException e) {
      problems.add(new TableProblem(null, "Camunda's DMN engine cannot read it: " + e.getMessage()));
      return problems;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null
          || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(new TableProblem(decision.getId(), "Decision " + decision.getId() + " has no "
            + "camunda:historyTimeToLive (the Modeler's \"History cleanup\" field): its evaluations are kept in "
            + "history and must be cleaned up."));
      }
      for (ProgrammeDecision known : ProgrammeDecision.values()) {
        if (known.key().equals(decision.getId())) {
          int before = problems.size();
          check(known, decision, problems);
          if (problems.size() == before) {
            tryOnce(known, decisions, problems);
          }
        }
      }
    }
    return problems;
  }

  private static void check(ProgrammeDecision known, Decision decision, List<Problem> problems) {
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      if (table.getHitPolicy() != HitPolicy.FIRST && table.getHitPolicy() != HitPolicy.UNIQUE) {
        problems.add(new TableProblem(table.getId(), "Decision " + known.key() + " has hit policy "
            + table.getHitPolicy() + ": Mission Control needs FIRST or UNIQUE, so that one rule decides."));
      }
      Set<String> read = new LinkedHashSet<>();
      for (Input input : table.getInputs()) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
            : input.getInputExpression().getText().getTextContent().strip();
        read.add(expression);
        if (!known.variables().contains(expression)) {
          problems.add(new TableProblem(input.getId(), "Input \"" + label(input.getLabel(), input.getId())
              + "\" of " + known.key() + " reads \"" + expression + "\", which Mission Control does not provide. "
              + "Its input expressions can be: " + String.join(", ", known.variables()) + "."));
        }
      }
      List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
      if (!outputs.equals(List.of(known.output()))) {
        problems.add(new TableProblem(table.getId(), "Decision " + known.key() + " has the outputs " + outputs
            + ": Mission Control reads exactly one, named \"" + known.output() + "\"."));
      }
      Set<String> ids = new HashSet<>();
      for (Rule rule : table.getRules()) {
        if (rule.getId() == null || !ids.add(rule.getId())) {
          problems.add(new TableProblem(table.getId(), "A rule of " + known.key() + " has no id of its own: "
              + "organisers are told which rule decided by its id."));
        }
        for (InputEntry entry : rule.getInputEntries()) {
          String text = entry.getText() == null ? "" : entry.getText().getTextContent();
          Matcher name = FEEL_NAME.matcher(STRING_LITERAL.matcher(text).replaceAll("0"));
          while (name.find()) {
            if (!FEEL_WORDS.contains(name.group(1)) && !known.variables().contains(name.group(1))) {
              problems.add(new TableProblem(rule.getId(), "Rule " + rule.getId() + " of " + known.key()
                  + " compares with \"" + name.group(1) + "\" (in \"" + text.strip() + "\"), which Mission Control "
                  + "does not provide. It provides: " + String.join(", ", known.variables()) + "."));
            }
          }
        }
      }
    }
  }

  /** Evaluates the decision once with {@link #EXAMPLES}: a rule the FEEL engine cannot read fails here, not later. */
  private void tryOnce(ProgrammeDecision known, List<DmnDecision> decisions, List<Problem> problems) {
    for (DmnDecision decision : decisions) {
      if (decision.getKey().equals(known.key())) {
        Map<String, Object> variables = new HashMap<>();
        known.variables().forEach(variable -> variables.put(variable, EXAMPLES.get(variable)));
        try {
          dmnEngine.evaluateDecisionTable(decision, variables);
        } catch (RuntimeException e) {
          problems.add(new TableProblem(known.key(), "Decision " + known.key() + " cannot be evaluated (tried "
              + "with " + new java.util.TreeMap<>(variables) + "): " + e.getMessage()));
        }
      }
    }
  }

  private static String label(String label, String id) {
    return label == null || label.isBlank() ? id : label;
  }

  /** One problem of a table, reported by the id of the element at fault (the decision's file when null). */
  private record TableProblem(String mainElementId, String message) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }
}
