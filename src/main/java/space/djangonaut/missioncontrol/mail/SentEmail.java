package space.djangonaut.missioncontrol.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** The record of one email sent: to whom, which template, for which process instance, when. */
@Entity
public class SentEmail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String recipient;

  @Enumerated(EnumType.STRING)
  private MailTemplate template;

  private String subject;
  private String processInstanceId;
  private Instant sentAt;

  protected SentEmail() {}

  SentEmail(String recipient, MailTemplate template, String subject, String processInstanceId, Instant sentAt) {
    this.recipient = recipient;
    this.template = template;
    this.subject = subject;
    this.processInstanceId = processInstanceId;
    this.sentAt = sentAt;
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public MailTemplate getTemplate() {
    return template;
  }

  public String getSubject() {
    return subject;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
