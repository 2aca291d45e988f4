package space.djangonaut.missioncontrol.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;

/**
 * Navigators and Captains: signing up, an organiser's approval, and the Camunda account an approved volunteer
 * works in (group {@code navigators} or {@code captains}), whose password they choose through a personal link.
 */
@Service
public class VolunteerService {

  static final Duration PASSWORD_LINK_VALIDITY = Duration.ofDays(7);
  static final int MIN_PASSWORD = 12;

  private final VolunteerRepository volunteers;
  private final PasswordLinkRepository passwordLinks;
  private final CohortService cohortService;
  private final CohortRepository cohorts;
  private final VolunteerWorkflow workflow;
  private final IdentityService identityService;
  private final Accounts accounts;
  private final MailService mail;
  private final Clock clock;
  private final DisplayZone displayZone;
  private final Duration signInReminderAfter;

  /**
   * @param signInReminderAfter {@code missioncontrol.volunteer.sign-in-reminder-after} (ISO-8601, default
   *     {@code P3D}): how long after the welcome an approved volunteer who has not chosen a password is reminded
   */
  VolunteerService(VolunteerRepository volunteers, PasswordLinkRepository passwordLinks, CohortService cohortService,
      CohortRepository cohorts, VolunteerWorkflow workflow, IdentityService identityService, Accounts accounts,
      MailService mail, Clock clock, DisplayZone displayZone,
      @Value("${missioncontrol.volunteer.sign-in-reminder-after:P3D}") Duration signInReminderAfter) {
    this.volunteers = volunteers;
    this.passwordLinks = passwordLinks;
    this.cohortService = cohortService;
    this.cohorts = cohorts;
    this.workflow = workflow;
    this.identityService = identityService;
    this.accounts = accounts;
    this.mail = mail;
    this.clock = clock;
    this.displayZone = displayZone;
    this.signInReminderAfter = signInReminderAfter;
  }

  /**
   * Stores a sign-up and starts its approval process (business key = volunteer id).
   *
   * @throws SignUpClosedException once the cohort's teams are formed ({@link #closedReason}); nothing is stored
   * @throws DuplicateSignUpException if this email already signed up for this role in this cohort
   */
  @Transactional
  public Volunteer signUp(String cohortSlug, VolunteerForm form) {
    Cohort cohort = cohortService.bySlug(cohortSlug);
    String closed = closedReason(cohort);
    if (closed != null) {
      throw new SignUpClosedException(closed);
    }
    String email = form.getEmail().strip().toLowerCase(Locale.ROOT);
    if (volunteers.existsByCohortIdAndEmailAndRole(cohort.getId(), email, form.getRole())) {
      throw new DuplicateSignUpException();
    }
    Volunteer signedUp = new Volunteer(cohort.getId(), form.getName().strip(), email,
        form.getRole(), form.getProjects(),
        WeeklyAvailability.of(WeeklyAvailability.zone(form.getTimezone()), form.getAvailability()), form.getCapacity(),
        form.getMotivation() == null || form.getMotivation().isBlank() ? null : form.getMotivation().strip(),
        clock.instant());
    signedUp.shareContact(form.isShareContact(), form.getChatHandle());
    Volunteer volunteer = volunteers.saveAndFlush(signedUp);
    workflow.signedUp(volunteer.getId());
    return volunteer;
  }

  /**
   * Why the cohort takes no more volunteers, or null while it does: from {@link Cohort#teamsFormAt()} (week 0, the
   * team lead time before the start) its teams are formed from the volunteers approved by then, and a later
   * volunteer could never be placed in one.
   */
  @Transactional(readOnly = true)
  public String closedReason(Cohort cohort) {
    if (clock.instant().isBefore(cohort.teamsFormAt())) {
      return null;
    }
    return "The teams of " + cohort.getName() + " are formed (from "
        + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC)
            .format(cohort.teamsFormAt())
        + " UTC), so it no longer takes Navigators or Captains. We hope you will offer for a future session.";
  }

  /**
   * What the organiser reads in Task_ApproveVolunteer; the availability in the volunteer's zone, the organiser's
   * own ({@link DisplayZone#of}) and UTC, for the cohort's first week.
   *
   * @param organiser the Camunda user id of the task's assignee; {@code null} while nobody holds it (then the
   *     fallback zone, {@code missioncontrol.display-zone})
   */
  @Transactional(readOnly = true)
  public VolunteerAnswers answersForOrganiser(long volunteerId, String organiser) {
    Volunteer v = byId(volunteerId);
    Cohort cohort = cohorts.findById(v.getCohortId()).orElseThrow();
    return new VolunteerAnswers(v.getName(), v.getEmail(),
        v.getRole() == VolunteerRole.NAVIGATOR ? "Navigator" : "Captain",
        cohort.getName(), String.join(", ", v.getProjects()),
        displayZone.describe(v.getAvailability(), cohort.getStartsOn(), organiser), v.getCapacity() + " Djangonauts",
        v.getMotivation() == null ? "" : v.getMotivation());
  }

  /** Records the organiser's decision; an approved volunteer gets an account next. */
  @Transactional
  public void decide(long volunteerId, VolunteerDecision decision) {
    if (decision.volunteerDecision() == VolunteerDecision.Choice.DECLINE) {
      byId(volunteerId).decline();
    }
  }

  /**
   * Gives the approved volunteer a Camunda account in their role's group. Someone who already has an account under
   * the same email address (a reviewer or organiser, a Navigator who is also a Captain, a volunteer of an earlier
   * cohort) keeps it: it joins the role's group, so that one sign-in shows every role's tasks. Otherwise a new
   * account is created, whose password is theirs to choose; its user name is their first name and a random suffix
   * ({@link Accounts#createWithNewUserId}), never a counter that would let anyone guess the accounts and lock them
   * with wrong passwords.
   *
   * @return the user id of the volunteer's account
   */
  @Transactional
  public String createAccount(long volunteerId) {
    Volunteer volunteer = byId(volunteerId);
    if (volunteer.getUserId() != null) {
      return volunteer.getUserId();
    }
    String existing = accounts.userIdByEmail(volunteer.getEmail()).orElse(null);
    if (existing != null) {
      accounts.ensureMember(existing, volunteer.getRole().group());
      volunteer.approve(existing);
      return existing;
    }
    String[] names = volunteer.getName().split("\\s+", 2);
    String userId = accounts.createWithNewUserId(volunteer.getName(), names[0], names.length > 1 ? names[1] : "",
        volunteer.getEmail(), volunteer.getRole().group());
    volunteer.approve(userId);
    return userId;
  }

  /**
   * Welcomes an approved volunteer with their user name and a link to choose their password; one approved once the
   * cohort's teams are formed ({@link #closedReason}) is told instead that there is no team for them this time.
   *
   * @return when to remind them if they have not chosen a password by then (UTC): now plus
   *     {@code missioncontrol.volunteer.sign-in-reminder-after}
   */
  @Transactional
  public Instant sendWelcome(long volunteerId, Step step) {
    Volunteer volunteer = byId(volunteerId);
    Cohort cohort = cohorts.findById(volunteer.getCohortId()).orElseThrow();
    if (closedReason(cohort) != null) {
      // Approved after the teams were formed: there is no team for them this time, and they hear it rather than
      // "you are on board". Their account stays open (the email says so) for a replacement during the session.
      mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_WITHOUT_TEAM, model(volunteer), step);
      return clock.instant().plus(signInReminderAfter);
    }
    mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_WELCOME, passwordLinkModel(volunteer), step);
    return clock.instant().plus(signInReminderAfter);
  }

  /**
   * Reminds an approved volunteer who has not chosen their password (so never signed in) with a fresh link; the
   * earlier link keeps working until it expires. Nothing is sent to someone who chose their password meanwhile.
   *
   * @return whether a reminder was sent
   */
  @Transactional
  public boolean remindToSignIn(long volunteerId, Step step) {
    Volunteer volunteer = byId(volunteerId);
    if (volunteer.getUserId() == null || hasChosenPassword(volunteer)) {
      return false;
    }
    mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_SIGN_IN_REMINDER, passwordLinkModel(volunteer), step);
    return true;
  }

  /**
   * An organiser sends an approved volunteer a new link to choose their password (a lost or expired one); earlier
   * links stop working, so only the newest one can set the password.
   *
   * @throws NotFoundException if there is no such volunteer
   * @throws IllegalStateException if the volunteer has no account (not approved)
   */
  @Transactional
  public void sendNewPasswordLink(long volunteerId) {
    Volunteer volunteer = byId(volunteerId);
    if (volunteer.getUserId() == null) {
      throw new IllegalStateException("Volunteer " + volunteerId + " has no account yet: approve them first.");
    }
    mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_SIGN_IN_REMINDER, passwordLinkModel(volunteer),
        new Step("organiser", "password-link-" + Tokens.newToken()));
  }

  /** Whether the volunteer chose the password of their account through one of their links. */
  @Transactional(readOnly = true)
  public boolean hasChosenPassword(long volunteerId) {
    return hasChosenPassword(byId(volunteerId));
  }

  private boolean hasChosenPassword(Volunteer volunteer) {
    return volunteer.getUserId() != null && passwordLinks.existsByUserIdAndUsedAtIsNotNull(volunteer.getUserId());
  }

  /** A new single-use link for the volunteer's account, in the model of the emails that carry it. */
  private Map<String, Object> passwordLinkModel(Volunteer volunteer) {
    revokeLinks(volunteer.getUserId());
    String token = Tokens.newToken();
    passwordLinks.save(new PasswordLink(volunteer.getUserId(), Tokens.hash(token),
        clock.instant().plus(PASSWORD_LINK_VALIDITY)));
    Map<String, Object> model = model(volunteer);
    model.put("userId", volunteer.getUserId());
    model.put("passwordPath", "/volunteers/password/" + token);
    model.put("otherRoles", volunteers.findByUserId(volunteer.getUserId()).stream()
        .anyMatch(other -> !other.getId().equals(volunteer.getId()))
        || identityService.createGroupQuery().groupMember(volunteer.getUserId()).list().stream()
            .anyMatch(group -> !group.getId().equals(volunteer.getRole().group())));
    return model;
  }

  /** Thanks a volunteer the organisers did not take this time. */
  @Transactional
  public void sendDeclined(long volunteerId, Step step) {
    Volunteer volunteer = byId(volunteerId);
    mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_DECLINED, model(volunteer), step);
  }

  /** The user name behind a password link, if the link can still be used. */
  @Transactional(readOnly = true)
  public String passwordLinkUser(String token) {
    return usableLink(token).getUserId();
  }

  /**
   * Sets the password of the link's account and uses the link up; the account's other links stop working.
   *
   * @throws LinkUnusableException if the link is unknown, used or expired
   * @throws IllegalArgumentException if the password is too short
   */
  @Transactional
  public void choosePassword(String token, String password) {
    PasswordLink link = usableLink(token);
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException("Choose a password of at least " + MIN_PASSWORD + " characters.");
    }
    User user = identityService.createUserQuery().userId(link.getUserId()).singleResult();
    user.setPassword(password);
    identityService.saveUser(user);
    link.use(clock.instant());
    revokeLinks(link.getUserId());
    volunteers.findByUserId(link.getUserId()).forEach(v -> workflow.passwordChosen(v.getId()));
  }

  /** The approved volunteers of a cohort, for team formation. */
  @Transactional(readOnly = true)
  public List<Volunteer> approved(long cohortId) {
    return volunteers.findByCohortIdAndStatusOrderBySubmittedAt(cohortId, VolunteerStatus.APPROVED);
  }

  @Transactional(readOnly = true)
  public Volunteer byId(long volunteerId) {
    return volunteers.findById(volunteerId)
        .orElseThrow(() -> new NotFoundException("No volunteer " + volunteerId + "."));
  }

  /** Only the newest link of an account works, and none once its password is chosen. */
  private void revokeLinks(String userId) {
    Instant now = clock.instant();
    passwordLinks.findByUserIdAndUsedAtIsNull(userId).forEach(link -> link.revoke(now));
  }

  private PasswordLink usableLink(String token) {
    if (!Tokens.looksValid(token)) {
      throw new LinkUnusableException();
    }
    Instant now = clock.instant();
    return passwordLinks.findByTokenHash(Tokens.hash(token)).filter(l -> l.isUsable(now))
        .orElseThrow(LinkUnusableException::new);
  }

  private Map<String, Object> model(Volunteer volunteer) {
    Map<String, Object> model = new HashMap<>();
    model.put("name", volunteer.getName());
    model.put("cohort", cohorts.findById(volunteer.getCohortId()).orElseThrow());
    model.put("role", volunteer.getRole() == VolunteerRole.NAVIGATOR ? "Navigator" : "Captain");
    return model;
  }

  /** The cohort's teams are formed: it no longer takes volunteers ({@link #closedReason}). */
  public static class SignUpClosedException extends RuntimeException {
    SignUpClosedException(String reason) {
      super(reason);
    }
  }

  /** This email already signed up for this role in this cohort. */
  public static class DuplicateSignUpException extends RuntimeException {
    DuplicateSignUpException() {
      super("You have already signed up for this role in this cohort.");
    }
  }

  /** A password link that is unknown, used already, or expired. */
  public static class LinkUnusableException extends RuntimeException {
    LinkUnusableException() {
      super("This link cannot be used: it is unknown, used already, or expired.");
    }
  }
}
