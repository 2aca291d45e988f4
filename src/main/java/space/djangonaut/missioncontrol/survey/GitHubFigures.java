package space.djangonaut.missioncontrol.survey;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.mentorship.Contribution;
import space.djangonaut.missioncontrol.mentorship.ContributionKind;
import space.djangonaut.missioncontrol.mentorship.ContributionRepository;

/**
 * The impact report's "PR review comments on GitHub": counted on an organiser's request (the report page's refresh
 * button) over the distinct pull requests the cohort's check-ins link, and kept with the date it was fetched. Without
 * a token ({@code missioncontrol.github.token}) the figure is not collected, and the report says so rather than 0.
 */
@Service
public class GitHubFigures {

  private final GitHubReviewComments github;
  private final ContributionRepository contributions;
  private final GitHubFigureRepository figures;
  private final TransactionTemplate transactions;

  GitHubFigures(GitHubReviewComments github, ContributionRepository contributions, GitHubFigureRepository figures,
      PlatformTransactionManager transactionManager) {
    this.github = github;
    this.contributions = contributions;
    this.figures = figures;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Whether the figure is collected at all (a GitHub token is configured). */
  public boolean enabled() {
    return github.enabled();
  }

  /** The figure last fetched for the cohort, if any. */
  public Optional<GitHubFigure> figure(long cohortId) {
    return figures.findById(cohortId);
  }

  /**
   * Counts again, now, the review comments on the cohort's pull requests, and keeps the count (complete or not) in
   * place of the last one. No transaction is held while GitHub answers.
   *
   * @return the count kept
   * @throws IllegalStateException if no token is configured
   */
  public GitHubFigure refresh(long cohortId) {
    List<String> urls = transactions.execute(status -> contributions.findByCohortIdOrderByWeekAscId(cohortId).stream()
        .filter(c -> c.getKind() == ContributionKind.PULL_REQUEST).map(Contribution::getUrl).distinct().toList());
    GitHubReviewComments.Count count = github.count(urls);
    return transactions.execute(status -> {
      GitHubFigure figure = figures.findById(cohortId).orElseGet(() -> new GitHubFigure(cohortId));
      figure.update(count);
      return figures.save(figure);
    });
  }
}
