package space.djangonaut.missioncontrol.mail;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.privacy.Mentions;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The emails written to an address: exported without their bodies, erased by blanking the recipient and the bodies
 * (subject, template and status stay for the record). Section {@code emails}, last in the export.
 */
@Component
@Order(40)
public class OutboxPersonalData implements PersonalDataHolder {

  private final OutboxEmailRepository outbox;

  OutboxPersonalData(OutboxEmailRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public String section() {
    return "emails";
  }

  /** Per email: {@code subject}, {@code template}, {@code status} and {@code writtenAt}, in the order written. */
  @Override
  public List<Map<String, Object>> export(String email) {
    return outbox.findByRecipientOrderById(email).stream().map(e -> Map.<String, Object>of(
        "subject", e.getSubject(), "template", e.getTemplate().name(), "status", e.getStatus().name(),
        "writtenAt", e.getCreatedAt())).toList();
  }

  /**
   * Erases the emails written to this address; the application feature calls it too when it erases an applicant.
   *
   * @param email the address, stripped and lower-cased
   * @return how many emails were erased
   */
  @Override
  public int erase(String email) {
    List<OutboxEmail> sent = outbox.findByRecipientOrderById(email);
    sent.forEach(OutboxEmail::erase);
    return sent.size();
  }

  /**
   * Erases the emails written to an address with one of these templates and exactly this subject (one cohort's
   * emails of one role, the subject naming the cohort), and leaves the address's other emails: the person still has
   * another role (a later application, a Navigator's or Captain's sign-up) whose emails carry their personal links.
   *
   * @return how many emails were erased
   */
  public int erase(String email, java.util.Set<MailTemplate> templates, java.util.function.Predicate<String> subject) {
    return erase(email, templates, null, subject);
  }

  /**
   * As {@link #erase(String, java.util.Set, java.util.function.Predicate)}, for one cohort: an email that records
   * its cohort is erased when it is this cohort's (whatever its subject says: organisers may change the words), an
   * older one without a cohort when its subject passes the test.
   *
   * @param cohortId the cohort, or null to go by the subject alone
   * @return how many emails were erased
   */
  public int erase(String email, java.util.Set<MailTemplate> templates, Long cohortId,
      java.util.function.Predicate<String> subject) {
    List<OutboxEmail> sent = outbox.findByRecipientOrderById(email).stream()
        .filter(e -> templates.contains(e.getTemplate()) && (cohortId != null && e.getCohortId() != null
            ? cohortId.equals(e.getCohortId()) : subject.test(e.getSubject()))).toList();
    sent.forEach(OutboxEmail::erase);
    return sent.size();
  }

  /**
   * Scrubs the mentions of an erased person from the emails written to others (a team's welcome naming them, a
   * Captain's reminder, an organisers' escalation): subject and bodies keep everything but the mentions. Not counted
   * as erased records: the person's own emails are counted by {@link #erase}.
   *
   * @return how many emails were scrubbed
   */
  public int scrubMentions(Mentions mentions) {
    int scrubbed = 0;
    for (String needle : mentions.lowerCaseNeedles()) {
      for (OutboxEmail email : outbox.findMentioning(needle)) {
        if (email.scrub(mentions)) {
          scrubbed++;
        }
      }
    }
    return scrubbed;
  }
}
