package space.djangonaut.missioncontrol.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisers: send the selection's decision on an application, or withdraw it. */
@RestController
class ApplicationApiController {

  private final ApplicationService applications;
  private final WithdrawalService withdrawals;
  private final ApplicationRepository repository;

  ApplicationApiController(ApplicationService applications, WithdrawalService withdrawals,
      ApplicationRepository repository) {
    this.applications = applications;
    this.withdrawals = withdrawals;
    this.repository = repository;
  }

  /**
   * An organiser withdraws a Djangonaut or an applicant (see {@link WithdrawalService}); organisers only, as all of
   * {@code /api}. Answers the application as it is now, and whether this call withdrew it ({@code withdrawn: false}
   * when there was nothing left to withdraw from).
   */
  @PostMapping("/api/applications/{id}/withdraw")
  Map<String, Object> withdraw(@PathVariable long id) {
    boolean withdrawn = withdrawals.withdrawByOrganiser(id);
    return Map.of("application", ApplicationView.of(repository.findWithCohort(id).orElseThrow()),
        "withdrawn", withdrawn);
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
