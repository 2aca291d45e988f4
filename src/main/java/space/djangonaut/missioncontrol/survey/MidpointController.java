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
 * The personal mid-point link: the questions of the cohort's version of {@code forms/midpoint-check.form}, drawn on
 * the server (works without JavaScript), answered once while the check is open. The fixed keys bind to
 * {@link MidpointForm} (what {@link MidpointService#raisesConcern} reads); the other questions are validated from
 * the schema and stored as JSON.
 */
@Controller
class MidpointController {

  private final MidpointService midpoint;
  private final SurveyFormSchemas schemas;
  private final MessageSource messages;

  MidpointController(MidpointService midpoint, SurveyFormSchemas schemas, MessageSource messages) {
    this.midpoint = midpoint;
    this.schemas = schemas;
    this.messages = messages;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @GetMapping("/midpoint/{token}")
  String show(@PathVariable String token, Model model) {
    MidpointService.MidpointView check = midpoint.view(token);
    return page(check, schemas.forCohort(SurveyForms.MIDPOINT, check.cohortId()),
        new BeanPropertyBindingResult(new MidpointForm(), "form"), FormSchema.Answers.none(), token, model);
  }

  @PostMapping("/midpoint/{token}")
  String answer(@PathVariable String token, @Valid @ModelAttribute("form") MidpointForm form, BindingResult errors,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    MidpointService.MidpointView check = midpoint.view(token);
    FormSchema schema = schemas.forCohort(SurveyForms.MIDPOINT, check.cohortId());
    if (!SurveyPage.asked(schema, check.kind(), "inTheWay")) {
      form.setInTheWay(null);
    }
    FormSchema.Answers others = schema.validate(request.getParameterMap(), SurveyPage.others(check.kind()));
    if (errors.hasErrors() || !others.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(check, schema, errors, others, token, model);
    }
    model.addAttribute("concern", midpoint.answer(token, form, others.typed(), schema.version()));
    return "survey/midpoint-thanks";
  }

  private String page(MidpointService.MidpointView check, FormSchema schema, BindingResult bound,
      FormSchema.Answers others, String token, Model model) {
    SurveyPage.draw(schema, check.kind(), bound, others, messages, model);
    model.addAttribute("check", check);
    model.addAttribute("token", token);
    return "survey/midpoint";
  }
}
