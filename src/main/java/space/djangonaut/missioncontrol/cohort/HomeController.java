package space.djangonaut.missioncontrol.cohort;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: which cohorts take applications now. */
@Controller
class HomeController {

  private final CohortService cohorts;
  private final Clock clock;

  HomeController(CohortService cohorts, Clock clock) {
    this.cohorts = cohorts;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(Model model) {
    Instant now = clock.instant();
    model.addAttribute("open", cohorts.all().stream().filter(c -> c.isAcceptingApplicationsAt(now)).toList());
    model.addAttribute("reports", cohorts.all().stream().filter(c -> c.getReportPublishedAt() != null).toList());
    return "home";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
