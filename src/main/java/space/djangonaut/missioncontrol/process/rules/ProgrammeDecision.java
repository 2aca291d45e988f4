package space.djangonaut.missioncontrol.process.rules;

import java.util.List;

/**
 * The programme's decision tables in {@code bpmn/}, one per file {@code bpmn/<key>.dmn} whose decision id is the
 * key: the variables Mission Control gives each evaluation and the output it reads. {@code ProcessNamesTest} proves
 * these names against the files; {@link ProgrammeRulesOnEngine} evaluates them with exactly these variables.
 */
public enum ProgrammeDecision {

  /** Whether two reviews call for an organiser's third review: output {@code thirdReview} (boolean). */
  REVIEW_DISAGREEMENT("review-disagreement", "thirdReview",
      List.of("firstRecommendation", "secondRecommendation", "scoreGap")),

  /** What the selection proposes for a ranked application: output {@code outcome} (accepted, waitlisted, rejected). */
  SELECTION_PROPOSAL("selection-proposal", "outcome",
      List.of("placeInLine", "places", "score", "firstRecommendation", "secondRecommendation",
          "tieBreakRecommendation", "previouslyWaitlisted"));

  /** The value of {@code tieBreakRecommendation} when the reviews did not disagree (and of a missing review). */
  public static final String NO_TIE_BREAK = "none";

  private final String key;
  private final String output;
  private final List<String> variables;

  ProgrammeDecision(String key, String output, List<String> variables) {
    this.key = key;
    this.output = output;
    this.variables = variables;
  }

  /** The decision's id, and its file's name in {@code bpmn/} without {@code .dmn}. */
  public String key() {
    return key;
  }

  /** The name of the output column Mission Control reads. */
  public String output() {
    return output;
  }

  /** The variables Mission Control provides, in the order of the table's input columns. */
  public List<String> variables() {
    return variables;
  }
}
