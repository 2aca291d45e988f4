package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

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

  private MockHttpServletResponse post(String path, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
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
