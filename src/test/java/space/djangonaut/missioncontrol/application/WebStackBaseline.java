package space.djangonaut.missioncontrol.application;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.PublicForms;

/**
 * The benchmark's baseline (b), the web stack alone: a plain Spring MVC form under the public site's security (CSRF
 * token on the page, session cookie) that binds and validates the same {@link ApplicationForm} and inserts the same
 * {@code application} row through JPA, with no engine, no schema of the deployed form and no email. Registered only
 * when {@code missioncontrol.benchmark.web-baseline=true}, which only the benchmark sets.
 */
@Controller
@ConditionalOnProperty("missioncontrol.benchmark.web-baseline")
class WebStackBaseline {

  static final String PATH = "/cohorts/{slug}/apply-baseline";

  private final CohortService cohorts;
  private final ApplicationRepository applications;
  private final Clock clock;

  WebStackBaseline(CohortService cohorts, ApplicationRepository applications, Clock clock) {
    this.cohorts = cohorts;
    this.applications = applications;
    this.clock = clock;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @GetMapping(PATH)
  String form(@PathVariable String slug, Model model) {
    model.addAttribute("cohort", cohorts.bySlug(slug));
    ApplicationForm form = new ApplicationForm();
    form.setAvailability(List.of());
    model.addAttribute("form", form);
    return "bench/apply-baseline";
  }

  @PostMapping(PATH)
  String submit(@PathVariable String slug, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
      Model model, HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "bench/apply-baseline";
    }
    applications.saveAndFlush(new Application(cohort, form, clock.instant()));
    return "redirect:/cohorts/" + slug + "/applied";
  }
}
