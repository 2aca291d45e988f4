package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When two reviews call for a third (ReviewService.needsTieBreak): opposite recommendations, or totals 6 apart. */
class TieBreakRuleTest {

  @Test
  void shouldAskForAThirdReviewWhenOneReviewerAcceptsAndTheOtherRejects() {
    assertThat(ReviewService.needsTieBreak(List.of(review(3, "accept"), review(3, "reject")))).isTrue();
  }

  @Test
  void shouldAskForAThirdReviewWhenTotalsAreSixOrMoreApart() {
    // totals 4 x 4 = 16 and 4 x 2 + 2 = 10: six apart
    assertThat(ReviewService.needsTieBreak(List.of(review(4, "maybe"), review(2, 4, "maybe")))).isTrue();
  }

  @Test
  void shouldNotAskWhenTotalsAreFiveApartAndRecommendationsDoNotConflict() {
    // 16 and 11
    assertThat(ReviewService.needsTieBreak(List.of(review(4, "accept"), review(3, 2, "maybe")))).isFalse();
  }

  @Test
  void shouldNotAskForAThirdReviewOnceTheTieBreakIsThereOrWithOneReview() {
    assertThat(ReviewService.needsTieBreak(List.of(review(5, "accept"), review(1, "reject"),
        new Review(1L, "organiser", scores(3, 3, "accept"), true, Instant.EPOCH)))).isFalse();
    assertThat(ReviewService.needsTieBreak(List.of(review(5, "accept")))).isFalse();
  }

  private static Review review(int score, String recommendation) {
    return review(score, score, recommendation);
  }

  /** Three criteria scored {@code score}, the fourth {@code last}. */
  private static Review review(int score, int last, String recommendation) {
    return new Review(1L, "reviewer", scores(score, last, recommendation), false, Instant.EPOCH);
  }

  private static ReviewScores scores(int score, int last, String recommendation) {
    return new ReviewScores(score, score, score, last, Recommendation.valueOf(recommendation.toUpperCase()), null);
  }
}
