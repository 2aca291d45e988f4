package space.djangonaut.missioncontrol.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Loads the CSRF token before a signed-in person's page is rendered. Spring Security creates it lazily, the first
 * time a form asks for it, and keeps it in the HTTP session; on a long page whose first form comes after the response
 * buffer has been flushed, the session can no longer be created ("Cannot create a session after the response has
 * been committed") and the page breaks off. Asking for the token before any output creates it in time. Only the
 * organisers' and volunteers' pages ({@code /organiser/**}, {@code /my/**}): the JSON API keeps no session, and a
 * public page that has a form asks for the token near its top.
 */
@ControllerAdvice
class CsrfTokenBeforeRendering {

  @ModelAttribute
  void loadCsrfToken(HttpServletRequest request, CsrfToken token) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (token != null && (path.startsWith("/organiser/") || path.startsWith("/my/"))) {
      token.getToken();
    }
  }
}
