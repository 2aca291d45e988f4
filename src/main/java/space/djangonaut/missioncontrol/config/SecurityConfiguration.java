package space.djangonaut.missioncontrol.config;

import static space.djangonaut.missioncontrol.config.CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.TaskFormFields;

/**
 * Who reaches what.
 * <ul>
 *   <li>The public site ({@code /}, {@code /cohorts/**}) is open; its forms carry CSRF tokens.</li>
 *   <li>Organiser pages and the JSON API ({@code /organiser/**}, {@code /api/**}) need a Camunda account in group
 *       {@code organisers}: form login for pages, HTTP Basic for the API.</li>
 *   <li>Camunda's webapps ({@code /camunda/**}) have their own login and CSRF protection; the REST API
 *       ({@code /engine-rest/**}) requires HTTP Basic through Camunda's own authentication filter.</li>
 *   <li>Through both engine APIs ({@code /engine-rest/**}, {@code /camunda/api/engine/**}), anyone but an organiser
 *       writes only the fields of their task's form ({@link TaskVariableGuard}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ORGANISER = GROUP_PREFIX + Roles.ORGANISERS;

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    return http
        // Full-path matchers: /engine-rest is served by Jersey's servlet, not Spring MVC's.
        .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identities)
      throws Exception {
    return http
        .authenticationProvider(identities)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/cohorts/**", "/offers/**", "/withdraw/**", "/survey/**", "/midpoint/**",
                "/volunteers/**", "/calendar/**", "/css/**", "/js/**", "/login", "/error", "/favicon.ico").permitAll()
            .requestMatchers("/organiser/**", "/api/**").hasAuthority(ORGANISER)
            // A signed-in Navigator or Captain's own teams, where they may step down.
            .requestMatchers("/my/**").authenticated()
            // The management port (operators only, see application.yaml): health for probes, the rest organisers.
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(ORGANISER)
            .anyRequest().denyAll())
        .formLogin(login -> login.loginPage("/login").successHandler(new HomeByRole()).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/"))
        .httpBasic(Customizer.withDefaults())
        // The JSON API is called with HTTP Basic: such a call needs no CSRF token. An /api call riding on a browser's
        // session cookie needs one like any page's form, so that another site cannot post to it as the organiser.
        .csrf(csrf -> csrf.ignoringRequestMatchers(new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            request -> {
              // No session cookie (an API client, or nobody signed in: 401 follows), or HTTP Basic credentials.
              String authorization = request.getHeader("Authorization");
              return request.getRequestedSessionId() == null
                  || authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            })))
        .build();
  }

  /** {@code /engine-rest} has no authentication of its own: Camunda's filter asks for HTTP Basic. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(TaskVariableGuard.ENGINE_REST + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  /**
   * Only the form's fields, in front of both engine APIs; after {@code camunda-auth}, whose user it reads on
   * {@code /engine-rest}.
   */
  @Bean
  FilterRegistrationBean<TaskVariableGuard> taskVariableGuard(TaskFormFields forms, ProcessEngine engine) {
    FilterRegistrationBean<TaskVariableGuard> registration =
        new FilterRegistrationBean<>(new TaskVariableGuard(forms, engine.getIdentityService(), engine.getName()));
    registration.setName("task-variable-guard");
    registration.addUrlPatterns(TaskVariableGuard.ENGINE_REST + "/*", TaskVariableGuard.WEBAPP_ENGINE_API + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /**
   * After signing in, back to the page that asked for it, or else each role's own start: organisers their cohorts,
   * Navigators and Captains their teams, reviewers Tasklist (an organiser page would only say "not for this account").
   */
  static final class HomeByRole extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
        Authentication authentication) {
      Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .collect(Collectors.toSet());
      if (groups.contains(ORGANISER)) {
        return "/organiser/cohorts";
      }
      if (groups.contains(GROUP_PREFIX + Roles.NAVIGATORS) || groups.contains(GROUP_PREFIX + Roles.CAPTAINS)) {
        return "/my/teams";
      }
      return "/camunda/app/tasklist/";
    }
  }
}
