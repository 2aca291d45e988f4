package space.djangonaut.missioncontrol.survey;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One participant's mid-point check in one team: the personal link's invitation, the answers once given, and the
 * organiser's follow-up when the answers raised a concern ({@link MidpointService#raisesConcern}).
 */
@Entity
public class MidpointCheck {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;
  private Long teamId;

  @Enumerated(EnumType.STRING)
  private Respondent kind;

  /** The application id of a Djangonaut, the volunteer id of a Navigator or Captain. */
  private Long referenceId;
  private String name;
  private String email;
  private String tokenHash;
  private Instant invitedAt;
  private Instant answeredAt;
  private Instant closedAt;

  /** A Djangonaut's comfort engaging with the community; a volunteer's comfort mentoring. */
  @Enumerated(EnumType.STRING)
  private Comfort comfort;

  @Enumerated(EnumType.STRING)
  private TeamFeeling teamFeeling;

  private String inTheWay;
  private Boolean wantsContact;
  private Instant concernRaisedAt;
  private String followUp;
  private Instant followedUpAt;

  /**
   * The answers to the questions organisers added to the form (not its fixed keys), as a JSON object by question
   * key, or null; read with the form's version {@code formVersion}.
   */
  private String otherAnswers;
  private Integer formVersion;

  protected MidpointCheck() {}

  MidpointCheck(Long cohortId, Long teamId, Respondent kind, Long referenceId, String name, String email,
      String tokenHash, Instant invitedAt) {
    this.cohortId = cohortId;
    this.teamId = teamId;
    this.kind = kind;
    this.referenceId = referenceId;
    this.name = name;
    this.email = email;
    this.tokenHash = tokenHash;
    this.invitedAt = invitedAt;
  }

  void answer(MidpointForm form, Instant at) {
    this.comfort = form.getComfort();
    this.teamFeeling = form.getTeamFeeling();
    this.inTheWay = form.getInTheWay() == null || form.getInTheWay().isBlank() ? null : form.getInTheWay().strip();
    this.wantsContact = Boolean.TRUE.equals(form.getWantsContact());
    this.answeredAt = at;
  }

  void concernRaised(Instant at) {
    this.concernRaisedAt = at;
  }

  /** Keeps the organiser's note; once the person is erased, only that it was followed up. */
  void followedUp(String note, Instant at) {
    this.followUp = isErased() ? "(erased)" : note;
    this.followedUpAt = at;
  }

  /** Whether the person's data was erased ({@link #erase}). */
  boolean isErased() {
    return email != null && email.startsWith("erased-midpoint-");
  }

  void close(Instant at) {
    if (closedAt == null) {
      closedAt = at;
    }
  }

  /** Forgets who answered and what they wrote; the comfort and team answers stay, anonymous, for the report. */
  void erase() {
    this.name = "(erased)";
    this.email = "erased-midpoint-" + id + "@erased.invalid";
    this.inTheWay = null;
    this.otherAnswers = null;
    this.followUp = followUp == null ? null : "(erased)";
    this.tokenHash = "erased-" + id;
    this.closedAt = closedAt == null ? Instant.EPOCH : closedAt;
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

  public Long getTeamId() {
    return teamId;
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

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Comfort getComfort() {
    return comfort;
  }

  public TeamFeeling getTeamFeeling() {
    return teamFeeling;
  }

  public String getInTheWay() {
    return inTheWay;
  }

  public Boolean getWantsContact() {
    return wantsContact;
  }

  public Instant getConcernRaisedAt() {
    return concernRaisedAt;
  }

  public String getFollowUp() {
    return followUp;
  }

  public Instant getFollowedUpAt() {
    return followedUpAt;
  }
}
