package space.djangonaut.missioncontrol.common;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * One rule for every text that Mission Control's pages bind (form objects and request parameters, public and
 * organiser pages alike): line breaks are normalised to LF before validation ({@link FormText}). A controller that
 * registers its own String editor must use {@link FormText} as well ({@link PublicForms#trimStrings} does).
 */
@ControllerAdvice
class FormTextBinding {

  @InitBinder
  void normaliseLineBreaks(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new FormText(false));
  }
}
