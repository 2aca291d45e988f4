package space.djangonaut.missioncontrol.volunteer;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for organisers about volunteers (HTTP Basic, organisers only, as every {@code /api/**}). */
@RestController
class VolunteerApiController {

  private final VolunteerService volunteers;

  VolunteerApiController(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  /**
   * Emails an approved volunteer a new link to choose their password: 202 once the email is in the outbox, 404 for
   * an unknown volunteer, 409 for one without an account (not approved).
   */
  @PostMapping("/api/volunteers/{volunteerId}/password-link")
  ResponseEntity<Map<String, String>> sendPasswordLink(@PathVariable long volunteerId) {
    try {
      volunteers.sendNewPasswordLink(volunteerId);
    } catch (IllegalStateException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
    return ResponseEntity.accepted().body(Map.of("sent", "a new password link"));
  }
}
