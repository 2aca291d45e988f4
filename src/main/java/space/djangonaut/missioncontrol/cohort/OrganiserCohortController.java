package space.djangonaut.missioncontrol.cohort;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Organiser pages: the cohorts, and creating one. */
@Controller
class OrganiserCohortController {

  private final CohortService cohorts;

  OrganiserCohortController(CohortService cohorts) {
    this.cohorts = cohorts;
  }

  @GetMapping("/organiser/cohorts")
  String list(Model model) {
    model.addAttribute("cohorts", cohorts.all());
    return "organiser/cohorts";
  }

  @GetMapping("/organiser/cohorts/new")
  String newCohort(Model model) {
    model.addAttribute("form", new CohortForm());
    return "organiser/cohort-form";
  }

  @PostMapping("/organiser/cohorts")
  String create(@Valid @ModelAttribute("form") CohortForm form, BindingResult errors,
      HttpServletResponse response) {
    if (!errors.hasErrors()) {
      try {
        cohorts.create(form);
        return "redirect:/organiser/cohorts/" + form.getSlug();
      } catch (CohortService.SlugTakenException e) {
        errors.rejectValue("slug", "taken", e.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return "organiser/cohort-form";
  }
}
