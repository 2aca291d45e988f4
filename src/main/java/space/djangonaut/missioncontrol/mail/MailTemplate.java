package space.djangonaut.missioncontrol.mail;

import java.util.Map;
import space.djangonaut.missioncontrol.cohort.Cohort;

/**
 * Every email Mission Control sends. Each has an HTML and a plain-text template in
 * {@code templates/mail/<name>.html|.txt}; the subject names the cohort.
 */
public enum MailTemplate {
  APPLICATION_RECEIVED("application-received", "We received your application to Djangonaut Space %s"),
  APPLICATION_ACCEPTED("application-accepted", "A place for you in Djangonaut Space %s: please accept it"),
  OFFER_REMINDER("offer-reminder", "Reminder: your place in Djangonaut Space %s waits for your answer"),
  PLACE_CONFIRMED("place-confirmed", "Welcome aboard Djangonaut Space %s"),
  APPLICATION_WAITLISTED("application-waitlisted", "Your Djangonaut Space %s application: you are on the waitlist"),
  WAITLIST_CLOSED("waitlist-closed", "Djangonaut Space %s: the teams are formed, thank you for waiting with us"),
  APPLICATION_REJECTED("application-rejected", "Your Djangonaut Space %s application"),
  TEAM_WELCOME("team-welcome", "Djangonaut Space %s: meet your team"),
  CHECK_IN_REMINDER("check-in-reminder", "Djangonaut Space %s: this week's check-in is not recorded yet"),
  CHECK_IN_ESCALATION("check-in-escalation", "Djangonaut Space %s: a team's check-in is a week overdue"),
  ONE_TO_ONE_REMINDER("one-to-one-reminder", "Djangonaut Space %s: this week's one-to-ones are not recorded yet"),
  ONE_TO_ONE_ESCALATION("one-to-one-escalation", "Djangonaut Space %s: a team's one-to-ones are a week overdue"),
  DJANGONAUT_WITHDREW("djangonaut-withdrew", "Djangonaut Space %s: a Djangonaut has left your team"),
  MIDPOINT_CHECK("midpoint-check", "Djangonaut Space %s: halfway through, how is it going?"),
  SURVEY_INVITATION("survey-invitation", "Djangonaut Space %s: how did it go?"),
  SURVEY_REMINDER("survey-reminder", "Reminder: tell us how Djangonaut Space %s went"),
  VOLUNTEER_WELCOME("volunteer-welcome", "Welcome aboard Djangonaut Space %s: your account"),
  VOLUNTEER_DECLINED("volunteer-declined", "Thank you for volunteering for Djangonaut Space %s"),
  VOLUNTEER_WITHOUT_TEAM("volunteer-without-team", "Djangonaut Space %s: the teams are formed"),
  VOLUNTEER_TAKES_OVER("volunteer-takes-over", "Djangonaut Space %s: you take over a team"),
  TEAM_VOLUNTEER_CHANGED("team-volunteer-changed", "Djangonaut Space %s: a new face in your team"),
  VOLUNTEER_SIGN_IN_REMINDER("volunteer-sign-in-reminder", "Djangonaut Space %s: your account waits for its password"),
  MEETING_INVITATION("meeting-invitation", "Djangonaut Space %s: your team's weekly check-in");

  private final String templateName;
  private final String subjectPattern;

  MailTemplate(String templateName, String subjectPattern) {
    this.templateName = templateName;
    this.subjectPattern = subjectPattern;
  }

  public String templateName() {
    return templateName;
  }

  /**
   * The default subject as an organiser's text writes it, the cohort's name as {@code {{cohortName}}}: where an
   * organiser's edit of this email starts.
   */
  public String subjectTemplate() {
    return subjectPattern.replace("%s", "{{cohortName}}");
  }

  /** The default subject for this model; the model's {@code cohort} names the session. */
  public String subject(Map<String, Object> model) {
    Object cohort = model.get("cohort");
    String cohortName = cohort instanceof Cohort c ? c.getName() : String.valueOf(cohort);
    return String.format(subjectPattern, cohortName);
  }
}
