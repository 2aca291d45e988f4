package space.djangonaut.missioncontrol.team;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;

/**
 * The organisers' roster of a cohort ({@code /organiser/cohorts/{slug}/roster}, linked from the cohort's page): every
 * team with its Navigator, its Captains and whose Captain each is, its Djangonauts, and how to reach each of them.
 */
@Controller
class OrganiserRosterController {

  private final CohortService cohorts;
  private final TeamRoster rosters;

  OrganiserRosterController(CohortService cohorts, TeamRoster rosters) {
    this.cohorts = cohorts;
    this.rosters = rosters;
  }

  /**
   * @throws space.djangonaut.missioncontrol.common.NotFoundException if there is no such cohort (a 404 page)
   */
  @GetMapping("/organiser/cohorts/{slug}/roster")
  String roster(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    model.addAttribute("rosters", rosters.ofCohort(cohort.getId()));
    return "organiser/roster";
  }
}
