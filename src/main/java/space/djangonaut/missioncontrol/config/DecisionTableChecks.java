package space.djangonaut.missioncontrol.config;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
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
 *   <li>Such a decision is evaluated over a grid of every input Mission Control can give (each recommendation, every
 *       score gap, places and places in line around each boundary): the first case for which the table throws
 *       (rules overlapping under UNIQUE, a FEEL expression the engine cannot evaluate), gives no result (no rule
 *       covers it) or gives an output Mission Control cannot read (outcome other than accepted, waitlisted,
 *       rejected; thirdReview other than true, false) is named, and so is a rule that decides no case.</li>
 * </ul>
 */
@Component
class DecisionTableChecks extends DeploymentCheck {

  private static final Set<String> FEEL_WORDS = Set.of("not", "null", "true", "false", "and", "or", "in",
      "between", "if", "then", "else", "for", "some", "every", "satisfies", "instance", "of", "return");
  private static final Pattern FEEL_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*+)(?!\\s*\\()");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  /** The cohort sizes tried at deployment (see {@link #grid}). */
  private static final List<Integer> PLACES = List.of(1, 2, 3, 16, 300);

  /** The outputs Mission Control can read, by decision. */
  private static final Map<ProgrammeDecision, List<Object>> ALLOWED = Map.of(
      ProgrammeDecision.REVIEW_DISAGREEMENT, List.of(true, false),
      ProgrammeDecision.SELECTION_PROPOSAL, List.of("accepted", "waitlisted", "rejected"));

  /** The calling thread's last evaluation by {@link #dmnEngine}: which rules matched, with their outputs. */
  private final ThreadLocal<DmnDecisionTableEvaluationEvent> lastEvaluation = new ThreadLocal<>();

  /** A DMN engine of its own, without history: trying a table at deployment records nothing. */
  private final DmnEngine dmnEngine = engine();

  private DmnEngine engine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setCustomPostDecisionTableEvaluationListeners(List.of(lastEvaluation::set));
    FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    configuration.setFeelEngineFactory(() -> new RememberingFeel(feel));
    return configuration.buildEngine();
  }

  /**
   * Camunda's FEEL engine (the one the process engine uses), remembering each result by the expression and the values
   * of the variables it names: the grid repeats the same few (expression, values) pairs thousands of times, and the
   * FEEL engine parses an expression at each evaluation (about 0.1 ms). A result depends only on the variables an
   * expression names, so a remembered one is the one the engine would give.
   */
  private static final class RememberingFeel implements FeelEngine {

    private static final Pattern WORD = Pattern.compile("\\w+");
    private static final int MAX_REMEMBERED = 100_000;

    private final FeelEngine feel;
    private final Map<String, Set<String>> words = new ConcurrentHashMap<>();
    private final Map<List<Object>, Object> results = new ConcurrentHashMap<>();

    RememberingFeel(FeelEngine feel) {
      this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      List<Object> key = key(expression, null, context);
      Object result = results.get(key);
      if (result == null && !results.containsKey(key)) {
        result = feel.evaluateSimpleExpression(expression, context);
        remember(key, result);
      }
      return (T) result;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      List<Object> key = key(expression, inputVariable, context);
      Object result = results.get(key);
      if (result == null) {
        result = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        remember(key, result);
      }
      return (Boolean) result;
    }

    private void remember(List<Object> key, Object result) {
      if (results.size() > MAX_REMEMBERED) {
        results.clear();
      }
      if (result != null) {
        results.put(key, result);
      }
    }

    /** The expression, its input variable and the value of every variable of the context the expression names. */
    private List<Object> key(String expression, String inputVariable, VariableContext context) {
      Set<String> named = words.computeIfAbsent(expression, text -> {
        Set<String> found = new HashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
          found.add(word.group());
        }
        return found;
      });
      List<Object> key = new ArrayList<>();
      key.add(expression);
      key.add(inputVariable);
      for (String variable : new java.util.TreeSet<>(context.keySet())) {
        if (variable.equals(inputVariable) || named.contains(variable)) {
          TypedValue value = context.resolve(variable);
          key.add(variable);
          key.add(value == null ? null : value.getValue());
        }
      }
      return key;
    }
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
      problems.add(new DeploymentProblem(null, "It is no DMN 1.3 model Camunda can read: " + e.getMessage()));
      return problems;
    }
    List<DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(model);
    } catch (RuntimeException e) {
      problems.add(new DeploymentProblem(null, "Camunda's DMN engine cannot read it: " + e.getMessage()));
      return problems;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null
          || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(new DeploymentProblem(decision.getId(), "Decision " + decision.getId() + " has no "
            + "camunda:historyTimeToLive (the Modeler's \"History cleanup\" field): its evaluations are kept in "
            + "history and must be cleaned up."));
      }
      for (ProgrammeDecision known : ProgrammeDecision.values()) {
        if (known.key().equals(decision.getId())) {
          int before = problems.size();
          check(known, decision, problems);
          if (problems.size() == before) {
            tryGrid(known, decisions, problems);
          }
        }
      }
    }
    return problems;
  }

  private static void check(ProgrammeDecision known, Decision decision, List<Problem> problems) {
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      if (table.getHitPolicy() != HitPolicy.FIRST && table.getHitPolicy() != HitPolicy.UNIQUE) {
        problems.add(new DeploymentProblem(table.getId(), "Decision " + known.key() + " has hit policy "
            + table.getHitPolicy() + ": Mission Control needs FIRST or UNIQUE, so that one rule decides."));
      }
      Set<String> read = new LinkedHashSet<>();
      for (Input input : table.getInputs()) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
            : input.getInputExpression().getText().getTextContent().strip();
        read.add(expression);
        if (!known.variables().contains(expression)) {
          problems.add(new DeploymentProblem(input.getId(), "Input \"" + label(input.getLabel(), input.getId())
              + "\" of " + known.key() + " reads \"" + expression + "\", which Mission Control does not provide. "
              + "Its input expressions can be: " + String.join(", ", known.variables()) + "."));
        }
      }
      List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
      if (!outputs.equals(List.of(known.output()))) {
        problems.add(new DeploymentProblem(table.getId(), "Decision " + known.key() + " has the outputs " + outputs
            + ": Mission Control reads exactly one, named \"" + known.output() + "\"."));
      }
      Set<String> ids = new HashSet<>();
      for (Rule rule : table.getRules()) {
        if (rule.getId() == null || !ids.add(rule.getId())) {
          problems.add(new DeploymentProblem(table.getId(), "A rule of " + known.key() + " has no id of its own: "
              + "organisers are told which rule decided by its id."));
        }
        for (InputEntry entry : rule.getInputEntries()) {
          String text = entry.getText() == null ? "" : entry.getText().getTextContent();
          Matcher name = FEEL_NAME.matcher(STRING_LITERAL.matcher(text).replaceAll("0"));
          while (name.find()) {
            if (!FEEL_WORDS.contains(name.group(1)) && !known.variables().contains(name.group(1))) {
              problems.add(new DeploymentProblem(rule.getId(), "Rule " + rule.getId() + " of " + known.key()
                  + " compares with \"" + name.group(1) + "\" (in \"" + text.strip() + "\"), which Mission Control "
                  + "does not provide. It provides: " + String.join(", ", known.variables()) + "."));
            }
          }
        }
      }
    }
  }

  /**
   * Evaluates the decision over {@link #grid} (every input combination Mission Control can give, boundaries
   * included): names the first case for which the table throws (several rules match under UNIQUE, a FEEL expression
   * fails), gives no result (no rule covers it) or gives an output outside {@link #ALLOWED}, and every rule that
   * decides none of the cases (its entries never match, e.g. a comparison with {@code null}, or rules above it
   * always win). About 24,000 evaluations of the DMN engine without history, each FEEL result remembered by its inputs.
   */
  private void tryGrid(ProgrammeDecision known, List<DmnDecision> decisions, List<Problem> problems) {
    for (DmnDecision decision : decisions) {
      if (!decision.getKey().equals(known.key())) {
        continue;
      }
      Set<String> undecided = new LinkedHashSet<>();
      if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
        table.getRules().forEach(rule -> undecided.add(rule.getId()));
      }
      List<Object> allowed = ALLOWED.get(known);
      for (Map<String, Object> variables : grid(known)) {
        lastEvaluation.remove();
        try {
          dmnEngine.evaluateDecisionTable(decision, variables);
        } catch (RuntimeException e) {
          problems.add(new DeploymentProblem(known.key(), known.key() + ": for " + describe(known, variables)
              + " the table cannot be evaluated: " + e.getMessage()));
          return;
        }
        DmnDecisionTableEvaluationEvent event = lastEvaluation.get();
        List<DmnEvaluatedDecisionRule> matched = event == null ? List.of() : event.getMatchingRules();
        if (matched.isEmpty()) {
          problems.add(new DeploymentProblem(known.key(), known.key() + ": for " + describe(known, variables)
              + " no rule matches, so the table gives no " + known.output() + ". Add a last rule for everything "
              + "else (all its input entries empty)."));
          return;
        }
        DmnEvaluatedDecisionRule rule = matched.get(0);
        DmnEvaluatedOutput output = rule.getOutputEntries().get(known.output());
        Object value = output == null || output.getValue() == null ? null : output.getValue().getValue();
        if (!allowed.contains(value)) {
          problems.add(new DeploymentProblem(rule.getId(), known.key() + ": for " + describe(known, variables)
              + " the table gives " + (value instanceof String text ? "'" + text + "'" : String.valueOf(value))
              + " (rule " + rule.getId() + "); " + known.output() + " must be one of "
              + String.join(", ", allowed.stream().map(String::valueOf).toList()) + "."));
          return;
        }
        undecided.remove(rule.getId());
      }
      for (String ruleId : undecided) {
        problems.add(new DeploymentProblem(ruleId, known.key() + ": rule " + ruleId + " decides none of the inputs "
            + "Mission Control can give (tried " + describeGrid(known) + "): its entries never match (a "
            + "comparison with null?) or the rules above it always match first."));
      }
    }
  }

  /**
   * The inputs tried for a decision: recommendations each of accept, maybe, reject (a tie-break also none); scoreGap
   * 0 to 16; score (a mean of two totals, 4-20) 4 to 20 in steps of 2; places 1, 2, 3, 16, 300 and placeInLine
   * around each boundary (1, places - 1, places, places + 1, the waitlist's end and one after, 2 * places,
   * 3 * places + 1); previouslyWaitlisted false and true.
   */
  static List<Map<String, Object>> grid(ProgrammeDecision known) {
    List<String> recommendations = List.of("accept", "maybe", "reject");
    List<String> tieBreaks = List.of("accept", "maybe", "reject", ProgrammeDecision.NO_TIE_BREAK);
    List<Map<String, Object>> grid = new ArrayList<>();
    if (known == ProgrammeDecision.REVIEW_DISAGREEMENT) {
      for (String first : recommendations) {
        for (String second : recommendations) {
          for (int gap = 0; gap <= 16; gap++) {
            grid.add(Map.of("firstRecommendation", first, "secondRecommendation", second, "scoreGap", gap));
          }
        }
      }
      return grid;
    }
    for (int places : PLACES) {
      Set<Integer> lines = new java.util.TreeSet<>(List.of(1, places - 1, places, places + 1,
          places + (places + 1) / 2, places + (places + 1) / 2 + 1, 2 * places, 3 * places + 1));
      lines.removeIf(line -> line < 1);
      for (int line : lines) {
        for (int score = 4; score <= 20; score += 2) {
          for (String first : recommendations) {
            for (String second : recommendations) {
              for (String tieBreak : tieBreaks) {
                for (boolean returning : List.of(false, true)) {
                  grid.add(Map.of("placeInLine", line, "places", places, "score", (double) score,
                      "firstRecommendation", first, "secondRecommendation", second,
                      "tieBreakRecommendation", tieBreak, "previouslyWaitlisted", returning));
                }
              }
            }
          }
        }
      }
    }
    return grid;
  }

  private static String describe(ProgrammeDecision known, Map<String, Object> variables) {
    return String.join(", ", known.variables().stream().map(name -> name + "=" + (variables.get(name) instanceof
        Double score && score == Math.rint(score) ? String.valueOf(score.intValue()) : variables.get(name)))
        .toList());
  }

  private static String describeGrid(ProgrammeDecision known) {
    return known == ProgrammeDecision.REVIEW_DISAGREEMENT
        ? "each recommendation accept, maybe, reject and scoreGap 0 to 16"
        : "places " + PLACES + " with placeInLine around them, score 4 to 20, every recommendation, "
            + "previouslyWaitlisted false and true";
  }

  private static String label(String label, String id) {
    return label == null || label.isBlank() ? id : label;
  }

}
