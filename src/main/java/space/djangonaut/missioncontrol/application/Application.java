package space.djangonaut.missioncontrol.application;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/** A Djangonaut's application to a cohort: the answers to the public form and where the selection stands. */
@Entity
public class Application {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "cohort_id")
  private Cohort cohort;

  private String name;
  private String email;
  /** Sensitive: never shown to reviewers. */
  private String pronouns;
  private String timezone;
  /** The slot codes of {@link #getAvailability()}, wall-clock time in {@code availabilityZone}. */
  private String availability;
  /** The IANA time zone of the slots; {@code UTC} for availability given before zones were used (V16). */
  private String availabilityZone;
  private int hoursPerWeek;

  @Enumerated(EnumType.STRING)
  private DjangoExperience djangoExperience;

  private String experienceDetails;
  private String motivation;
  private String project;
  private String contributionUrl;
  private boolean codeOfConductAccepted;

  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;

  private BigDecimal aggregateScore;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private Instant submittedAt;
  private Instant erasedAt;
  /** Whether they agreed to share their email address and chat handle with their team (roster, team emails). */
  private boolean shareContact;
  /** A chat handle (e.g. Discord) they gave to share with their team; null if none. */
  private String chatHandle;
  private Instant withdrawnAt;

  /** Place in the selection's ranking (1 = best), set when the ranking is made. */
  private Integer ranking;

  /** What the selection proposed when it ranked this application ({@code bpmn/selection-proposal.dmn}). */
  @Enumerated(EnumType.STRING)
  private Outcome proposedOutcome;

  /** The rule of {@code bpmn/selection-proposal.dmn} that proposed it, in words ({@link RuleDecision#describe}). */
  private String proposalRule;

  /** The rule of {@code bpmn/review-disagreement.dmn} that decided whether a third review was needed, in words. */
  private String disagreementRule;

  /** The answers to the application form's other questions, a JSON object by question key, or null. */
  private String otherAnswers;
  /** The deployed version of {@code forms/apply.form} the person answered, or null (applied before issue 13). */
  private Integer formVersion;

  protected Application() {}

  Application(Cohort cohort, ApplicationForm form, Instant submittedAt) {
    this.cohort = cohort;
    this.name = form.getName().strip();
    this.email = ApplicationForm.normaliseEmail(form.getEmail());
    this.pronouns = blankToNull(form.getPronouns());
    this.timezone = form.getTimezone();
    WeeklyAvailability given = WeeklyAvailability.of(WeeklyAvailability.zone(form.getTimezone()),
        form.getAvailability());
    this.availability = given.stored();
    this.availabilityZone = given.zone().getId();
    this.hoursPerWeek = form.getHoursPerWeek();
    this.djangoExperience = form.getDjangoExperience();
    this.experienceDetails = form.getExperienceDetails().strip();
    this.motivation = form.getMotivation().strip();
    this.project = form.getProject();
    this.contributionUrl = form.getContributionUrl().strip();
    this.codeOfConductAccepted = form.isCodeOfConductAccepted();
    this.shareContact = form.isShareContact();
    this.chatHandle = blankToNull(form.getChatHandle());
    this.status = ApplicationStatus.SUBMITTED;
    this.submittedAt = submittedAt;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Two reviews disagree: the mean so far is kept, but the application stays in review until the third. */
  void awaitingTieBreak(BigDecimal provisionalScore) {
    this.aggregateScore = provisionalScore;
    this.status = ApplicationStatus.AWAITING_TIE_BREAK;
  }

  /** Still in review: two reviews are not in yet, or a tie-break is pending. */
  public boolean isInReview() {
    return status == ApplicationStatus.SUBMITTED || status == ApplicationStatus.AWAITING_TIE_BREAK;
  }

  void reviewed(BigDecimal aggregateScore) {
    this.aggregateScore = aggregateScore;
    this.status = ApplicationStatus.REVIEWED;
  }

  void decided(Outcome outcome) {
    this.outcome = outcome;
    this.status = ApplicationStatus.DECIDED;
  }

  void propose(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The ranking proposes this outcome, by this rule of the selection's table. */
  void proposed(RuleDecision<Outcome> proposal) {
    this.proposedOutcome = proposal.value();
    this.proposalRule = proposal.describe();
  }

  /** Whether the two reviews needed a third was decided by this rule of the disagreement table. */
  void disagreementDecided(RuleDecision<Boolean> disagreement) {
    this.disagreementRule = disagreement.describe();
  }

  /** The selection's proposal for this application, or null before it is ranked. */
  public Outcome getProposedOutcome() {
    return proposedOutcome;
  }

  /** The rule that proposed it, in the organisers' words with its id, or null before it is ranked. */
  public String getProposalRule() {
    return proposalRule;
  }

  /** The rule that decided whether the reviews needed a third, or null before two reviews are in. */
  public String getDisagreementRule() {
    return disagreementRule;
  }

  /** Erases the person's answers; what the programme needs to count (status, scores, project) stays. */
  void erase(Instant now) {
    otherAnswers = null;
    name = "(erased)";
    email = "erased-" + id + "@erased.invalid";
    pronouns = null;
    experienceDetails = "";
    motivation = "";
    contributionUrl = "";
    shareContact = false;
    chatHandle = null;
    erasedAt = now;
  }

  void answeredOthers(String json, Integer version) {
    this.otherAnswers = json;
    this.formVersion = version;
  }

  /** The answers to the application form's other questions, a JSON object by question key, or null. */
  public String getOtherAnswers() {
    return otherAnswers;
  }

  /** The deployed version of {@code forms/apply.form} the person answered, or null. */
  public Integer getFormVersion() {
    return formVersion;
  }

  /**
   * The person left (see {@link ApplicationStatus#WITHDRAWN}).
   *
   * @param now when (UTC)
   */
  void withdraw(Instant now) {
    status = ApplicationStatus.WITHDRAWN;
    withdrawnAt = now;
  }

  /** When the person left, or null. */
  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }

  public void ranked(int ranking) {
    this.ranking = ranking;
  }

  public void moveTo(ApplicationStatus status) {
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public Cohort getCohort() {
    return cohort;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPronouns() {
    return pronouns;
  }

  public String getTimezone() {
    return timezone;
  }

  /** When they can meet each week: slots of their own clock, in their time zone. */
  public WeeklyAvailability getAvailability() {
    return WeeklyAvailability.parse(availabilityZone, availability);
  }

  public int getHoursPerWeek() {
    return hoursPerWeek;
  }

  public DjangoExperience getDjangoExperience() {
    return djangoExperience;
  }

  public String getExperienceDetails() {
    return experienceDetails;
  }

  public String getMotivation() {
    return motivation;
  }

  public String getProject() {
    return project;
  }

  public String getContributionUrl() {
    return contributionUrl;
  }

  public boolean isCodeOfConductAccepted() {
    return codeOfConductAccepted;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public BigDecimal getAggregateScore() {
    return aggregateScore;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Integer getRanking() {
    return ranking;
  }

  public boolean isShareContact() {
    return shareContact;
  }

  public String getChatHandle() {
    return chatHandle;
  }
}
