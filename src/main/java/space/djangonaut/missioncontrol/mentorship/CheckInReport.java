package space.djangonaut.missioncontrol.mentorship;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What a Navigator records of a weekly check-in ({@code forms/record-check-in.form}); the components are the form's
 * field keys. A count left empty is 0. {@code contributions} lists the tickets and pull requests worked on, one per
 * line ({@link ContributionLines}); the report counts them distinct. The weekly "tickets progressed" and "tickets
 * closed" numbers Navigators used to type are gone from the form: a check-in derives them from its lines.
 */
public record CheckInReport(
    Boolean checkInHeld,
    @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Integer djangonautsAttended,
    @Size(max = 900, message = "keep this to {max} characters.") String attendees,
    @Size(max = MAX_TEXT, message = "keep this to {max} characters.") String contributions,
    @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Integer prReviewComments,
    @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Integer presentations,
    @Size(max = MAX_TEXT, message = "keep this to {max} characters.") String blockers) {

  public static final int MAX_COUNT = 1000;
  public static final int MAX_TEXT = 4000;
  private static final String COUNT = "give a whole number from 0 to " + MAX_COUNT + ".";

  /** Empty answers as the form means them: not held, nobody, nothing. */
  public CheckInReport {
    checkInHeld = Boolean.TRUE.equals(checkInHeld);
    djangonautsAttended = zeroIfEmpty(djangonautsAttended);
    prReviewComments = zeroIfEmpty(prReviewComments);
    presentations = zeroIfEmpty(presentations);
  }

  private static Integer zeroIfEmpty(Integer count) {
    return count == null ? 0 : count;
  }
}
