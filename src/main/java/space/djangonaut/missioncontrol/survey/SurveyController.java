package space.djangonaut.missioncontrol.survey;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The personal survey link: the questions for this respondent, answered once while the survey is open. */
@Controller
class SurveyController {

  private final SurveyService surveys;

  SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @GetMapping("/survey/{token}")
  String show(@PathVariable String token, Model model) {
    model.addAttribute("survey", surveys.view(token));
    model.addAttribute("form", new SurveyForm());
    model.addAttribute("comforts", Comfort.values());
    model.addAttribute("token", token);
    return "survey/form";
  }

  @PostMapping("/survey/{token}")
  String answer(@PathVariable String token, @Valid @ModelAttribute("form") SurveyForm form, BindingResult errors,
      Model model, HttpServletResponse response) {
    SurveyService.SurveyView survey = surveys.view(token);
    surveys.missingAnswers(survey.kind(), form).forEach((field, message) -> errors.rejectValue(field, "required",
        message));
    if (errors.hasErrors()) {
      model.addAttribute("survey", survey);
      model.addAttribute("comforts", Comfort.values());
      model.addAttribute("token", token);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "survey/form";
    }
    surveys.answer(token, form);
    return "survey/thanks";
  }
}
