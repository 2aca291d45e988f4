package space.djangonaut.missioncontrol.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a reviewer submits with the review form ({@code forms/review-application.form}); the components are the
 * form's field keys. Each score runs from 1 (weak) to 5 (strong); the rubric is the programme's review guide.
 */
public record ReviewScores(
    @NotNull(message = SCORE_RANGE) @Min(value = MIN_SCORE, message = SCORE_RANGE)
    @Max(value = MAX_SCORE, message = SCORE_RANGE) Integer scoreMotivation,
    @NotNull(message = SCORE_RANGE) @Min(value = MIN_SCORE, message = SCORE_RANGE)
    @Max(value = MAX_SCORE, message = SCORE_RANGE) Integer scoreExperience,
    @NotNull(message = SCORE_RANGE) @Min(value = MIN_SCORE, message = SCORE_RANGE)
    @Max(value = MAX_SCORE, message = SCORE_RANGE) Integer scoreAvailability,
    @NotNull(message = SCORE_RANGE) @Min(value = MIN_SCORE, message = SCORE_RANGE)
    @Max(value = MAX_SCORE, message = SCORE_RANGE) Integer scoreCommunity,
    @NotNull(message = "choose accept, maybe or reject.") Recommendation recommendation,
    @Size(max = MAX_COMMENT, message = "keep the comment to {max} characters.") String reviewComment) {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int MAX_COMMENT = 4000;
  private static final String SCORE_RANGE = "give a whole number from " + MIN_SCORE + " to " + MAX_SCORE + ".";

  /** The sum of the four scores, 4 to 20. */
  public int total() {
    return scoreMotivation + scoreExperience + scoreAvailability + scoreCommunity;
  }
}
