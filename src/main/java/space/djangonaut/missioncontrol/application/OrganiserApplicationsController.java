package space.djangonaut.missioncontrol.application;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
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
  private final CohortReviewers reviewers;
  private final CohortLifecycle lifecycle;
  private final ReviewService reviewService;
  private final ApplicantHistory applicantHistory;
  private final ApplyForms applyForms;

  OrganiserApplicationsController(CohortService cohorts, ApplicationRepository applications,
      ApplicationService applicationService, SelectionService selection, MailService mail,
      CohortReviewers reviewers, CohortLifecycle lifecycle, ReviewService reviewService,
      ApplicantHistory applicantHistory, ApplyForms applyForms) {
    this.applyForms = applyForms;
    this.applicantHistory = applicantHistory;
    this.reviewService = reviewService;
    this.reviewers = reviewers;
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
    model.addAttribute("history", history(all));
    // An applicant our emails do not reach (the mail server refused the address): the record says so, and why.
    model.addAttribute("undelivered", mail.undelivered(all.stream().map(Application::getEmail).toList()));
    model.addAttribute("outcomes", Outcome.values());
    addReviewers(model, cohort, all);
    // What the cohort is waiting for: its current steps, the next timers, the open tasks by person.
    model.addAttribute("waits", lifecycle.waitingFor(cohort));
    model.addAttribute("latestApplyFormVersion", applyForms.latest().version());
    return "organiser/cohort";
  }

  /**
   * Asks before closing a cohort's applications early: it cannot be undone, and the public form stops taking
   * applications at once. The button posts to the cohort's close action.
   */
  @GetMapping("/organiser/cohorts/{slug}/close")
  String confirmCloseEarly(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    model.addAttribute("applications", applications.countByCohortId(cohort.getId()));
    return "organiser/close-applications";
  }

  /**
   * Who reviews the cohort, who of them can see its reviews, and a warning when reviews are open and nobody can:
   * {@code openReviews} counts the applications whose two reviews are not both in (tie-breaks are the organisers').
   * {@code stuckReviews} counts those of them nobody left can review: everyone able to has reviewed it, or is its
   * applicant (checked only when one or two people can review, the only case where that can happen but for
   * several accounts of one applicant).
   */
  private void addReviewers(Model model, Cohort cohort, List<Application> all) {
    Set<String> able = reviewers.ableToReview(cohort);
    long openReviews = all.stream().filter(a -> a.getStatus() == ApplicationStatus.SUBMITTED).count();
    if (!model.containsAttribute("reviewersTyped")) {
      model.addAttribute("reviewersTyped", reviewers.of(cohort).text());
    }
    model.addAttribute("ableToReview", able);
    model.addAttribute("openReviews", openReviews);
    model.addAttribute("nobodyToReview", openReviews > 0 && able.isEmpty());
    long stuck = 0;
    if (!able.isEmpty() && able.size() < CohortReviewers.FEWEST_NAMED + 1) {
      for (Application application : all) {
        if (application.getStatus() == ApplicationStatus.SUBMITTED) {
          Set<String> left = new java.util.TreeSet<>(able);
          left.removeAll(reviewService.reviewersOf(application.getId()));
          left.removeAll(reviewService.applicantsAmong(application.getId(), able));
          stuck += left.isEmpty() ? 1 : 0;
        }
      }
    }
    model.addAttribute("stuckReviews", stuck);
  }

  /**
   * Returning people: each application's part in other cohorts in one line ("was waitlisted in Session 1"), by
   * application id; an application with none is absent.
   */
  private java.util.Map<Long, String> history(List<Application> of) {
    java.util.Map<Long, String> lines = new java.util.HashMap<>();
    applicantHistory.of(of).forEach((id, earlier) -> lines.put(id, ApplicantHistory.describe(earlier)));
    return lines;
  }

  /** The ranking and the proposal an organiser finalises in Task_FinaliseSelection. */
  @GetMapping("/organiser/cohorts/{slug}/selection")
  String selection(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    List<Application> ranking = applications.findByCohortIdOrderBySubmittedAt(cohort.getId()).stream()
        .filter(a -> a.getRanking() != null)
        .sorted(java.util.Comparator.comparing(Application::getRanking)).toList();
    model.addAttribute("ranking", ranking);
    model.addAttribute("history", history(ranking));
    model.addAttribute("proposal", selection.proposal(cohort.getId()));
    addReviewers(model, cohort, applications.findByCohortIdOrderBySubmittedAt(cohort.getId()));
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
