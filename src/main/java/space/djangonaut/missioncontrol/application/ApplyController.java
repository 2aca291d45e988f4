package space.djangonaut.missioncontrol.application;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
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
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.PublicForms;

/** The public application form of a cohort. Server-rendered; works without JavaScript. */
@Controller
class ApplyController {

  static final String FORM_VIEW = "apply/form";
  static final String CLOSED_VIEW = "apply/closed";

  private final ApplicationService applications;
  private final CohortService cohorts;
  private final ProgrammeOptions options;
  private final Clock clock;

  ApplyController(ApplicationService applications, CohortService cohorts, ProgrammeOptions options, Clock clock) {
    this.applications = applications;
    this.cohorts = cohorts;
    this.options = options;
    this.clock = clock;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("projects", options.projects());
    model.addAttribute("experiences", DjangoExperience.values());
    PublicForms.addAvailabilityGrid(model);
  }

  @GetMapping("/cohorts/{slug}/apply")
  String form(@PathVariable String slug, Model model, HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    if (!cohort.isAcceptingApplicationsAt(clock.instant())) {
      return CLOSED_VIEW;
    }
    ApplicationForm form = new ApplicationForm();
    form.setAvailability(List.of());
    model.addAttribute("form", form);
    return FORM_VIEW;
  }

  @PostMapping("/cohorts/{slug}/apply")
  String submit(@PathVariable String slug, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
      @RequestParam(name = "showZone", required = false) String showZone, Model model,
      HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
      // Only bots fill in the hidden field: look like success, keep nothing.
      return "redirect:/cohorts/" + slug + "/applied";
    }
    if (showZone != null) {
      if (PublicForms.onlyZoneErrors(form, errors, model).hasErrors()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return FORM_VIEW;
    }
    if (form.getProject() != null && !options.projects().contains(form.getProject())) {
      errors.rejectValue("project", "unknown", "Choose a project from the list.");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return FORM_VIEW;
    }
    try {
      applications.submit(slug, form);
    } catch (ApplicationService.WindowClosedException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return CLOSED_VIEW;
    } catch (ApplicationService.DuplicateApplicationException | DataIntegrityViolationException e) {
      errors.reject("duplicate", "We already have an application from " + form.getEmail().strip()
          + " for " + cohort.getName() + ". There is no need to apply again: we will write to you.");
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return FORM_VIEW;
    }
    return "redirect:/cohorts/" + slug + "/applied";
  }

  @GetMapping("/cohorts/{slug}/applied")
  String applied(@PathVariable String slug, Model model) {
    model.addAttribute("cohort", cohorts.bySlug(slug));
    return "apply/applied";
  }
}
