package space.djangonaut.missioncontrol.application;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;

/**
 * The cohort page's choice of application form: a cohort keeps the version of {@code forms/apply.form} it opened
 * with; an organiser moves it to the latest deployed version here (applications already sent keep the version they
 * answered).
 */
@Controller
class OrganiserApplyFormController {

  private final CohortService cohorts;
  private final ApplyForms applyForms;

  OrganiserApplyFormController(CohortService cohorts, ApplyForms applyForms) {
    this.cohorts = cohorts;
    this.applyForms = applyForms;
  }

  @PostMapping("/organiser/cohorts/{slug}/application-form")
  String useLatest(@PathVariable String slug, RedirectAttributes redirect) {
    Cohort cohort = cohorts.bySlug(slug);
    int latest = applyForms.latest().version();
    cohorts.useApplyFormVersion(cohort, latest);
    redirect.addFlashAttribute("message", "The public form now asks the latest application form (version " + latest
        + ").");
    return "redirect:/organiser/cohorts/" + slug;
  }
}
