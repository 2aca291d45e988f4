package space.djangonaut.missioncontrol.common;

import java.util.Map;

/** The programme's roles as Camunda groups: the group ids that tasks, authorizations and filters name. */
public final class Roles {

  public static final String ORGANISERS = "organisers";
  public static final String REVIEWERS = "reviewers";
  public static final String NAVIGATORS = "navigators";
  public static final String CAPTAINS = "captains";
  /** Camunda's own administrators' group ({@code Groups.CAMUNDA_ADMIN}). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Each group id with the name Camunda Admin shows. */
  static final Map<String, String> NAMES = Map.of(
      ORGANISERS, "Organisers",
      REVIEWERS, "Reviewers",
      NAVIGATORS, "Navigators",
      CAPTAINS, "Captains",
      CAMUNDA_ADMIN, "Camunda administrators");

  private Roles() {}
}
