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

/** The personal mid-point link: two questions, an optional line, answered once while the check is open. */
@Controller
class MidpointController {

  private final MidpointService midpoint;

  MidpointController(MidpointService midpoint) {
    this.midpoint = midpoint;
  }

  @GetMapping("/midpoint/{token}")
  String show(@PathVariable String token, Model model) {
    return form(token, new MidpointForm(), model);
  }

  @PostMapping("/midpoint/{token}")
  String answer(@PathVariable String token, @Valid @ModelAttribute("form") MidpointForm form, BindingResult errors,
      Model model, HttpServletResponse response) {
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(token, form, model);
    }
    model.addAttribute("concern", midpoint.answer(token, form));
    return "survey/midpoint-thanks";
  }

  private String form(String token, MidpointForm form, Model model) {
    model.addAttribute("check", midpoint.view(token));
    model.addAttribute("form", form);
    model.addAttribute("comforts", Comfort.values());
    model.addAttribute("feelings", TeamFeeling.values());
    model.addAttribute("token", token);
    return "survey/midpoint";
  }
}
