package space.djangonaut.missioncontrol.cohort;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.common.FormText;

/** Organiser pages: the cohorts, and creating one. */
@Controller
class OrganiserCohortController {

  private final CohortService cohorts;
  private final CohortLifecycle lifecycle;
  private final CohortReviewers reviewers;

  OrganiserCohortController(CohortService cohorts, CohortLifecycle lifecycle, CohortReviewers reviewers) {
    this.cohorts = cohorts;
    this.lifecycle = lifecycle;
    this.reviewers = reviewers;
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
        lifecycle.open(form);
        return "redirect:/organiser/cohorts/" + form.getSlug();
      } catch (CohortService.SlugTakenException e) {
        errors.rejectValue("slug", "taken", e.getMessage());
      } catch (CohortReviewers.UnknownReviewersException e) {
        errors.rejectValue("reviewers", "unknown", e.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return "organiser/cohort-form";
  }

  /**
   * Changes who reviews the cohort: one group, or user names separated by commas. Its open reviews are offered to
   * them at once; a name that is neither a group nor a user changes nothing and is said so.
   */
  @PostMapping("/organiser/cohorts/{slug}/reviewers")
  String changeReviewers(@PathVariable String slug, @RequestParam(defaultValue = "") String reviewers,
      RedirectAttributes redirect) {
    Cohort cohort = cohorts.bySlug(slug);
    try {
      CohortReviewers.Choice choice = this.reviewers.assign(cohort, FormText.normaliseLineBreaks(reviewers));
      redirect.addFlashAttribute("message", "Reviewers: " + choice.text() + ".");
    } catch (CohortReviewers.UnknownReviewersException e) {
      redirect.addFlashAttribute("error", "reviewers: " + e.getMessage());
      redirect.addFlashAttribute("reviewersTyped", reviewers);
    }
    return "redirect:/organiser/cohorts/" + slug;
  }

  @PostMapping("/organiser/cohorts/{slug}/close")
  String closeEarly(@PathVariable String slug, RedirectAttributes redirect) {
    try {
      lifecycle.closeEarly(slug);
      redirect.addFlashAttribute("message", "Applications are closed.");
    } catch (CohortLifecycle.ApplicationsNotOpenException e) {
      redirect.addFlashAttribute("error", "Applications of this cohort are not open.");
    }
    return "redirect:/organiser/cohorts/" + slug;
  }

  /** "Rank now": the selection starts with the reviews in, while some applications are still in review. */
  @PostMapping("/organiser/cohorts/{slug}/rank")
  String rankNow(@PathVariable String slug, RedirectAttributes redirect) {
    try {
      lifecycle.requestSelection(slug);
      redirect.addFlashAttribute("message", "The applications reviewed so far are ranked: the selection waits for "
          + "you in Tasklist. Those still in review are listed there and cannot be decided yet.");
    } catch (CohortLifecycle.NotWaitingForReviewsException e) {
      redirect.addFlashAttribute("error", "This cohort's selection is not waiting for reviews.");
    }
    return "redirect:/organiser/cohorts/" + slug;
  }
}
