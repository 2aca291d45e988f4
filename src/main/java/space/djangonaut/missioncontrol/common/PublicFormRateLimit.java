package space.djangonaut.missioncontrol.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against spam: each address may send the public forms (apply, volunteer) a limited number of times per window.
 * Counted per node, in memory; behind a load balancer set {@code server.forward-headers-strategy} so that the
 * client's address is seen.
 */
@Component
public class PublicFormRateLimit extends OncePerRequestFilter {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  PublicFormRateLimit(@Value("${missioncontrol.rate-limit.submissions:20}") int limit,
      @Value("${missioncontrol.rate-limit.window:PT10M}") Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(path.matches("/cohorts/[^/]+/(apply|volunteer)") || path.startsWith("/survey/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!admit(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many submissions from your address: please try again in "
          + window.toMinutes() + " minutes.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean admit(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
