package space.djangonaut.missioncontrol.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against spam: each client address may send the public forms (apply, volunteer, survey) {@code limit} times per
 * {@code window} ({@link RateLimitProperties}: {@code missioncontrol.rate-limit.submissions}, default 20, and
 * {@code .window}, default 10 minutes); a client over the limit gets HTTP 429 with {@code Retry-After} (seconds) until its window has passed.
 *
 * <p>Each address has a Bucket4j token bucket of {@code limit} tokens, refilled whole every {@code window}. The
 * buckets live in a Caffeine cache of at most {@code missioncontrol.rate-limit.max-clients} addresses (default
 * 10,000, about 5 MB), each forgotten once it has been quiet for a window (when its bucket would be full again anyway): memory
 * stays bounded however many addresses a flood brings. Past the maximum, the cache evicts the addresses it expects
 * least to see again (W-TinyLFU), so an address that keeps posting tends to keep its count. Counted per node, in
 * memory.
 *
 * <p>The client's address is the peer's ({@link HttpServletRequest#getRemoteAddr()}), unless the peer is one of
 * {@code missioncontrol.rate-limit.trusted-proxies} (addresses or CIDR ranges, none by default): then it is the
 * right-most address of {@code X-Forwarded-For} that is not a trusted proxy, the one the outermost trusted proxy
 * saw. A client cannot choose its key by sending its own {@code X-Forwarded-For}.
 */
@Component
public class PublicFormRateLimit extends OncePerRequestFilter {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final int limit;
  private final Duration window;
  private final long maxClients;
  private final List<IpAddressMatcher> trustedProxies;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  @Autowired
  PublicFormRateLimit(RateLimitProperties properties, Clock clock) {
    this(properties.submissions(), properties.window(), properties.maxClients(), properties.trustedProxies(), clock);
  }

  PublicFormRateLimit(int limit, Duration window, long maxClients, List<String> trustedProxies, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
      throw new IllegalArgumentException("missioncontrol.rate-limit: submissions, window and max-clients must be "
          + "positive");
    }
    this.limit = limit;
    this.window = window;
    this.maxClients = maxClients;
    this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
        .map(PublicFormRateLimit::proxyMatcher).toList();
    // Both the buckets and the cache read the application's clock, which tests move.
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxClients)
        .expireAfterAccess(window)
        .ticker(time::currentTimeNanos)
        // Evictions run in the caller's thread: no pool of its own, and the bound holds when a request returns.
        .executor(Runnable::run)
        .build();
  }

  /** No proxies trusted, at most 10,000 addresses tracked: for tests of the limit itself. */
  PublicFormRateLimit(int limit, Duration window, Clock clock) {
    this(limit, window, 10_000, List.of(), clock);
  }

  private static IpAddressMatcher proxyMatcher(String addressOrRange) {
    String address = addressOrRange.contains("/") ? addressOrRange.substring(0, addressOrRange.indexOf('/'))
        : addressOrRange;
    if (!InetAddressValidator.getInstance().isValid(address)) {
      throw new IllegalArgumentException("missioncontrol.rate-limit.trusted-proxies: \"" + addressOrRange
          + "\" is not an IP address or a CIDR range (such as 10.0.0.0/8)");
    }
    return new IpAddressMatcher(addressOrRange);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(path.matches("/cohorts/[^/]+/(apply|volunteer)") || path.startsWith("/survey/")
            || path.startsWith("/midpoint/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = buckets.get(clientAddress(request), address -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      response.setStatus(429);
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
      response.setHeader("Retry-After", String.valueOf(seconds));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many submissions from your address: please try again in "
          + window.toMinutes() + " minutes.");
      return;
    }
    chain.doFilter(request, response);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, window))
        .withCustomTimePrecision(time)
        .build();
  }

  /**
   * The address a request is counted against: the peer's, or, when the peer is a trusted proxy, the right-most
   * address in {@code X-Forwarded-For} that is not a trusted proxy (the left-most if all are). A hop that is not an
   * IP address means the chain cannot be read: the peer's address is used.
   */
  String clientAddress(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!isTrustedProxy(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!InetAddressValidator.getInstance().isValid(hop)) {
        return peer;
      }
      client = hop;
      if (!isTrustedProxy(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrustedProxy(String address) {
    if (trustedProxies.isEmpty() || address == null || !InetAddressValidator.getInstance().isValid(address)) {
      return false;
    }
    return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
  }

  /** How many addresses the limiter holds now (after pending evictions), at most {@link #maxClients()}. */
  long trackedClients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  long maxClients() {
    return maxClients;
  }
}
