package space.djangonaut.missioncontrol.volunteer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.PublicForms;

/** The public volunteer form: Navigators and Captains sign up to a cohort. */
@Controller
class VolunteerController {

  private final VolunteerService volunteers;
  private final CohortService cohorts;
  private final ProgrammeOptions options;

  VolunteerController(VolunteerService volunteers, CohortService cohorts, ProgrammeOptions options) {
    this.volunteers = volunteers;
    this.cohorts = cohorts;
    this.options = options;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("projects", options.projects());
    model.addAttribute("roles", VolunteerRole.values());
    PublicForms.addAvailabilityGrid(model);
  }

  @GetMapping("/cohorts/{slug}/volunteer")
  String form(@PathVariable String slug, Model model) {
    var cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    String closed = volunteers.closedReason(cohort);
    if (closed != null) {
      model.addAttribute("reason", closed);
      return "volunteer/closed";
    }
    model.addAttribute("form", new VolunteerForm());
    return "volunteer/form";
  }

  @PostMapping("/cohorts/{slug}/volunteer")
  String signUp(@PathVariable String slug, @Valid @ModelAttribute("form") VolunteerForm form, BindingResult errors,
      @RequestParam(name = "showZone", required = false) String showZone, Model model,
      HttpServletResponse response) {
    model.addAttribute("cohort", cohorts.bySlug(slug));
    if (showZone != null) {
      if (PublicForms.onlyZoneErrors(form, errors, model).hasErrors()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return "volunteer/form";
    }
    if (form.getProjects() != null && !options.projects().containsAll(form.getProjects())) {
      errors.rejectValue("projects", "unknown", "Tick only the projects shown.");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "volunteer/form";
    }
    try {
      volunteers.signUp(slug, form);
    } catch (VolunteerService.DuplicateSignUpException | DataIntegrityViolationException e) {
      errors.reject("duplicate", "We already have your sign-up as a " + form.getRole().name().toLowerCase()
          + " for this cohort: there is no need to sign up again.");
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return "volunteer/form";
    } catch (VolunteerService.SignUpClosedException e) {
      errors.reject("closed", e.getMessage());
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return "volunteer/form";
    }
    return "redirect:/cohorts/" + slug + "/volunteered";
  }

  @GetMapping("/cohorts/{slug}/volunteered")
  String thanks(@PathVariable String slug, Model model) {
    model.addAttribute("cohort", cohorts.bySlug(slug));
    return "volunteer/thanks";
  }
}
