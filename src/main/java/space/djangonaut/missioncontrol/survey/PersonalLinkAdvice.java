package space.djangonaut.missioncontrol.survey;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A survey or mid-point link that cannot be used answers with a page that says why: 404 for a link we do not know,
 * 409 once answered, 410 once closed.
 */
@ControllerAdvice(assignableTypes = {SurveyController.class, MidpointController.class})
class PersonalLinkAdvice {

  @ExceptionHandler(SurveyService.SurveyUnavailableException.class)
  String unavailable(SurveyService.SurveyUnavailableException e, Model model, HttpServletResponse response) {
    response.setStatus(switch (e.state()) {
      case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
      case ANSWERED -> HttpServletResponse.SC_CONFLICT;
      case CLOSED -> HttpServletResponse.SC_GONE;
    });
    model.addAttribute("state", e.state());
    return "survey/unavailable";
  }
}
