package space.djangonaut.missioncontrol.volunteer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * The organisers' list of a cohort's volunteers ({@code /organiser/cohorts/{slug}/volunteers}, linked from the
 * cohort's page): each with their role, status and whether they chose their password, and a button that emails an
 * approved volunteer a new password link (a lost or expired one; earlier links stop working).
 */
@Controller
class OrganiserVolunteersController {

  private final CohortService cohorts;
  private final VolunteerRepository volunteers;
  private final VolunteerService service;

  OrganiserVolunteersController(CohortService cohorts, VolunteerRepository volunteers, VolunteerService service) {
    this.cohorts = cohorts;
    this.volunteers = volunteers;
    this.service = service;
  }

  /** Rows of the page: a volunteer and whether they chose their password through one of their links. */
  record Row(Volunteer volunteer, boolean passwordChosen) {}

  /**
   * @throws NotFoundException if there is no such cohort (a 404 page)
   */
  @GetMapping("/organiser/cohorts/{slug}/volunteers")
  String list(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    model.addAttribute("rows", volunteers.findByCohortIdOrderBySubmittedAt(cohort.getId()).stream()
        .map(v -> new Row(v, service.hasChosenPassword(v.getId()))).toList());
    return "organiser/volunteers";
  }

  /**
   * Emails the volunteer a new password link and comes back to the list with what was done, or why not (a volunteer
   * of another cohort: 404; one not approved: the list says so).
   */
  @PostMapping("/organiser/cohorts/{slug}/volunteers/{volunteerId}/password-link")
  String sendPasswordLink(@PathVariable String slug, @PathVariable long volunteerId, RedirectAttributes redirect) {
    Cohort cohort = cohorts.bySlug(slug);
    Volunteer volunteer = service.byId(volunteerId);
    if (!volunteer.getCohortId().equals(cohort.getId())) {
      throw new NotFoundException(
          "No volunteer " + volunteerId + " in " + cohort.getName() + ".");
    }
    try {
      service.sendNewPasswordLink(volunteerId);
      redirect.addFlashAttribute("message", "A new password link is on its way to " + volunteer.getName()
          + "; earlier links no longer work.");
    } catch (IllegalStateException e) {
      redirect.addFlashAttribute("error", volunteer.getName() + " has no account yet: approve them in Tasklist first.");
    }
    return "redirect:/organiser/cohorts/" + slug + "/volunteers";
  }
}
