package space.djangonaut.missioncontrol.survey;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A participant's invitation to the cohort's feedback survey, and their answers once given. */
@Entity
public class SurveyInvitation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;

  @Enumerated(EnumType.STRING)
  private Respondent kind;

  /** The application id of a Djangonaut, the volunteer id of a Navigator or Captain. */
  private Long referenceId;
  private String name;
  private String email;
  private String tokenHash;
  private String reminderTokenHash;
  private Instant invitedAt;
  private Instant remindedAt;
  private Instant answeredAt;
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  private Comfort comfortContributing;

  @Enumerated(EnumType.STRING)
  private Comfort comfortCommunity;

  @Enumerated(EnumType.STRING)
  private Comfort comfortMentoring;

  private String wentWell;
  private String toImprove;
  private Boolean mayQuote;

  /**
   * The answers to the questions organisers added to the form (not its fixed keys), as a JSON object by question
   * key, or null; read with the form's version {@code formVersion}.
   */
  private String otherAnswers;
  private Integer formVersion;

  protected SurveyInvitation() {}

  SurveyInvitation(Long cohortId, Respondent kind, Long referenceId, String name, String email, String tokenHash,
      Instant invitedAt) {
    this.cohortId = cohortId;
    this.kind = kind;
    this.referenceId = referenceId;
    this.name = name;
    this.email = email;
    this.tokenHash = tokenHash;
    this.invitedAt = invitedAt;
  }

  void reminded(String reminderTokenHash, Instant at) {
    this.reminderTokenHash = reminderTokenHash;
    this.remindedAt = at;
  }

  void answer(SurveyForm form, Instant at) {
    this.comfortContributing = kind.isVolunteer() ? null : form.getComfortContributing();
    this.comfortCommunity = kind.isVolunteer() ? null : form.getComfortCommunity();
    this.comfortMentoring = kind.isVolunteer() ? form.getComfortMentoring() : null;
    this.wentWell = blankToNull(form.getWentWell());
    this.toImprove = blankToNull(form.getToImprove());
    this.mayQuote = form.getMayQuote();
    this.answeredAt = at;
  }

  /** Forgets who answered and what they wrote; the comfort answers stay, anonymous, for the report. */
  void erase() {
    name = "(erased)";
    email = "erased-" + id + "@erased.invalid";
    wentWell = null;
    toImprove = null;
    mayQuote = false;
    otherAnswers = null;
  }

  void close(Instant at) {
    if (closedAt == null) {
      closedAt = at;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Keeps the answers to the form's other questions (JSON by key, or null) and the form's version. */
  void answeredOthers(String json, int version) {
    this.otherAnswers = json;
    this.formVersion = version;
  }

  public String getOtherAnswers() {
    return otherAnswers;
  }

  public Integer getFormVersion() {
    return formVersion;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  public Long getId() {
    return id;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public Respondent getKind() {
    return kind;
  }

  public Long getReferenceId() {
    return referenceId;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Instant getInvitedAt() {
    return invitedAt;
  }

  public Instant getRemindedAt() {
    return remindedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Comfort getComfortContributing() {
    return comfortContributing;
  }

  public Comfort getComfortCommunity() {
    return comfortCommunity;
  }

  public Comfort getComfortMentoring() {
    return comfortMentoring;
  }

  public String getWentWell() {
    return wentWell;
  }

  public String getToImprove() {
    return toImprove;
  }

  public Boolean getMayQuote() {
    return mayQuote;
  }
}
