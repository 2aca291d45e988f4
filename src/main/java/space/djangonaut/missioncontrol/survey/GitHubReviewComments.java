package space.djangonaut.missioncontrol.survey;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Counts the review comments on pull requests through GitHub's REST API
 * ({@code missioncontrol.github.api-url}, {@code https://api.github.com} by default), when a token is configured
 * ({@code missioncontrol.github.token}; none by default, and then nothing is asked and nothing is counted).
 *
 * <p>What is counted, and why: the pilot's "154 PR review comments" are the feedback reviewers gave on the
 * Djangonauts' pull requests. On GitHub that feedback is of two kinds: the comments on lines of the diff
 * ({@code GET /repos/{owner}/{repo}/pulls/{n}/comments}, "review comments" in GitHub's own words) and the text of a
 * review as a whole ("Approve", "Request changes" or "Comment" with a body, {@code GET .../pulls/{n}/reviews}). A
 * review that only approves, without a word, is not a comment, and its line comments are counted already, so only
 * reviews with a body count. Both are counted and kept apart ({@link Count#lineComments}, {@link Count#reviewBodies});
 * the figure is their sum. Comments in the pull request's conversation tab (issue comments) are not review comments
 * and are not counted.
 *
 * <p>Every page is followed ({@code Link: <...>; rel="next"}, 100 per page). A pull request GitHub does not find (404:
 * deleted, or in a private repository the token cannot read) is skipped and counted apart. GitHub's rate limit (403 or
 * 429 with {@code X-RateLimit-Remaining: 0} or {@code Retry-After}) stops the count at once: the figure is then
 * incomplete and says why, and a later refresh counts again from the start. Any other failure (401, 5xx, network)
 * also stops it, incomplete, with the reason.
 */
@Component
public class GitHubReviewComments {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final Pattern PULL_REQUEST = Pattern.compile("^https://github\\.com/([^/]+)/([^/]+)/pull/(\\d+)$");
  private static final ParameterizedTypeReference<List<Map<String, Object>>> ITEMS =
      new ParameterizedTypeReference<>() {};
  /** A runaway listing is cut here rather than followed for ever (100 items a page: 50,000 comments). */
  private static final int MAX_PAGES = 500;

  private final String token;
  private final String apiUrl;
  private final RestClient client;
  private final Clock clock;

  GitHubReviewComments(@Value("${missioncontrol.github.token:}") String token,
      @Value("${missioncontrol.github.api-url:https://api.github.com}") String apiUrl,
      @Value("${missioncontrol.github.timeout:PT20S}") Duration timeout, RestClient.Builder builder, Clock clock) {
    this.token = token == null ? "" : token.strip();
    this.clock = clock;
    this.apiUrl = apiUrl.replaceAll("/+$", "");
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(timeout);
    requests.setReadTimeout(timeout);
    this.client = builder.clone().baseUrl(this.apiUrl).requestFactory(requests)
        .defaultHeader(HttpHeaders.ACCEPT, "application/vnd.github+json")
        .defaultHeader("X-GitHub-Api-Version", "2022-11-28")
        .defaultHeader(HttpHeaders.USER_AGENT, "djangonaut-space-mission-control")
        .build();
  }

  /** Whether a token is configured: without one, nothing is collected and the report says so. */
  public boolean enabled() {
    return !token.isEmpty();
  }

  /**
   * What GitHub answered for some pull requests.
   *
   * @param lineComments comments on lines of the diffs, every page
   * @param reviewBodies reviews with a body (text), every page
   * @param pullRequests the pull requests asked about
   * @param notFound those GitHub did not find (deleted, or private to the token)
   * @param incompleteReason why the count stopped before the last pull request (rate limit, refusal), or null when
   *     every pull request was counted
   * @param fetchedAt when the count ended (UTC)
   */
  public record Count(int lineComments, int reviewBodies, int pullRequests, int notFound, String incompleteReason,
      Instant fetchedAt) {

    /** The figure of the report: line comments and review bodies. */
    public int total() {
      return lineComments + reviewBodies;
    }

    /** Whether every pull request was counted. */
    public boolean complete() {
      return incompleteReason == null;
    }
  }

  /**
   * Counts the review comments on these pull requests, stopping at the first rate limit or refusal.
   *
   * @param pullRequestUrls links such as {@code https://github.com/django/django/pull/18000} (as
   *     {@code mentorship.ContributionLines} normalises them); any other text is skipped as not found
   * @return the count, complete or with the reason it is not
   * @throws IllegalStateException if no token is configured ({@link #enabled()} is false)
   */
  public Count count(List<String> pullRequestUrls) {
    if (!enabled()) {
      throw new IllegalStateException("No GitHub token is configured (missioncontrol.github.token).");
    }
    int[] totals = new int[3]; // line comments, review bodies, not found
    for (String url : pullRequestUrls) {
      Matcher pr = PULL_REQUEST.matcher(url);
      if (!pr.matches()) {
        totals[2]++;
        continue;
      }
      String path = "/repos/" + pr.group(1) + "/" + pr.group(2) + "/pulls/" + pr.group(3);
      try {
        Optional<Integer> comments = countPages(path + "/comments?per_page=100", item -> true);
        if (comments.isEmpty()) {
          totals[2]++;
          continue;
        }
        totals[0] += comments.get();
        totals[1] += countPages(path + "/reviews?per_page=100",
            item -> item.get("body") instanceof String body && !body.isBlank()).orElse(0);
      } catch (Stopped stopped) {
        return new Count(totals[0], totals[1], pullRequestUrls.size(), totals[2],
            stopped.getMessage() + " at " + url, clock.instant());
      } catch (RestClientException e) {
        return new Count(totals[0], totals[1], pullRequestUrls.size(), totals[2],
            "GitHub could not be reached (" + e.getMessage() + ") at " + url, clock.instant());
      }
    }
    return new Count(totals[0], totals[1], pullRequestUrls.size(), totals[2], null, clock.instant());
  }

  /** Counts the items of every page of a listing that pass the filter; empty if GitHub answers 404. */
  private Optional<Integer> countPages(String first, java.util.function.Predicate<Map<String, Object>> counts) {
    String next = first;
    int count = 0;
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Page answered = fetch(next);
      if (answered == null) {
        return Optional.empty();
      }
      count += (int) answered.items().stream().filter(counts).count();
      next = answered.next();
    }
    if (next != null) {
      // The count would be silently short: say so, as for a rate limit.
      throw new Stopped("more than " + MAX_PAGES + " pages; counted the first " + MAX_PAGES);
    }
    return Optional.of(count);
  }

  private record Page(List<Map<String, Object>> items, String next) {}

  /** One page, null for 404; a rate limit or another refusal is thrown as {@link Stopped}. */
  private Page fetch(String pathOrUrl) {
    if (pathOrUrl.startsWith("http") && !pathOrUrl.startsWith(apiUrl + "/")) {
      // The token goes to GitHub's API only, whatever a Link header names.
      throw new Stopped("GitHub named a next page outside its API (" + pathOrUrl + ")");
    }
    RestClient.RequestHeadersSpec<?> request = pathOrUrl.startsWith("http")
        ? client.get().uri(URI.create(pathOrUrl)) : client.get().uri(pathOrUrl);
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange((req, response) -> {
      HttpStatusCode status = response.getStatusCode();
      HttpHeaders headers = response.getHeaders();
      if (status.value() == 404) {
        return null;
      }
      if (status.value() == 403 || status.value() == 429) {
        String remaining = headers.getFirst("X-RateLimit-Remaining");
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if ("0".equals(remaining) || retryAfter != null || status.value() == 429) {
          throw new Stopped("GitHub's rate limit was reached (HTTP " + status.value() + when(headers) + ")");
        }
        throw new Stopped("GitHub refused the request (HTTP 403: the token may lack access)");
      }
      if (status.value() == 401) {
        throw new Stopped("GitHub refused the token (HTTP 401)");
      }
      if (!status.is2xxSuccessful()) {
        throw new Stopped("GitHub answered HTTP " + status.value());
      }
      List<Map<String, Object>> items = response.bodyTo(ITEMS);
      return new Page(items == null ? List.of() : items, next(headers.getFirst(HttpHeaders.LINK)));
    });
  }

  /** When GitHub says the limit ends: Retry-After in seconds, or X-RateLimit-Reset in epoch seconds (UTC). */
  private static String when(HttpHeaders headers) {
    String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (retryAfter != null) {
      return "; retry after " + retryAfter.strip() + " s";
    }
    String reset = headers.getFirst("X-RateLimit-Reset");
    if (reset != null && reset.strip().matches("\\d{1,12}")) {
      return "; it resets at " + Instant.ofEpochSecond(Long.parseLong(reset.strip())) + " UTC";
    }
    return "";
  }

  /** The next page's link from a {@code Link} header (RFC 8288), or null on the last page. */
  static String next(String link) {
    if (link == null) {
      return null;
    }
    Matcher matcher = NEXT.matcher(link);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The count stops here: a rate limit or a refusal, in words. */
  private static final class Stopped extends RuntimeException {
    Stopped(String reason) {
      super(reason, null, false, false);
    }
  }
}
