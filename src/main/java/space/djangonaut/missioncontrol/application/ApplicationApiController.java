package space.djangonaut.missioncontrol.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisers: send the selection's decision on an application. */
@RestController
class ApplicationApiController {

  private final ApplicationService applications;

  ApplicationApiController(ApplicationService applications) {
    this.applications = applications;
  }

  @PostMapping("/api/applications/{id}/outcome")
  ApplicationView decide(@PathVariable long id, @Valid @RequestBody OutcomeRequest request) {
    return ApplicationView.of(applications.decide(id, Outcome.parse(request.outcome())));
  }

  record OutcomeRequest(@NotBlank(message = "say accepted, waitlisted or rejected") String outcome) {}

  record ApplicationView(long id, String cohort, String status, BigDecimal aggregateScore, String outcome) {
    static ApplicationView of(Application a) {
      return new ApplicationView(a.getId(), a.getCohort().getSlug(), a.getStatus().name().toLowerCase(),
          a.getAggregateScore(), a.getOutcome() == null ? null : a.getOutcome().variableValue());
    }
  }
}
