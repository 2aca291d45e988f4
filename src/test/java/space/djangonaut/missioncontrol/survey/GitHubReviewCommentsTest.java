package space.djangonaut.missioncontrol.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The GitHub client against responses shaped as GitHub's REST API gives them (files in {@code src/test/resources/github},
 * served by WireMock on this machine): never the network.
 */
class GitHubReviewCommentsTest {

  private static final String TOKEN = "ghp_test0123456789";
  private static final Instant NOW = Instant.parse("2026-03-30T10:00:00Z");
  private static final String PR_18000 = "https://github.com/django/django/pull/18000";
  private static final String PR_18001 = "https://github.com/django/django/pull/18001";
  private static final String PR_GONE = "https://github.com/django/django/pull/17999";

  private WireMockServer github;

  @BeforeEach
  void startGitHub() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
  }

  @AfterEach
  void stopGitHub() {
    github.stop();
  }

  @Test
  void shouldCountEveryPageOfLineCommentsAndTheReviewsWithABody() {
    stub18000();

    GitHubReviewComments.Count count = client(TOKEN).count(List.of(PR_18000));

    // 100 on the first page, 7 on the second; of 4 reviews, 2 have a body.
    assertThat(count.lineComments()).isEqualTo(107);
    assertThat(count.reviewBodies()).isEqualTo(2);
    assertThat(count.total()).isEqualTo(109);
    assertThat(count.complete()).isTrue();
    assertThat(count.pullRequests()).isEqualTo(1);
    assertThat(count.fetchedAt()).isEqualTo(NOW);
    github.verify(getRequestedFor(urlPathEqualTo("/repos/django/django/pulls/18000/comments"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Accept", equalTo("application/vnd.github+json")));
    github.verify(getRequestedFor(urlEqualTo("/repos/django/django/pulls/18000/comments?per_page=100&page=2")));
  }

  @Test
  void shouldStopAndSayWhyWhenGitHubsRateLimitIsReached() {
    stub18000();
    github.stubFor(get(urlPathEqualTo("/repos/django/django/pulls/18001/comments")).willReturn(
        json(403, "rate-limited.json").withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", String.valueOf(NOW.plusSeconds(1800).getEpochSecond()))));

    GitHubReviewComments.Count count = client(TOKEN).count(List.of(PR_18000, PR_18001));

    assertThat(count.complete()).isFalse();
    assertThat(count.incompleteReason()).contains("rate limit").contains("HTTP 403")
        .contains("resets at 2026-03-30T10:30:00Z").contains(PR_18001);
    assertThat(count.total()).isEqualTo(109);
    assertThat(count.pullRequests()).isEqualTo(2);
  }

  @Test
  void shouldStopAtA429WithRetryAfter() {
    github.stubFor(get(urlPathEqualTo("/repos/django/django/pulls/18001/comments"))
        .willReturn(json(429, "rate-limited.json").withHeader("Retry-After", "60")));

    GitHubReviewComments.Count count = client(TOKEN).count(List.of(PR_18001, PR_18000));

    assertThat(count.complete()).isFalse();
    assertThat(count.incompleteReason()).contains("rate limit").contains("retry after 60 s");
    assertThat(count.total()).isZero();
    github.verify(0, getRequestedFor(urlPathEqualTo("/repos/django/django/pulls/18000/comments")));
  }

  @Test
  void shouldSkipAndCountApartAPullRequestGitHubDoesNotFind() {
    stub18000();
    github.stubFor(get(urlPathEqualTo("/repos/django/django/pulls/17999/comments"))
        .willReturn(json(404, "not-found.json")));

    GitHubReviewComments.Count count = client(TOKEN).count(List.of(PR_GONE, PR_18000));

    assertThat(count.complete()).isTrue();
    assertThat(count.notFound()).isEqualTo(1);
    assertThat(count.total()).isEqualTo(109);
    github.verify(0, getRequestedFor(urlPathEqualTo("/repos/django/django/pulls/17999/reviews")));
  }

  @Test
  void shouldAskNothingAndSayTheFigureIsNotCollectedWithoutAToken() {
    GitHubReviewComments client = client("  ");

    assertThat(client.enabled()).isFalse();
    assertThatThrownBy(() -> client.count(List.of(PR_18000))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missioncontrol.github.token");
    assertThat(ImpactReportController.githubCsv(false, null))
        .contains("PR review comments on GitHub,not collected (no GitHub token configured)")
        .doesNotContain(",0");
    assertThat(github.getAllServeEvents()).isEmpty();
  }

  @Test
  void shouldReadTheNextPageFromTheLinkHeader() {
    assertThat(GitHubReviewComments.next("<https://api.github.com/x?page=2>; rel=\"next\", "
        + "<https://api.github.com/x?page=5>; rel=\"last\"")).isEqualTo("https://api.github.com/x?page=2");
    assertThat(GitHubReviewComments.next("<https://api.github.com/x?page=1>; rel=\"prev\", "
        + "<https://api.github.com/x?page=1>; rel=\"first\"")).isNull();
    assertThat(GitHubReviewComments.next(null)).isNull();
  }

  /** PR 18000: two pages of line comments (100 + 7), and four reviews of which two have a body. */
  private void stub18000() {
    String comments = "/repos/django/django/pulls/18000/comments";
    github.stubFor(get(urlEqualTo(comments + "?per_page=100")).willReturn(json(200, "pr-18000-comments-page-1.json")
        .withHeader("Link", "<" + github.baseUrl() + comments + "?per_page=100&page=2>; rel=\"next\", <"
            + github.baseUrl() + comments + "?per_page=100&page=2>; rel=\"last\"")
        .withHeader("X-RateLimit-Remaining", "4999")));
    github.stubFor(get(urlEqualTo(comments + "?per_page=100&page=2")).willReturn(json(200,
        "pr-18000-comments-page-2.json").withHeader("Link", "<" + github.baseUrl() + comments
        + "?per_page=100&page=1>; rel=\"prev\", <" + github.baseUrl() + comments + "?per_page=100&page=1>; rel=\"first\"")));
    github.stubFor(get(urlPathEqualTo("/repos/django/django/pulls/18000/reviews"))
        .willReturn(json(200, "pr-18000-reviews.json")));
  }

  private GitHubReviewComments client(String token) {
    return new GitHubReviewComments(token, github.baseUrl(), Duration.ofSeconds(5), RestClient.builder(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ResponseDefinitionBuilder json(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(recorded(file));
  }

  private static String recorded(String file) {
    try (InputStream in = GitHubReviewCommentsTest.class.getResourceAsStream("/github/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
