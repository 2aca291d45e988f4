package space.djangonaut.missioncontrol.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For organisers answering a person's request: export (right of access) and erase (right to erasure). */
@RestController
class PersonalDataApiController {

  private final PersonalDataService personalData;

  PersonalDataApiController(PersonalDataService personalData) {
    this.personalData = personalData;
  }

  @GetMapping("/api/personal-data")
  Map<String, Object> export(@RequestParam String email) {
    return personalData.export(email);
  }

  @PostMapping("/api/personal-data/erase")
  Map<String, Object> erase(@Valid @RequestBody ErasureRequest request) {
    return Map.of("email", request.email(), "erased", personalData.erase(request.email()));
  }

  /**
   * Whose data to erase. The address is checked as an address (not as {@code common.DeliverableEmail} does): it is
   * looked up, never written to, and data kept from before that rule must stay erasable.
   */
  record ErasureRequest(@NotBlank(message = "say whose data to erase") @Email(message = "not an email address")
      String email) {}
}
