package space.djangonaut.missioncontrol.application;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;

/** The emails an applicant receives about their application. */
@Service
public class ApplicationEmails {

  private final ApplicationRepository applications;
  private final MailService mail;
  private final WithdrawalService withdrawals;

  ApplicationEmails(ApplicationRepository applications, MailService mail, WithdrawalService withdrawals) {
    this.applications = applications;
    this.mail = mail;
    this.withdrawals = withdrawals;
  }

  /**
   * Renders and sends {@code template} to the applicant, recording it against the process instance. The welcome
   * aboard ({@link MailTemplate#PLACE_CONFIRMED}) carries the Djangonaut's personal link to withdraw.
   */
  @Transactional
  public void send(long applicationId, MailTemplate template, Step step) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    Map<String, Object> model = new HashMap<>(Map.of(
        "name", application.getName(),
        "cohort", application.getCohort(),
        "project", application.getProject(),
        "applicationId", application.getId()));
    if (template == MailTemplate.PLACE_CONFIRMED) {
      model.put("withdrawPath", withdrawals.newLinkPath(applicationId));
    }
    mail.send(application.getEmail(), template, model, step);
  }
}
