package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The per-address limit of the public forms: the limit, bounded memory under a flood of addresses, and whose
 * address counts behind a proxy.
 */
class PublicFormRateLimitTest {

  private final MutableClock clock = new MutableClock();
  private final PublicFormRateLimit limit = new PublicFormRateLimit(3, Duration.ofMinutes(10), clock);

  @Test
  void shouldRefuseAnAddressThatSubmitsTooOftenUntilTheWindowPasses() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/cohorts/s5/apply", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    MockHttpServletResponse refused = post("/cohorts/s5/apply", "10.0.0.1");

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentAsString()).contains("Too many submissions");
    assertThat(post("/cohorts/s5/volunteer", "10.0.0.2").getStatus()).isEqualTo(200);
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(post("/cohorts/s5/apply", "10.0.0.1").getStatus()).isEqualTo(200);
  }

  @Test
  void shouldLeavePagesAndOtherRequestsAlone() throws Exception {
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest get = new MockHttpServletRequest("GET", "/cohorts/s5/apply");
      get.setRemoteAddr("10.0.0.3");
      MockHttpServletResponse response = new MockHttpServletResponse();
      limit.doFilter(get, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void shouldKeepItsMemoryBoundedWhenAHundredThousandAddressesPost() throws Exception {
    int addresses = 100_000;
    int maxClients = 10_000;
    long before = usedHeap();
    PublicFormRateLimit flooded = new PublicFormRateLimit(3, Duration.ofMinutes(10), maxClients, List.of(), clock);

    for (int i = 0; i < addresses; i++) {
      String address = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
      assertThat(post(flooded, "/cohorts/s5/apply", address, null).getStatus()).isEqualTo(200);
    }

    long tracked = flooded.trackedClients();
    long retained = usedHeap() - before;
    assertThat(tracked).isLessThanOrEqualTo(maxClients);
    // A figure for the README, not an assertion: the JVM's accounting is too coarse for one.
    long perAddress = retained / Math.max(1, tracked);
    System.out.printf("rate limiter after %,d distinct addresses: %,d tracked (maximum %,d), retained heap "
        + "%,d KB (about %,d bytes per address; at the default maximum of 10,000 addresses about %,d KB)%n",
        addresses, tracked, maxClients, retained / 1024, perAddress, perAddress * 10_000 / 1024);
    // Keeps the limiter reachable until its heap was measured.
    assertThat(flooded.maxClients()).isEqualTo(maxClients);
  }

  @Test
  void shouldForgetAnAddressThatHasBeenQuietForAWindow() throws Exception {
    post("/cohorts/s5/apply", "10.0.0.4");
    assertThat(limit.trackedClients()).isEqualTo(1);

    clock.now = clock.now.plus(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(limit.trackedClients()).isZero();
  }

  @Test
  void shouldIgnoreAForwardedForHeaderFromAPeerThatIsNotATrustedProxy() throws Exception {
    PublicFormRateLimit behindProxy = new PublicFormRateLimit(3, Duration.ofMinutes(10), 1000,
        List.of("192.0.2.10", "10.1.0.0/16"), clock);
    for (int i = 0; i < 3; i++) {
      // A client that is not a proxy pretends to forward a different client each time.
      assertThat(post(behindProxy, "/cohorts/s5/apply", "203.0.113.5", "198.51.100." + i).getStatus())
          .isEqualTo(200);
    }

    assertThat(post(behindProxy, "/cohorts/s5/apply", "203.0.113.5", "198.51.100.99").getStatus()).isEqualTo(429);
  }

  @Test
  void shouldCountTheClientAProxyForwardsWhenThePeerIsATrustedProxy() throws Exception {
    PublicFormRateLimit behindProxy = new PublicFormRateLimit(3, Duration.ofMinutes(10), 1000,
        List.of("192.0.2.10", "10.1.0.0/16"), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(post(behindProxy, "/cohorts/s5/apply", "192.0.2.10", "198.51.100.1").getStatus()).isEqualTo(200);
    }

    assertThat(post(behindProxy, "/cohorts/s5/apply", "192.0.2.10", "198.51.100.1").getStatus()).isEqualTo(429);
    assertThat(post(behindProxy, "/cohorts/s5/apply", "192.0.2.10", "198.51.100.2").getStatus()).isEqualTo(200);
    // Through two trusted proxies, a client that adds addresses of its own is still counted as the address the
    // outer proxy saw: the right-most one that is not a trusted proxy.
    assertThat(post(behindProxy, "/cohorts/s5/apply", "10.1.2.3", "1.2.3.4, 198.51.100.1, 192.0.2.10")
        .getStatus()).isEqualTo(429);
  }

  @Test
  void shouldReadTrustedProxiesAsAListFromOneEnvironmentVariable() {
    RateLimitProperties properties = new Binder(new MapConfigurationPropertySource(
        Map.of("missioncontrol.rate-limit.trusted-proxies", "10.0.0.0/8,192.0.2.10")))
        .bindOrCreate("missioncontrol.rate-limit", RateLimitProperties.class);

    assertThat(properties.trustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.10");
    assertThat(properties.submissions()).isEqualTo(20);
    assertThat(properties.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.maxClients()).isEqualTo(10_000);
  }

  @Test
  void shouldRefuseATrustedProxyThatIsNotAnAddressOrARange() {
    assertThatThrownBy(() -> new PublicFormRateLimit(3, Duration.ofMinutes(10), 1000, List.of("proxy.internal"),
        clock)).hasMessageContaining("\"proxy.internal\" is not an IP address or a CIDR range");
  }

  private MockHttpServletResponse post(String path, String address) throws Exception {
    return post(limit, path, address, null);
  }

  private static MockHttpServletResponse post(PublicFormRateLimit limit, String path, String address,
      String forwardedFor) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr(address);
    if (forwardedFor != null) {
      request.addHeader(PublicFormRateLimit.FORWARDED_FOR, forwardedFor);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }

  /** The heap in use after full collections (the least of a few, as one collection may leave garbage). */
  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-24T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
