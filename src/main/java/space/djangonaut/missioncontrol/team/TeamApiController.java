package space.djangonaut.missioncontrol.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisers about teams during the weeks (HTTP Basic, organisers only, as every {@code /api/**}). */
@RestController
class TeamApiController {

  private final VolunteerReplacements replacements;

  TeamApiController(VolunteerReplacements replacements) {
    this.replacements = replacements;
  }

  /** Which volunteer steps down. */
  record StepDownRequest(@NotNull(message = "name the volunteer (their id) who steps down.") Long volunteerId) {}

  /**
   * Records that a Navigator or Captain steps down from the team: 202 with the step-down's id, and an organiser task
   * to choose who takes over; 400 if the volunteer has no part in the team; 404 for an unknown team; 409 while the
   * team is only proposed (not confirmed) and once its weeks are over.
   */
  @PostMapping("/api/teams/{teamId}/step-down")
  ResponseEntity<Map<String, Object>> stepDown(@PathVariable long teamId,
      @Valid @RequestBody StepDownRequest request) {
    StepDown stepDown = replacements.stepDown(teamId, request.volunteerId(), false);
    return ResponseEntity.accepted().body(Map.of("stepDownId", stepDown.getId(), "role", stepDown.getRole()));
  }

  @ExceptionHandler(VolunteerReplacements.NotInTeamException.class)
  ProblemDetail notInTeam(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "volunteerId: " + e.getMessage());
  }

  @ExceptionHandler({VolunteerReplacements.TeamWeeksOverException.class,
      VolunteerReplacements.TeamsNotConfirmedException.class})
  ProblemDetail weeksOver(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
