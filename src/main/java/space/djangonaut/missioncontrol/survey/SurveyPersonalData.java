package space.djangonaut.missioncontrol.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.ApplicationErased;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The survey invitations sent to an address and the answers given: exported in full, erased by forgetting the name,
 * the address, the free text and every answer to the questions organisers added (the comfort answers stay,
 * anonymous, for the impact report). Section
 * {@code survey}. An erased applicant's invitations go with their application.
 */
@Component
@Order(30)
class SurveyPersonalData implements PersonalDataHolder {

  private final SurveyInvitationRepository invitations;

  SurveyPersonalData(SurveyInvitationRepository invitations) {
    this.invitations = invitations;
  }

  @Override
  public String section() {
    return "survey";
  }

  /**
   * Per invitation: {@code cohortId}, {@code answeredAt}, the three comfort answers, {@code wentWell} and
   * {@code toImprove}, {@code otherAnswers} (the questions organisers added, by key; null where not answered).
   */
  @Override
  public List<Map<String, Object>> export(String email) {
    return invitations.findByEmail(email).stream().map(i -> {
      Map<String, Object> answers = new LinkedHashMap<>();
      answers.put("cohortId", i.getCohortId());
      answers.put("answeredAt", i.getAnsweredAt());
      answers.put("comfortContributing", i.getComfortContributing());
      answers.put("comfortCommunity", i.getComfortCommunity());
      answers.put("comfortMentoring", i.getComfortMentoring());
      answers.put("wentWell", i.getWentWell());
      answers.put("toImprove", i.getToImprove());
      answers.put("otherAnswers", FormSchema.storedAnswers(i.getOtherAnswers()));
      return answers;
    }).toList();
  }

  @Override
  public int erase(String email) {
    List<SurveyInvitation> invited = invitations.findByEmail(email);
    invited.forEach(SurveyInvitation::erase);
    return invited.size();
  }

  /**
   * Erases the erased application's own invitation (as a Djangonaut); it counts as part of the application. The
   * address's other invitations (as a Navigator or Captain, or of another cohort's application) belong to the
   * person's other roles and keep their personal links; a person's own erasure erases them all ({@link #erase}).
   */
  @EventListener
  void applicationErased(ApplicationErased event) {
    invitations.findByEmail(event.email()).stream()
        .filter(i -> i.getKind() == Respondent.DJANGONAUT && i.getReferenceId() == event.applicationId())
        .forEach(SurveyInvitation::erase);
  }
}
