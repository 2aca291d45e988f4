package space.djangonaut.missioncontrol.survey;

import java.util.List;

/**
 * What a cohort achieved, from what Mission Control recorded: the figures of the pilot's announcement. A check-in or
 * one-to-one is held, recorded as not held, or not recorded at all (closed by the team's process a week after its
 * reminder); the last two are counted apart. {@code withdrawals} counts the Djangonauts who left their team during
 * the session (withdrew, were withdrawn by an organiser, or erased): nothing more was asked about them, so they are
 * neither "not held" nor "not recorded".
 */
public record ImpactReport(String cohortName, String cohortSlug, int ticketsProgressed, int ticketsClosed,
    int checkInsHeld, int oneToOnesHeld, int checkInsNotHeld, int checkInsNotRecorded, int oneToOnesNotHeld,
    int oneToOnesNotRecorded, int withdrawals, int prReviewComments, int presentations, int djangonautsInvited,
    int djangonautResponses, Share moreComfortableWithCommunity, Share moreComfortableContributing,
    int volunteerResponses, Share volunteersMoreComfortableMentoring, List<WeekFigures> weeks,
    List<ComfortCount> communityComfort, List<Testimonial> testimonials) {

  /** {@code count} of {@code of} answered so; the percentage is rounded to the nearest whole number. */
  public record Share(int count, int of) {
    public int percent() {
      return of == 0 ? 0 : Math.round(100f * count / of);
    }

    @Override
    public String toString() {
      return of == 0 ? "no answers" : percent() + "% (" + count + " of " + of + ")";
    }
  }

  public record WeekFigures(int week, int checkInsHeld, int ticketsProgressed, int ticketsClosed,
      int prReviewComments, int presentations, int oneToOnesHeld) {}

  public record ComfortCount(Comfort comfort, int count) {}

  public record Testimonial(String name, Respondent kind, String text) {}
}
