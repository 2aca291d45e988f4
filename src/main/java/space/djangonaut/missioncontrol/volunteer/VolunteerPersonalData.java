package space.djangonaut.missioncontrol.volunteer;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The Navigator and Captain sign-ups made with an address: exported, erased by blanking the name, address and
 * motivation, deleting the account an approval created and, through {@link VolunteerErased}, the sign-up's process
 * instance with its history. Section {@code volunteering}.
 */
@Component
@Order(20)
class VolunteerPersonalData implements PersonalDataHolder {

  private final VolunteerRepository volunteers;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  VolunteerPersonalData(VolunteerRepository volunteers, IdentityService identityService,
      ApplicationEventPublisher events, Clock clock) {
    this.volunteers = volunteers;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "volunteering";
  }

  /**
   * Per sign-up: {@code cohortId}, {@code name}, {@code role}, {@code projects}, {@code availability},
   * {@code capacity}, {@code status}, {@code sharesContactWithTeam} and {@code chatHandle}.
   */
  @Override
  public List<Map<String, Object>> export(String email) {
    return volunteers.findByEmail(email).stream().map(v -> Map.<String, Object>of(
        "cohortId", v.getCohortId(), "name", v.getName(), "role", v.getRole().name().toLowerCase(Locale.ROOT),
        "projects", v.getProjects(), "availability", v.getAvailability().describe(), "capacity", v.getCapacity(),
        "status", v.getStatus().name().toLowerCase(Locale.ROOT), "sharesContactWithTeam", v.isShareContact(),
        "chatHandle", v.getChatHandle() == null ? "" : v.getChatHandle())).toList();
  }

  /**
   * Erases every sign-up made with this address: the process layer removes its process first, then its account (if
   * it was approved) is deleted and its row blanked. The emails to the address are left to the mail feature.
   *
   * @return how many sign-ups were erased (their accounts and processes are not counted apart)
   */
  @Override
  public int erase(String email) {
    List<Volunteer> signedUp = volunteers.findByEmail(email);
    for (Volunteer volunteer : signedUp) {
      events.publishEvent(new VolunteerErased(volunteer.getId()));
      if (volunteer.getUserId() != null) {
        identityService.deleteUser(volunteer.getUserId());
      }
      volunteer.erase(clock.instant());
    }
    return signedUp.size();
  }
}
