package space.djangonaut.missioncontrol.cohort;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisers: create and read cohorts. */
@RestController
class CohortApiController {

  private final CohortService cohorts;
  private final CohortLifecycle lifecycle;

  CohortApiController(CohortService cohorts, CohortLifecycle lifecycle) {
    this.cohorts = cohorts;
    this.lifecycle = lifecycle;
  }

  @PostMapping("/api/cohorts")
  ResponseEntity<CohortView> create(@Valid @RequestBody CohortForm form) {
    Cohort cohort = lifecycle.open(form);
    return ResponseEntity.created(URI.create("/api/cohorts/" + cohort.getSlug())).body(CohortView.of(cohort));
  }

  /** Closes applications before the end of the window. */
  @PostMapping("/api/cohorts/{slug}/close")
  CohortView closeEarly(@PathVariable String slug) {
    cohorts.bySlug(slug);
    lifecycle.closeEarly(slug);
    return CohortView.of(cohorts.bySlug(slug));
  }

  @GetMapping("/api/cohorts")
  List<CohortView> list() {
    return cohorts.all().stream().map(CohortView::of).toList();
  }

  @GetMapping("/api/cohorts/{slug}")
  CohortView one(@PathVariable String slug) {
    return CohortView.of(cohorts.bySlug(slug));
  }

  record CohortView(String slug, String name, LocalDate applicationsOpenOn, LocalDate applicationsCloseOn,
      Instant applicationsCloseAt, Instant applicationsClosedAt, LocalDate startsOn, int weeks, int capacity) {
    static CohortView of(Cohort c) {
      return new CohortView(c.getSlug(), c.getName(), c.getApplicationsOpenOn(), c.getApplicationsCloseOn(),
          c.applicationsCloseAt(), c.getApplicationsClosedAt(), c.getStartsOn(), c.getWeeks(), c.getCapacity());
    }
  }
}
