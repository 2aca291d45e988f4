package space.djangonaut.missioncontrol.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;

/**
 * The cohort's selection: ranking the reviewed applications, the organiser's decisions, telling each application's
 * process, and the waitlist afterwards.
 */
@Service
public class SelectionService {

  /** Ranking places told per job of the cohort's {@code Task_SendDecisionsInBatches}. */
  public static final int DECISION_BATCH = 100;

  /** An application in one of these is still in review: neither ranked nor decided. */
  static final Set<ApplicationStatus> IN_REVIEW = EnumSet.of(ApplicationStatus.SUBMITTED,
      ApplicationStatus.AWAITING_TIE_BREAK);

  private static final Pattern DECISION_LINE =
      Pattern.compile("^\\s*(?:\\d+\\.\\s*)?#(\\d+)\\b.*?\\b(accepted|waitlisted|rejected)\\s*$", Pattern.CASE_INSENSITIVE);

  private final ApplicationRepository applications;
  private final CohortRepository cohorts;
  private final ApplicationService applicationService;
  private final ApplicationWorkflow workflow;
  private final Clock clock;
  private final ReviewRepository reviews;
  private final ProgrammeRules rules;
  private final ApplicantHistory history;

  SelectionService(ApplicationRepository applications, CohortRepository cohorts,
      ApplicationService applicationService, ApplicationWorkflow workflow, Clock clock, ReviewRepository reviews,
      ProgrammeRules rules, ApplicantHistory history) {
    this.history = history;
    this.applications = applications;
    this.cohorts = cohorts;
    this.applicationService = applicationService;
    this.workflow = workflow;
    this.clock = clock;
    this.reviews = reviews;
    this.rules = rules;
  }

  /**
   * How many of the cohort's applications are still in review (their second review, or a tie-break, to come). Locks
   * the cohort's row first, as {@link #reviewCompleted} does: a review completed while this counts is either counted
   * as done or reported to a process that already waits for it.
   */
  @Transactional
  public long reviewsPending(long cohortId) {
    cohorts.lockById(cohortId).orElseThrow();
    return applications.countByCohortIdAndStatusIn(cohortId, IN_REVIEW);
  }

  /**
   * An application's reviews are in (tie-break included): tells its cohort's process, which counts again if it waits
   * for the last reviews. Locks the cohort's row first (see {@link #reviewsPending}).
   */
  @Transactional
  public void reviewCompleted(long applicationId) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    cohorts.lockById(application.getCohort().getId()).orElseThrow();
    workflow.applicationReviewed(application.getCohort().getSlug());
  }

  /**
   * Ranks the cohort's reviewed applications by aggregate score (best first; earlier submission breaks ties) and
   * proposes an outcome for each by the programme rule {@code bpmn/selection-proposal.dmn} (see {@link
   * ProgrammeRules.Proposer#propose}), keeping the rule that decided on the application. The applications are
   * proposed in ranking order: an applicant the rule rejects whatever their rank (both reviewers recommend reject)
   * leaves their place in line to the next. An application still in review (its second review, or a tie-break, to
   * come) is not ranked.
   *
   * <p>Returning people (issue 12): the table is told whether an earlier cohort waitlisted the applicant
   * ({@link ApplicantHistory}). An application the table accepts although its place in line is beyond the places
   * (by default {@code Rule_ReturningWaitlistedRaised}: waitlisted before, no review recommends reject, on the
   * waitlist now) is <em>raised</em>: it takes a free place if there is one, else the place of the lowest-ranked
   * applicant accepted within the places who was not waitlisted before, who goes to the head of the waitlist. Those
   * raised keep the rule that raised them; everyone else is proposed again in the new line (the raised counted in
   * it), so that each proposal's rule and place in line are true. A raised applicant for whom no place can be freed
   * (every one accepted within the places was waitlisted before too, and ranks higher) is proposed again as any
   * other applicant at their place in line.
   *
   * @return how many applications were ranked
   */
  @Transactional
  public int rank(long cohortId) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    int places = cohort.getCapacity();
    List<Application> reviewed = new ArrayList<>(applications.findByCohortIdAndStatus(cohortId,
        ApplicationStatus.REVIEWED));
    reviewed.sort(Comparator.comparing(Application::getAggregateScore, Comparator.reverseOrder())
        .thenComparing(Application::getSubmittedAt).thenComparing(Application::getId));
    Map<Long, List<Review>> reviewsOf = reviews.findOfCohort(cohortId).stream()
        .collect(Collectors.groupingBy(Review::getApplicationId));
    Map<Long, List<ApplicantHistory.Earlier>> earlier = history.of(reviewed);
    Set<Long> previouslyWaitlisted = reviewed.stream()
        .filter(a -> ApplicantHistory.previouslyWaitlisted(earlier.getOrDefault(a.getId(), List.of())))
        .map(Application::getId).collect(Collectors.toSet());
    ProgrammeRules.Proposer proposer = rules.proposer();
    for (int i = 0; i < reviewed.size(); i++) {
      reviewed.get(i).ranked(i + 1);
    }

    Map<Long, Proposal> first = proposeInLine(reviewed, reviewsOf, proposer, places, previouslyWaitlisted,
        Map.of());
    List<Application> raised = reviewed.stream().filter(a -> first.get(a.getId()).raised(places)).toList();
    if (raised.isEmpty()) {
      reviewed.forEach(a -> a.proposed(first.get(a.getId()).decision()));
      return reviewed.size();
    }
    long within = reviewed.stream().filter(a -> first.get(a.getId()).decision().value() == Outcome.ACCEPTED
        && !first.get(a.getId()).raised(places)).count();
    List<Application> displaceable = reviewed.stream().filter(a -> !previouslyWaitlisted.contains(a.getId())
        && first.get(a.getId()).decision().value() == Outcome.ACCEPTED && !first.get(a.getId()).raised(places))
        .toList();
    int room = (int) Math.max(0, places - within) + displaceable.size();
    List<Application> takePlaces = raised.subList(0, Math.min(room, raised.size()));
    int displacedCount = Math.max(0, takePlaces.size() - (int) Math.max(0, places - within));
    Set<Application> displaced = Set.copyOf(displaceable.subList(displaceable.size() - displacedCount,
        displaceable.size()));
    // The new line: those keeping a place and those raised, in ranking order, then the displaced, then the others.
    Set<Application> line = new java.util.LinkedHashSet<>();
    reviewed.stream().filter(a -> takePlaces.contains(a) || (!displaced.contains(a)
        && first.get(a.getId()).decision().value() == Outcome.ACCEPTED && !raised.contains(a))).forEach(line::add);
    reviewed.stream().filter(displaced::contains).forEach(line::add);
    line.addAll(reviewed);
    Map<Long, RuleDecision<Outcome>> kept = new HashMap<>();
    takePlaces.forEach(a -> kept.put(a.getId(), first.get(a.getId()).decision()));
    // A raised applicant without a place is proposed again as if not waitlisted before: otherwise raised again.
    Set<Long> returning = new HashSet<>(previouslyWaitlisted);
    raised.stream().filter(a -> !takePlaces.contains(a)).forEach(a -> returning.remove(a.getId()));
    Map<Long, Proposal> second = proposeInLine(List.copyOf(line), reviewsOf, proposer, places, returning, kept);
    reviewed.forEach(a -> a.proposed(second.get(a.getId()).decision()));
    return reviewed.size();
  }

  /** What the table proposed for an application, at which place in line. */
  private record Proposal(RuleDecision<Outcome> decision, int placeInLine) {
    /** Accepted beyond the places: raised by a rule (returning people). */
    boolean raised(int places) {
      return decision.value() == Outcome.ACCEPTED && placeInLine > places;
    }
  }

  /**
   * Proposes for each application of the line in its order; those in {@code kept} keep their proposal and count in
   * the line. The place in line is 1 + how many before were proposed accepted or waitlisted.
   */
  private static Map<Long, Proposal> proposeInLine(List<Application> line, Map<Long, List<Review>> reviewsOf,
      ProgrammeRules.Proposer proposer, int places, Set<Long> previouslyWaitlisted,
      Map<Long, RuleDecision<Outcome>> kept) {
    Map<Long, Proposal> proposals = new HashMap<>();
    int inLine = 0;
    for (Application application : line) {
      RuleDecision<Outcome> proposal = kept.get(application.getId());
      if (proposal == null) {
        List<Review> its = reviewsOf.getOrDefault(application.getId(), List.of());
        // The first two reviews; a review missing (none should be, once reviewed) is given to the table as none.
        List<Recommendation> two = its.stream().filter(review -> !review.isTieBreak()).limit(2)
            .map(Review::getRecommendation).toList();
        Recommendation tieBreak = its.stream().filter(Review::isTieBreak).map(Review::getRecommendation)
            .findFirst().orElse(null);
        proposal = proposer.propose(inLine + 1, places, application.getAggregateScore(),
            two.size() > 0 ? two.get(0) : null, two.size() > 1 ? two.get(1) : null, tieBreak,
            previouslyWaitlisted.contains(application.getId()));
      }
      proposals.put(application.getId(), new Proposal(proposal, inLine + 1));
      if (proposal.value() != Outcome.REJECTED) {
        inLine++;
      }
    }
    return proposals;
  }

  /**
   * The proposal made when the applications were ranked ({@link #rank}), in ranking order: by the programme rule
   * {@code bpmn/selection-proposal.dmn} as it was deployed then.
   */
  @Transactional(readOnly = true)
  public Map<Long, Outcome> proposal(long cohortId) {
    Map<Long, Outcome> proposal = new LinkedHashMap<>();
    for (Application a : ranked(cohortId)) {
      proposal.put(a.getId(), a.getProposedOutcome());
    }
    return proposal;
  }

  /** The ranking with the proposed outcome, one line per application, as the selection page shows it. */
  @Transactional(readOnly = true)
  public List<String> proposalLines(long cohortId) {
    Map<Long, Outcome> proposal = proposal(cohortId);
    return ranked(cohortId).stream().map(a -> line(a, proposal.get(a.getId()))).toList();
  }

  /** A short summary for Task_FinaliseSelection; the whole ranking is on the cohort's selection page. */
  @Transactional(readOnly = true)
  public SelectionSummary summary(long cohortId) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    List<Application> ranked = ranked(cohortId);
    Map<Outcome, Long> counts = ranked.stream().filter(a -> a.getProposedOutcome() != null)
        .collect(Collectors.groupingBy(Application::getProposedOutcome, () -> new EnumMap<>(Outcome.class),
            Collectors.counting()));
    return new SelectionSummary(fit(cohort.getName() + ": " + cohort.getCapacity() + " places for " + ranked.size()
        + " reviewed applications. Proposed: " + counts.getOrDefault(Outcome.ACCEPTED, 0L) + " accepted, "
        + counts.getOrDefault(Outcome.WAITLISTED, 0L) + " waitlisted, " + counts.getOrDefault(Outcome.REJECTED, 0L)
        + " rejected. The ranking: /organiser/cohorts/" + cohort.getSlug() + "/selection" + rulesText(ranked)),
        fit(stillInReviewText(cohortId)));
  }

  /**
   * The programme rules that made the proposal (bpmn/selection-proposal.dmn), with how many applications each
   * decided; then each application rejected ahead of someone ranked below it (a rule other than the rank rejected
   * it, e.g. both reviewers recommend reject), with its rule: the organiser checks these first.
   */
  private static String rulesText(List<Application> ranked) {
    Map<String, Long> byRule = ranked.stream().filter(a -> a.getProposalRule() != null)
        .collect(Collectors.groupingBy(a -> a.getProposedOutcome().variableValue() + " by the rule: "
            + a.getProposalRule(), LinkedHashMap::new, Collectors.counting()));
    if (byRule.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\n\nThe programme rules that proposed them (bpmn/selection-proposal.dmn):");
    byRule.forEach((rule, count) -> text.append("\n").append(count).append(" ").append(rule));
    int lastInLine = ranked.stream().filter(a -> a.getProposedOutcome() != null
        && a.getProposedOutcome() != Outcome.REJECTED).mapToInt(Application::getRanking).max().orElse(0);
    List<String> aheadOfRank = ranked.stream().filter(a -> a.getProposedOutcome() == Outcome.REJECTED
            && a.getRanking() < lastInLine)
        .map(a -> "#" + a.getId() + " " + a.getName().replaceAll("\\s+", " ") + " (rank " + a.getRanking()
            + "), rule: " + a.getProposalRule())
        .toList();
    if (!aheadOfRank.isEmpty()) {
      text.append("\n\nRejected though ranked above others proposed a place or the waitlist:");
      aheadOfRank.stream().limit(10).forEach(line -> text.append("\n").append(line));
      if (aheadOfRank.size() > 10) {
        text.append("\n... and ").append(aheadOfRank.size() - 10).append(" more: see the ranking.");
      }
    }
    return text.toString();
  }

  /** The applications still in review, one per line, as Task_FinaliseSelection lists them. */
  private String stillInReviewText(long cohortId) {
    List<Application> inReview = applications.findByCohortIdAndStatusInOrderBySubmittedAt(cohortId, IN_REVIEW);
    if (inReview.isEmpty()) {
      return "None: every application is reviewed.";
    }
    return inReview.size() + " still in review, not ranked; they cannot be decided in this task (once reviewed, "
        + "decide them on the cohort's page):\n" + inReview.stream()
        .map(a -> "#" + a.getId() + " " + a.getName().replaceAll("\\s+", " ") + ": "
            + (a.getStatus() == ApplicationStatus.AWAITING_TIE_BREAK ? "awaiting a third review" : "in review"))
        .collect(Collectors.joining("\n"));
  }

  /** The engine keeps string variables of up to 4000 characters; a longer list is cut with a note. */
  private static String fit(String text) {
    int max = 3900;
    return text.length() <= max ? text
        : text.substring(0, text.lastIndexOf('\n', max) + 1) + "... and more: see the cohort's page.";
  }

  /**
   * Records the selection: the default proposal with the organiser's changes.
   *
   * @param form one line per change, {@code #<application id> accepted|waitlisted|rejected}; may be empty
   * @return how many applications have each outcome
   * @throws BadUserRequestException naming the line or the rule that is broken; nothing is recorded then
   */
  @Transactional
  public Map<Outcome, Integer> finalise(long cohortId, SelectionChanges form) {
    String changes = form.selectionChanges();
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    Map<Long, Outcome> chosen = proposal(cohortId);
    String[] lines = changes == null ? new String[0] : changes.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher matcher = DECISION_LINE.matcher(line);
      if (!matcher.matches()) {
        throw new BadUserRequestException("selectionChanges, line " + (i + 1) + ": write #<application id> "
            + "followed by accepted, waitlisted or rejected (\"" + abbreviate(line) + "\").");
      }
      long id;
      try {
        id = Long.parseLong(matcher.group(1));
      } catch (NumberFormatException tooLarge) {
        throw new BadUserRequestException("selectionChanges, line " + (i + 1) + ": #" + abbreviate(matcher.group(1))
            + " is not a reviewed application of this cohort.");
      }
      if (!chosen.containsKey(id)) {
        throw new BadUserRequestException("selectionChanges, line " + (i + 1) + ": #" + id + (inReview(cohortId, id)
            ? " is still under review; it can be decided once its reviews are complete."
            : " is not a reviewed application of this cohort."));
      }
      chosen.put(id, Outcome.parse(matcher.group(2)));
    }
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    chosen.values().forEach(o -> counts.merge(o, 1, Integer::sum));
    int accepted = counts.getOrDefault(Outcome.ACCEPTED, 0);
    if (accepted > cohort.getCapacity()) {
      throw new BadUserRequestException("selectionChanges: " + accepted + " accepted, but the cohort has "
          + cohort.getCapacity() + " places.");
    }
    Map<Long, Application> byId = new LinkedHashMap<>();
    ranked(cohortId).forEach(a -> byId.put(a.getId(), a));
    chosen.forEach((id, outcome) -> byId.get(id).propose(outcome));
    return counts;
  }

  /**
   * The applications the finalised selection decided and whose process has not been told yet, in ranking order: the
   * collection of the cohort's multi-instance that tells each one in its own job
   * ({@code ${selectionService.decidedApplicationIds(cohortId)}}).
   */
  @Transactional(readOnly = true)
  public List<Long> decidedApplicationIds(long cohortId) {
    return ranked(cohortId).stream()
        .filter(a -> a.getOutcome() != null && a.getStatus() == ApplicationStatus.REVIEWED)
        .map(Application::getId).toList();
  }

  /**
   * The batches of {@link #sendDecisions}: 0 for ranking places 1-100, 1 for 101-200 ..., as many as the ranking
   * needs: the collection of the cohort's multi-instance that tells a hundred places per job
   * ({@code ${selectionService.decisionBatches(cohortId)}}).
   */
  @Transactional(readOnly = true)
  public List<Long> decisionBatches(long cohortId) {
    Integer last = applications.maxRanking(cohortId);
    return last == null ? List.of()
        : LongStream.range(0, (last + DECISION_BATCH - 1) / DECISION_BATCH).boxed().toList();
  }

  /**
   * The decided applications at ranking places {@code batch * 100 + 1} to {@code batch * 100 + 100} whose process has
   * not been told yet, in ranking order: a hundred of {@code Task_SendDecisionsInBatches}, each then told by
   * {@link #tellIfWaiting} in a transaction of its own.
   */
  @Transactional(readOnly = true)
  public List<Long> decisionBatch(long cohortId, long batch) {
    int from = Math.toIntExact(batch * DECISION_BATCH + 1);
    return applications.findByCohortIdAndRankingBetweenOrderByRanking(cohortId, from, from + DECISION_BATCH - 1)
        .stream().filter(a -> a.getStatus() == ApplicationStatus.REVIEWED && a.getOutcome() != null)
        .map(Application::getId).toList();
  }

  /**
   * Tells one decided application its outcome ({@code Message_SelectionDecided}) if its process waits for it; its
   * process then writes the rejection or waitlist email in the same transaction. An application whose process does
   * not wait now, or that was told already or withdrew, is left as it is, not failed: {@link #decidedApplicationIds}
   * still lists those not told, and the cohort tells each in a job of its own, with its own incident if it cannot be
   * told.
   *
   * @return whether it was told now
   */
  @Transactional
  public boolean tellIfWaiting(long applicationId) {
    Application application = applications.findById(applicationId).orElseThrow();
    return application.getStatus() == ApplicationStatus.REVIEWED && application.getOutcome() != null
        && applicationService.decideIfWaiting(application, application.getOutcome());
  }

  /**
   * Sends one decided application's process its outcome ({@code Message_SelectionDecided}), in its own transaction.
   * Telling an application told already does nothing, so that a retried job sends nothing twice.
   *
   * @throws ApplicationService.NotReadyForDecisionException if its process does not wait for the decision: the job
   *     is retried, then raises an incident for this application alone
   * @throws DecisionNotToldException if telling it failed otherwise (its email, say), naming the application, so
   *     that the incident it ends in says which one
   */
  @Transactional
  public void sendDecision(long applicationId) {
    Application application = applications.findById(applicationId).orElseThrow();
    if (application.getStatus() == ApplicationStatus.REVIEWED && application.getOutcome() != null) {
      try {
        applicationService.decide(applicationId, application.getOutcome());
      } catch (ApplicationService.NotReadyForDecisionException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new DecisionNotToldException(applicationId, e);
      }
    }
  }

  /** Telling one application its outcome failed for a reason of its own (not a process that does not wait). */
  public static class DecisionNotToldException extends RuntimeException {
    DecisionNotToldException(long applicationId, RuntimeException cause) {
      super("Application " + applicationId + " could not be told its outcome: " + cause.getMessage(), cause);
    }
  }

  /**
   * Offers a freed place to the best-ranked applicant still on the waitlist, until the teams are formed.
   *
   * @return whether someone was offered the place (false: the waitlist is empty, or the teams are being formed)
   */
  @Transactional
  public boolean offerToNextWaitlisted(long cohortId) {
    if (!clock.instant().isBefore(cohorts.findById(cohortId).orElseThrow().teamsFormAt())) {
      return false; // the teams are being formed: the waitlist closes
    }
    List<Application> waiting = applications.findByCohortIdAndOutcomeAndStatusOrderByRanking(cohortId,
        Outcome.WAITLISTED, ApplicationStatus.DECIDED);
    if (waiting.isEmpty()) {
      return false;
    }
    Application next = waiting.get(0);
    // Marked offered now, so that a second freed place goes to the next one even before the email is sent.
    next.moveTo(ApplicationStatus.OFFERED);
    workflow.placeOffered(next.getId());
    return true;
  }

  /** The teams are formed (week 0): everyone still on the waitlist gets the closing email and stays on record. */
  @Transactional
  public int closeWaitlist(long cohortId) {
    List<Application> waiting = applications.findByCohortIdAndOutcomeAndStatusOrderByRanking(cohortId,
        Outcome.WAITLISTED, ApplicationStatus.DECIDED);
    for (Application application : waiting) {
      application.moveTo(ApplicationStatus.WAITLIST_CLOSED);
      workflow.waitlistClosed(application.getId());
    }
    return waiting.size();
  }

  private boolean inReview(long cohortId, long applicationId) {
    return applications.findById(applicationId)
        .filter(a -> a.getCohort().getId().equals(cohortId) && a.isInReview()).isPresent();
  }

  private List<Application> ranked(long cohortId) {
    return applications.findByCohortIdOrderBySubmittedAt(cohortId).stream()
        .filter(a -> a.getRanking() != null && a.getStatus() != ApplicationStatus.WITHDRAWN)
        .sorted(Comparator.comparing(Application::getRanking))
        .toList();
  }

  private static String line(Application a, Outcome outcome) {
    BigDecimal score = a.getAggregateScore();
    return a.getRanking() + ". #" + a.getId() + " " + a.getName().replaceAll("\\s+", " ") + " | " + a.getProject()
        + " | score " + score + " | " + outcome.variableValue();
  }

  private static String abbreviate(String line) {
    return line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }
}
