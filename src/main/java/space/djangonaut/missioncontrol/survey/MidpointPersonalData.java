package space.djangonaut.missioncontrol.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationErased;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The mid-point checks sent to an address and the answers given: exported in full, erased by forgetting the name,
 * the address, what the person wrote and the organiser's note about them (the two choices stay, anonymous, for the
 * impact report), here and in what the team's process showed of them ({@link MidpointAnswersErased}). Section {@code midpoint}. An erased applicant's check as a Djangonaut goes with their application.
 */
@Component
@Order(31)
class MidpointPersonalData implements PersonalDataHolder {

  private final MidpointCheckRepository checks;
  private final ApplicationEventPublisher events;

  MidpointPersonalData(MidpointCheckRepository checks, ApplicationEventPublisher events) {
    this.checks = checks;
    this.events = events;
  }

  @Override
  public String section() {
    return "midpoint";
  }

  /**
   * Per check: {@code cohortId}, {@code teamId}, {@code answeredAt}, {@code comfort}, {@code teamFeeling},
   * {@code inTheWay}, {@code wantsContact}, {@code followUp}, {@code otherAnswers} (the questions organisers added, by
   * key; null where not answered).
   */
  @Override
  public List<Map<String, Object>> export(String email) {
    return checks.findByEmail(email).stream().map(c -> {
      Map<String, Object> answers = new LinkedHashMap<>();
      answers.put("cohortId", c.getCohortId());
      answers.put("teamId", c.getTeamId());
      answers.put("answeredAt", c.getAnsweredAt());
      answers.put("comfort", c.getComfort());
      answers.put("teamFeeling", c.getTeamFeeling());
      answers.put("inTheWay", c.getInTheWay());
      answers.put("wantsContact", c.getWantsContact());
      answers.put("followUp", c.getFollowUp());
      answers.put("otherAnswers", FormSchema.storedAnswers(c.getOtherAnswers()));
      return answers;
    }).toList();
  }

  @Override
  public int erase(String email) {
    List<MidpointCheck> sent = checks.findByEmail(email);
    sent.forEach(this::erase);
    return sent.size();
  }

  /** Erases the erased application's own check (as a Djangonaut), as {@code SurveyPersonalData} does. */
  @EventListener
  void applicationErased(ApplicationErased event) {
    checks.findByEmail(event.email()).stream()
        .filter(c -> c.getKind() == Respondent.DJANGONAUT && c.getReferenceId() == event.applicationId())
        .forEach(this::erase);
  }

  /** Forgets the answer here, and has the process forget what its follow-up task showed of it. */
  private void erase(MidpointCheck check) {
    check.erase();
    if (check.getConcernRaisedAt() != null) {
      events.publishEvent(new MidpointAnswersErased(check.getTeamId(), check.getId()));
    }
  }
}
