package space.djangonaut.missioncontrol.mentorship;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The tickets and pull requests check-ins attribute to a Djangonaut: exported, and deleted when they are erased
 * (the links are public, but that this person worked on them is theirs). Section {@code contributions}. An
 * application's rows normally go with it ({@link MentorshipErasure}, told by {@code ApplicationErased}) and are
 * counted as part of the application; {@link #erase} deletes whatever is left for the address.
 */
@Component
@Order(25)
class ContributionPersonalData implements PersonalDataHolder {

  private final ApplicationRepository applications;
  private final ContributionRepository contributions;

  ContributionPersonalData(ApplicationRepository applications, ContributionRepository contributions) {
    this.applications = applications;
    this.contributions = contributions;
  }

  @Override
  public String section() {
    return "contributions";
  }

  /** Per line: {@code cohortId}, {@code week}, {@code kind}, {@code url} and {@code state}. */
  @Override
  public List<Map<String, Object>> export(String email) {
    return held(email).stream().map(c -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cohortId", c.getCohortId());
      row.put("week", c.getWeek());
      row.put("kind", c.getKind().name());
      row.put("url", c.getUrl());
      row.put("state", c.getState().name());
      return row;
    }).toList();
  }

  @Override
  public int erase(String email) {
    List<Contribution> held = held(email);
    contributions.deleteAll(held);
    return held.size();
  }

  private List<Contribution> held(String email) {
    return contributions.findByApplicationIdInOrderById(
        applications.findByEmail(email).stream().map(Application::getId).toList());
  }
}
