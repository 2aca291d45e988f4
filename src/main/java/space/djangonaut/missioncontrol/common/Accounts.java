package space.djangonaut.missioncontrol.common;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda user accounts in the groups of the programme's {@link Roles}: creating them, naming new ones, and their
 * sign-in locks.
 *
 * <p>The engine counts wrong passwords per account for every door (Mission Control's login, {@code /engine-rest},
 * Camunda's webapps) and makes the account wait a while after each; the waits are set in {@code application.yaml}
 * ({@code loginDelayBase}, {@code loginDelayFactor}, {@code loginDelayMaxTime}) and end on their own.
 */
@Component
public class Accounts {

  /** The random part of a new user name: letters and digits that cannot be mistaken for one another. */
  static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  static final int SUFFIX_LENGTH = 5;
  static final int MAX_NAME_PART = 16;

  private final IdentityService identityService;
  private final SecureRandom random = new SecureRandom();

  Accounts(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** An account the engine has counted wrong passwords for, and until when it refuses every password. */
  public record SignInLock(String userId, String name, int failedAttempts, Instant lockedUntil) {

    /** Whether the account refuses every password at this instant. */
    public boolean lockedAt(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now);
    }
  }

  /** Creates the groups of {@link Roles} that are missing. */
  public void ensureGroups() {
    Roles.NAMES.forEach((id, name) -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
  }

  /** Adds an existing user to a group, once. */
  public void ensureMember(String userId, String group) {
    ensureGroups();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
    }
  }

  /** Creates the user with these groups unless a user with this id exists; returns whether it created one. */
  public boolean ensureUser(String id, String password, String firstName, String lastName, String email,
      String... groups) {
    ensureGroups();
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return false;
    }
    User user = identityService.newUser(id);
    user.setPassword(password);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
    return true;
  }

  /**
   * Creates an account with a new user name that people can read but nobody can guess: the person's first name in
   * ASCII letters and digits (at most 16, {@code volunteer} if none is left) and a random suffix of 5 characters
   * (31^5, about 28.6 million, possibilities per name), for example {@code nadia-k7m2q}. The password is random:
   * the person chooses theirs through a link.
   *
   * @param personName the name the person gave, any script
   * @return the new user id
   */
  public String createWithNewUserId(String personName, String firstName, String lastName, String email,
      String... groups) {
    String base = namePart(personName);
    for (int attempt = 0; attempt < 20; attempt++) {
      String userId = base + "-" + suffix();
      if (ensureUser(userId, Tokens.newToken(), firstName, lastName, email, groups)) {
        return userId;
      }
    }
    throw new IllegalStateException("No free user name for " + base + " after 20 attempts");
  }

  /**
   * The account someone already has under this email address, if any: a reviewer's, an organiser's, or the one an
   * earlier sign-up (another role, another cohort) created. One person keeps one account for every role, so that
   * every role's tasks are in one Tasklist. Compares addresses without regard to case or surrounding blanks; of
   * several accounts with the address, the oldest user name in alphabetical order.
   *
   * @return the user id, or empty if no account has this address
   */
  public java.util.Optional<String> userIdByEmail(String email) {
    if (email == null || email.isBlank()) {
      return java.util.Optional.empty();
    }
    String wanted = email.strip().toLowerCase(Locale.ROOT);
    return identityService.createUserQuery().list().stream()
        .filter(user -> user.getEmail() != null && user.getEmail().strip().toLowerCase(Locale.ROOT).equals(wanted))
        .map(User::getId).sorted().findFirst();
  }

  /**
   * The accounts with wrong passwords counted since their last sign-in, most recently locked first.
   */
  public List<SignInLock> signInLocks() {
    return identityService.createUserQuery().list().stream()
        .map(UserEntity.class::cast)
        .filter(user -> user.getAttempts() > 0 || user.getLockExpirationTime() != null)
        .map(user -> new SignInLock(user.getId(), (nullToEmpty(user.getFirstName()) + " "
            + nullToEmpty(user.getLastName())).strip(), user.getAttempts(),
            user.getLockExpirationTime() == null ? null : user.getLockExpirationTime().toInstant()))
        .sorted(Comparator.comparing(SignInLock::lockedUntil, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  /**
   * Forgets an account's wrong passwords: it takes its password again at once. The engine records the unlock in
   * its user operation log under {@code organiserId}.
   *
   * @param organiserId who unlocks; must be a member of an admin group of the engine ({@code organisers})
   * @throws org.camunda.bpm.engine.AuthorizationException if {@code organiserId} is not an engine administrator
   */
  public void unlock(String userId, String organiserId) {
    List<String> groups = identityService.createGroupQuery().groupMember(organiserId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(organiserId, groups);
    try {
      identityService.unlockUser(userId);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The readable part of a user name: ASCII letters and digits of the first word of a name, lower case. */
  static String namePart(String personName) {
    String first = personName == null ? "" : personName.strip().split("\\s+", 2)[0];
    String ascii = Normalizer.normalize(first, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
    ascii = ascii.length() > MAX_NAME_PART ? ascii.substring(0, MAX_NAME_PART) : ascii;
    return ascii.isEmpty() ? "volunteer" : ascii;
  }

  private String suffix() {
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return suffix.toString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
