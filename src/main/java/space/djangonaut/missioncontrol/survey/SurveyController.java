package space.djangonaut.missioncontrol.survey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.PublicForms;

/**
 * The personal survey link: the questions of the cohort's version of {@code forms/feedback-survey.form} asked of
 * this respondent, drawn on the server (works without JavaScript), answered once while the survey is open. The
 * fixed keys bind to {@link SurveyForm}; the other questions are validated from the schema and stored as JSON.
 */
@Controller
class SurveyController {

  private final SurveyService surveys;
  private final SurveyFormSchemas schemas;
  private final MessageSource messages;

  SurveyController(SurveyService surveys, SurveyFormSchemas schemas, MessageSource messages) {
    this.surveys = surveys;
    this.schemas = schemas;
    this.messages = messages;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @GetMapping("/survey/{token}")
  String show(@PathVariable String token, Model model) {
    SurveyService.SurveyView survey = surveys.view(token);
    SurveyForm form = new SurveyForm();
    return page(survey, schemas.forCohort(SurveyForms.FEEDBACK, survey.cohortId()),
        new BeanPropertyBindingResult(form, "form"), FormSchema.Answers.none(), token, model);
  }

  @PostMapping("/survey/{token}")
  String answer(@PathVariable String token, @Valid @ModelAttribute("form") SurveyForm form, BindingResult errors,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    SurveyService.SurveyView survey = surveys.view(token);
    FormSchema schema = schemas.forCohort(SurveyForms.FEEDBACK, survey.cohortId());
    if (!SurveyPage.asked(schema, survey.kind(), "toImprove")) {
      form.setToImprove(null);
    }
    surveys.missingAnswers(survey.kind(), form).forEach((field, message) -> errors.rejectValue(field, "required",
        message));
    FormSchema.Answers others = schema.validate(request.getParameterMap(), SurveyPage.others(survey.kind()));
    if (errors.hasErrors() || !others.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(survey, schema, errors, others, token, model);
    }
    surveys.answer(token, form, others.typed(), schema.version());
    return "survey/thanks";
  }

  private String page(SurveyService.SurveyView survey, FormSchema schema, BindingResult bound,
      FormSchema.Answers others, String token, Model model) {
    SurveyPage.draw(schema, survey.kind(), bound, others, messages, model);
    model.addAttribute("survey", survey);
    model.addAttribute("token", token);
    return "survey/form";
  }
}
