package space.djangonaut.missioncontrol.application;

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

  ApplicationEmails(ApplicationRepository applications, MailService mail) {
    this.applications = applications;
    this.mail = mail;
  }

  /** Renders and sends {@code template} to the applicant, recording it against the process instance. */
  @Transactional
  public void send(long applicationId, MailTemplate template, Step step) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    Map<String, Object> model = Map.of(
        "name", application.getName(),
        "cohort", application.getCohort(),
        "project", application.getProject(),
        "applicationId", application.getId());
    mail.send(application.getEmail(), template, model, step);
  }
}
