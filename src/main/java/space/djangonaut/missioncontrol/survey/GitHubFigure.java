package space.djangonaut.missioncontrol.survey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The review comments on a cohort's pull requests as GitHub counted them last ({@link GitHubReviewComments}), one row
 * per cohort, replaced by each refresh. Holds counts only: no names, no text.
 */
@Entity
@Table(name = "github_review_count")
public class GitHubFigure {

  @Id
  private Long cohortId;
  private int lineComments;
  private int reviewBodies;
  private int pullRequests;
  private int pullRequestsNotFound;
  private String incompleteReason;
  private Instant fetchedAt;

  protected GitHubFigure() {}

  GitHubFigure(long cohortId) {
    this.cohortId = cohortId;
  }

  void update(GitHubReviewComments.Count count) {
    lineComments = count.lineComments();
    reviewBodies = count.reviewBodies();
    pullRequests = count.pullRequests();
    pullRequestsNotFound = count.notFound();
    incompleteReason = count.incompleteReason() == null ? null
        : count.incompleteReason().substring(0, Math.min(500, count.incompleteReason().length()));
    fetchedAt = count.fetchedAt();
  }

  public Long getCohortId() {
    return cohortId;
  }

  /** Comments on lines of the diffs. */
  public int getLineComments() {
    return lineComments;
  }

  /** Reviews with a body. */
  public int getReviewBodies() {
    return reviewBodies;
  }

  /** The report's figure: line comments and review bodies. */
  public int getTotal() {
    return lineComments + reviewBodies;
  }

  /** The cohort's distinct pull requests asked about. */
  public int getPullRequests() {
    return pullRequests;
  }

  /** Pull requests GitHub did not find (deleted, or private to the token). */
  public int getPullRequestsNotFound() {
    return pullRequestsNotFound;
  }

  /** Why the count stopped early (rate limit, refusal), or null when it is complete. */
  public String getIncompleteReason() {
    return incompleteReason;
  }

  public boolean isComplete() {
    return incompleteReason == null;
  }

  /** When the count was made (UTC). */
  public Instant getFetchedAt() {
    return fetchedAt;
  }
}
