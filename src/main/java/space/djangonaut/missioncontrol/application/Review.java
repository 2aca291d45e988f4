package space.djangonaut.missioncontrol.application;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One reviewer's scores for one application. */
@Entity
public class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long applicationId;
  private String reviewer;
  private int scoreMotivation;
  private int scoreExperience;
  private int scoreAvailability;
  private int scoreCommunity;

  @Enumerated(EnumType.STRING)
  private Recommendation recommendation;

  private String comment;
  private boolean tieBreak;
  private Instant reviewedAt;

  protected Review() {}

  Review(Long applicationId, String reviewer, ReviewScores scores, boolean tieBreak, Instant reviewedAt) {
    this.applicationId = applicationId;
    this.reviewer = reviewer;
    this.scoreMotivation = scores.scoreMotivation();
    this.scoreExperience = scores.scoreExperience();
    this.scoreAvailability = scores.scoreAvailability();
    this.scoreCommunity = scores.scoreCommunity();
    this.recommendation = scores.recommendation();
    this.comment = scores.reviewComment();
    this.tieBreak = tieBreak;
    this.reviewedAt = reviewedAt;
  }

  /** A reviewer's comment may quote the applicant: it goes with their data. */
  void erase() {
    comment = null;
  }

  /** The sum of the four criteria, 4 to 20. */
  public int total() {
    return scoreMotivation + scoreExperience + scoreAvailability + scoreCommunity;
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getReviewer() {
    return reviewer;
  }

  public int getScoreMotivation() {
    return scoreMotivation;
  }

  public int getScoreExperience() {
    return scoreExperience;
  }

  public int getScoreAvailability() {
    return scoreAvailability;
  }

  public int getScoreCommunity() {
    return scoreCommunity;
  }

  public Recommendation getRecommendation() {
    return recommendation;
  }

  public String getComment() {
    return comment;
  }

  public boolean isTieBreak() {
    return tieBreak;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
