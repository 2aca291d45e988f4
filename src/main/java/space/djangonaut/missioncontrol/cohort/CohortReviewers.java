package space.djangonaut.missioncontrol.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.common.Roles;

/**
 * Who reviews which cohort. Each cohort is a Camunda tenant ({@code cohort} + id, named after the cohort): its
 * application processes and their review tasks belong to it, and a reviewer sees and works on a cohort's
 * applications only as a member of its tenant. Organisers choose a cohort's reviewers when they open it (the start
 * form's {@code reviewers}, by default the group {@code reviewers}) and change them on the cohort's page: a group, or
 * some users. Nobody needs Camunda Admin for it: the choice becomes the tenant's memberships, and a chosen group, or
 * each chosen user, gets the reviewers' rights (Tasklist, their filter, the application process's tasks:
 * {@link ReviewerRights}). A chosen user joins no group: they see the cohorts whose tenant they belong to, and no
 * other; removed from the last one, they lose the rights too.
 */
@Service
public class CohortReviewers {

  /** What the start form proposes: every member of the group {@code reviewers}. */
  public static final String DEFAULT = Roles.REVIEWERS;
  /** The longest list of reviewers an organiser may type, as the forms' {@code maxlength}. */
  static final int MAX_LENGTH = 1000;

  private final IdentityService identityService;
  private final ReviewerRights rights;
  private final ApplicationEventPublisher events;

  CohortReviewers(IdentityService identityService, ReviewerRights rights,
      ApplicationEventPublisher events) {
    this.identityService = identityService;
    this.rights = rights;
    this.events = events;
  }

  /** What a group needs to review: granted by the configuration (Tasklist, the reviewers' filter, review tasks). */
  public interface ReviewerRights {

    /** Gives the group what the group {@code reviewers} may do, once. */
    void grantReviewerRights(String groupId);

    /** Gives one user, by name, what the group {@code reviewers} may do, once. */
    void grantReviewerRightsToUser(String userId);

    /** Takes back what {@link #grantReviewerRightsToUser} gave the user. */
    void revokeReviewerRightsOfUser(String userId);
  }

  /**
   * A cohort's reviewers changed: the process layer offers its open reviews to them.
   *
   * @param tenantId the cohort's tenant
   */
  public record Changed(String tenantId) {}

  /**
   * Who may review: one group, or users.
   *
   * @param group a group id, or null when users are named
   * @param users user ids, empty when a group is named
   */
  public record Choice(String group, List<String> users) {

    /** As an organiser writes it: the group's id, or the user ids separated by commas. */
    public String text() {
      return group != null ? group : String.join(", ", users);
    }
  }

  /** The tenant of a cohort: letters and digits, as Camunda requires. */
  public static String tenantId(long cohortId) {
    return "cohort" + cohortId;
  }

  /** The fewest users an organiser may name: each application gets two reviews, from two different people. */
  public static final int FEWEST_NAMED = 2;

  /**
   * Reads what an organiser wrote: one group id, or at least {@value #FEWEST_NAMED} user ids separated by commas or
   * spaces; each must exist.
   *
   * @throws UnknownReviewersException saying which names are neither a group nor a user, or that one user is too few
   */
  public Choice parse(String text) {
    if (text != null && text.length() > MAX_LENGTH) {
      throw new UnknownReviewersException("The reviewers can be at most " + MAX_LENGTH + " characters.");
    }
    List<String> names = text == null ? List.of() : List.of(text.strip().split("[,;\\s]+")).stream()
        .filter(name -> !name.isBlank()).distinct().toList();
    if (names.isEmpty()) {
      throw new UnknownReviewersException("Name who reviews this cohort: a group such as \"" + DEFAULT
          + "\", or user names separated by commas.");
    }
    if (names.size() == 1 && identityService.createGroupQuery().groupId(names.get(0)).count() > 0) {
      return new Choice(names.get(0), List.of());
    }
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      if (identityService.createUserQuery().userId(name).count() == 0) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      boolean groupsAmongThem = unknown.stream()
          .anyMatch(name -> identityService.createGroupQuery().groupId(name).count() > 0);
      throw new UnknownReviewersException((unknown.size() == 1 ? "There is no user \"" + unknown.get(0) + "\""
          : "There are no users " + String.join(", ", unknown.stream().map(name -> "\"" + name + "\"").toList()))
          + (groupsAmongThem ? "; a group can only be named alone." : ". Name one group (such as \"" + DEFAULT
          + "\") or existing user names, separated by commas."));
    }
    if (names.size() < FEWEST_NAMED) {
      throw new UnknownReviewersException("Name at least " + FEWEST_NAMED + " reviewers (or a group): each "
          + "application gets two reviews from two different people, and \"" + names.get(0)
          + "\" alone can give only one.");
    }
    return new Choice(null, names);
  }

  /** Creates the cohort's tenant, with no reviewers yet, if it does not exist. */
  public void ensureTenant(Cohort cohort) {
    String id = tenantId(cohort.getId());
    if (identityService.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identityService.newTenant(id);
      tenant.setName(cohort.getName());
      identityService.saveTenant(tenant);
    }
  }

  /**
   * Makes these the cohort's reviewers, in place of any before: its open reviews are offered to them at once.
   *
   * @param text one group id, or user ids separated by commas
   * @throws UnknownReviewersException if a name is neither a group nor a user (nothing changes)
   */
  @Transactional
  public Choice assign(Cohort cohort, String text) {
    Choice choice = parse(text);
    ensureTenant(cohort);
    String tenant = tenantId(cohort.getId());
    for (Group group : identityService.createGroupQuery().memberOfTenant(tenant).list()) {
      identityService.deleteTenantGroupMembership(tenant, group.getId());
    }
    List<String> former = identityService.createUserQuery().memberOfTenant(tenant).list().stream()
        .map(User::getId).toList();
    for (String user : former) {
      identityService.deleteTenantUserMembership(tenant, user);
    }
    if (choice.group() != null) {
      rights.grantReviewerRights(choice.group());
      identityService.createTenantGroupMembership(tenant, choice.group());
    }
    for (String user : choice.users()) {
      rights.grantReviewerRightsToUser(user);
      identityService.createTenantUserMembership(tenant, user);
    }
    for (String user : former) {
      if (identityService.createTenantQuery().userMember(user).count() == 0) {
        rights.revokeReviewerRightsOfUser(user);
      }
    }
    events.publishEvent(new Changed(tenant));
    return choice;
  }

  /** Lets one more reviewer review the cohort's applications. */
  public void add(Cohort cohort, String userId) {
    ensureTenant(cohort);
    String id = tenantId(cohort.getId());
    if (identityService.createTenantQuery().tenantId(id).userMember(userId).count() == 0) {
      rights.grantReviewerRightsToUser(userId);
      identityService.createTenantUserMembership(id, userId);
      events.publishEvent(new Changed(id));
    }
  }

  /** The cohort's reviewers as chosen: its tenant's group, or its tenant's users (none: an empty list of users). */
  public Choice of(Cohort cohort) {
    String tenant = tenantId(cohort.getId());
    List<Group> groups = identityService.createGroupQuery().memberOfTenant(tenant).orderByGroupId().asc().list();
    if (!groups.isEmpty()) {
      return new Choice(groups.get(0).getId(), List.of());
    }
    return new Choice(null, identityService.createUserQuery().memberOfTenant(tenant).orderByUserId().asc().list()
        .stream().map(User::getId).toList());
  }

  /** The users who can see and claim the cohort's reviews: the members of its groups, and its users. */
  public Set<String> ableToReview(Cohort cohort) {
    return ableToReview(tenantId(cohort.getId()));
  }

  /** As {@link #ableToReview(Cohort)}, by the cohort's tenant id. */
  public Set<String> ableToReview(String tenantId) {
    Set<String> able = new TreeSet<>();
    for (Group group : identityService.createGroupQuery().memberOfTenant(tenantId).list()) {
      identityService.createUserQuery().memberOfGroup(group.getId()).list().forEach(user -> able.add(user.getId()));
    }
    identityService.createUserQuery().memberOfTenant(tenantId).list().forEach(user -> able.add(user.getId()));
    return able;
  }

  /** Reviewers named by an organiser that are neither a group nor users (or too long a list). */
  public static class UnknownReviewersException extends RuntimeException {
    UnknownReviewersException(String message) {
      super(message);
    }
  }
}
