package space.djangonaut.missioncontrol.application;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.mail.MailService;

/** An organiser's view of a cohort's applications, where the selection's decision can be sent one by one. */
@Controller
class OrganiserApplicationsController {

  private final CohortService cohorts;
  private final ApplicationRepository applications;
  private final ApplicationService applicationService;
  private final SelectionService selection;
  private final MailService mail;
  private final CohortLifecycle lifecycle;

  OrganiserApplicationsController(CohortService cohorts, ApplicationRepository applications,
      ApplicationService applicationService, SelectionService selection, MailService mail,
      CohortLifecycle lifecycle) {
    this.lifecycle = lifecycle;
    this.selection = selection;
    this.mail = mail;
    this.cohorts = cohorts;
    this.applications = applications;
    this.applicationService = applicationService;
  }

  @GetMapping("/organiser/cohorts/{slug}")
  String cohort(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    List<Application> all = applications.findByCohortIdOrderBySubmittedAt(cohort.getId());
    model.addAttribute("applications", all);
    // An applicant our emails do not reach (the mail server refused the address): the record says so, and why.
    model.addAttribute("undelivered", mail.undelivered(all.stream().map(Application::getEmail).toList()));
    model.addAttribute("outcomes", Outcome.values());
    // What the cohort is waiting for: its current steps, the next timers, the open tasks by person.
    model.addAttribute("waits", lifecycle.waitingFor(cohort));
    return "organiser/cohort";
  }

  /** The ranking and the proposal an organiser finalises in Task_FinaliseSelection. */
  @GetMapping("/organiser/cohorts/{slug}/selection")
  String selection(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    model.addAttribute("ranking", applications.findByCohortIdOrderBySubmittedAt(cohort.getId()).stream()
        .filter(a -> a.getRanking() != null)
        .sorted(java.util.Comparator.comparing(Application::getRanking)).toList());
    model.addAttribute("proposal", selection.proposal(cohort.getId()));
    return "organiser/selection";
  }

  @PostMapping("/organiser/applications/{id}/outcome")
  String decide(@PathVariable long id, @RequestParam String outcome, RedirectAttributes redirect) {
    Application application = applicationService.byId(id);
    try {
      applicationService.decide(id, Outcome.parse(outcome));
      redirect.addFlashAttribute("message", application.getName() + ": " + outcome + ".");
    } catch (IllegalArgumentException | ApplicationService.NotReadyForDecisionException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/organiser/cohorts/" + application.getCohort().getSlug();
  }
}
