package space.djangonaut.missioncontrol.application;

/** What a reviewer submits with the review form, already checked. */
public record ReviewScores(int motivation, int experience, int availability, int community,
    Recommendation recommendation, String comment) {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
}
