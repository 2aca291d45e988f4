package space.djangonaut.missioncontrol.survey;

import java.util.List;

/**
 * What a cohort achieved, from what Mission Control recorded: the figures of the pilot's announcement. A check-in or
 * one-to-one is held, recorded as not held, or not recorded at all (closed by the team's process a week after its
 * reminder); the last two are counted apart. {@code withdrawals} counts the Djangonauts who left their team during
 * the session (withdrew, were withdrawn by an organiser, or erased): nothing more was asked about them, so they are
 * neither "not held" nor "not recorded".
 *
 * <p>Tickets and pull requests are counted distinct (issue 12, fault 2): {@code ticketsProgressed} counts the
 * tickets some check-in listed as progressed, once however many weeks or teams listed them; {@code ticketsClosed}
 * those listed as closed (a ticket closed counts there, and in progressed once if it was listed as progressed too);
 * {@code pullRequestsOpened} and {@code pullRequestsMerged} likewise. Check-ins recorded before links (typed weekly
 * numbers) add their numbers as typed, since what they counted cannot be told apart. {@code contributions} lists each
 * ticket and pull request once, with its link. The weekly figures count distinct tickets within each week.
 */
public record ImpactReport(String cohortName, String cohortSlug, int ticketsProgressed, int ticketsClosed,
    int checkInsHeld, int oneToOnesHeld, int checkInsNotHeld, int checkInsNotRecorded, int oneToOnesNotHeld,
    int oneToOnesNotRecorded, int withdrawals, int prReviewComments, int presentations, int djangonautsInvited,
    int djangonautResponses, Share moreComfortableWithCommunity, Share moreComfortableContributing,
    int volunteerResponses, Share volunteersMoreComfortableMentoring, List<WeekFigures> weeks,
    List<ComfortCount> communityComfort, List<Testimonial> testimonials, int pullRequestsOpened,
    int pullRequestsMerged, List<ContributionLink> contributions, MidpointFigures midpoint,
    List<QuestionSummary> otherQuestions) {

  /**
   * A question organisers added to the feedback survey or the mid-point check (not a fixed key), summed up over the
   * cohort's answers, read by the question's key. Choices are counted, numbers averaged; the words of a free-text
   * answer are never published: the organisers' report lists them (without names) unless the question is marked
   * sensitive, in which case only how many answered is shown.
   *
   * @param form {@code Feedback survey} or {@code Mid-point check}
   * @param answered how many answered it
   * @param counts for a select, radio or checklist, each option (by its label, in the form's order) with how many
   *     chose it; for a checkbox, yes and no; empty otherwise
   * @param average for a number, the mean of the answers to one decimal place, or null
   * @param texts for a text question not marked sensitive, the answers in the order given (organisers only)
   * @param sensitive the question is marked sensitive: left out of the published report
   */
  public record QuestionSummary(String form, String key, String label, String type, boolean sensitive,
      int answered, List<OptionCount> counts, String average, List<String> texts) {

    /** Whether the published report shows it: counted or averaged, and not sensitive. */
    public boolean published() {
      return !sensitive && (!counts.isEmpty() || average != null);
    }
  }

  /** How many chose one option. */
  public record OptionCount(String label, int count) {}

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

  /**
   * A ticket or pull request the cohort worked on, once, with every state check-ins gave it.
   *
   * @param label {@code #35123} for a ticket, {@code django/django#18000} for a pull request
   * @param states the states, as Navigators write them ({@code progressed}, {@code closed}, {@code opened},
   *     {@code merged}), in that order
   */
  public record ContributionLink(String kind, String label, String url, List<String> states) {}

  public record ComfortCount(Comfort comfort, int count) {}

  /**
   * The mid-point check beside the final survey (issue 12): the same comfort questions halfway through, and the
   * concerns its answers raised with how many an organiser followed up.
   *
   * @param djangonautsInvited Djangonauts sent the check; {@code djangonautResponses} of them answered
   * @param moreComfortableWithCommunity Djangonauts who answered "more comfortable engaging with the community"
   * @param volunteersMoreComfortableMentoring Navigators and Captains who answered "more comfortable mentoring"
   * @param concernsRaised answers that signalled trouble ({@code MidpointService.raisesConcern})
   * @param concernsFollowedUp of those, the ones an organiser recorded a follow-up for
   */
  public record MidpointFigures(int djangonautsInvited, int djangonautResponses, Share moreComfortableWithCommunity,
      int volunteerResponses, Share volunteersMoreComfortableMentoring, int concernsRaised,
      int concernsFollowedUp) {}

  public record Testimonial(String name, Respondent kind, String text) {}
}
