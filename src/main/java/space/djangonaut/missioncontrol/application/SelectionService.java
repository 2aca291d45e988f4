package space.djangonaut.missioncontrol.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
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

  private static final Pattern DECISION_LINE =
      Pattern.compile("^\\s*(?:\\d+\\.\\s*)?#(\\d+)\\b.*?\\b(accepted|waitlisted|rejected)\\s*$", Pattern.CASE_INSENSITIVE);

  private final ApplicationRepository applications;
  private final CohortRepository cohorts;
  private final ApplicationService applicationService;
  private final RuntimeService runtimeService;

  SelectionService(ApplicationRepository applications, CohortRepository cohorts,
      ApplicationService applicationService, RuntimeService runtimeService) {
    this.applications = applications;
    this.cohorts = cohorts;
    this.applicationService = applicationService;
    this.runtimeService = runtimeService;
  }

  /**
   * Ranks the cohort's reviewed applications by aggregate score (best first; earlier submission breaks ties).
   *
   * @return whether every application of the cohort has been reviewed
   */
  @Transactional
  public boolean rank(long cohortId) {
    List<Application> reviewed = new ArrayList<>(applications.findByCohortIdAndStatus(cohortId,
        ApplicationStatus.REVIEWED));
    reviewed.sort(Comparator.comparing(Application::getAggregateScore, Comparator.reverseOrder())
        .thenComparing(Application::getSubmittedAt).thenComparing(Application::getId));
    for (int i = 0; i < reviewed.size(); i++) {
      reviewed.get(i).ranked(i + 1);
    }
    return applications.countByCohortIdAndStatus(cohortId, ApplicationStatus.SUBMITTED) == 0;
  }

  /**
   * The default proposal, one line per ranked application, for the organiser to edit in Task_FinaliseSelection:
   * the capacity is filled from the top of the ranking, the next half-capacity are waitlisted, the rest rejected.
   */
  @Transactional(readOnly = true)
  public String proposal(long cohortId) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    int waitlist = (cohort.getCapacity() + 1) / 2;
    StringBuilder text = new StringBuilder();
    for (Application a : ranked(cohortId)) {
      int rank = a.getRanking();
      Outcome outcome = rank <= cohort.getCapacity() ? Outcome.ACCEPTED
          : rank <= cohort.getCapacity() + waitlist ? Outcome.WAITLISTED : Outcome.REJECTED;
      text.append(line(a, outcome)).append('\n');
    }
    return text.toString();
  }

  /** A read-only summary for the organiser: places, applications, reviews. */
  @Transactional(readOnly = true)
  public String summary(long cohortId) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    List<Application> ranked = ranked(cohortId);
    return cohort.getName() + ": " + cohort.getCapacity() + " places, " + ranked.size()
        + " reviewed applications. Edit the word at the end of a line to accepted, waitlisted or rejected; "
        + "the waitlist is offered freed places in ranking order.";
  }

  /**
   * Records the organiser's decisions for every ranked application.
   *
   * @param decisions the edited proposal: one line per application, {@code #<id> ... <outcome>}
   * @throws BadUserRequestException naming the line or the rule that is broken; nothing is recorded then
   */
  @Transactional
  public Map<Outcome, Integer> finalise(long cohortId, String decisions) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    Map<Long, Application> ranked = new LinkedHashMap<>();
    ranked(cohortId).forEach(a -> ranked.put(a.getId(), a));
    Map<Long, Outcome> chosen = new LinkedHashMap<>();
    String[] lines = decisions == null ? new String[0] : decisions.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      Matcher matcher = DECISION_LINE.matcher(line);
      if (!matcher.matches()) {
        throw new BadUserRequestException("decisions, line " + (i + 1) + ": end the line with accepted, "
            + "waitlisted or rejected (\"" + abbreviate(line) + "\").");
      }
      long id = Long.parseLong(matcher.group(1));
      if (!ranked.containsKey(id)) {
        throw new BadUserRequestException("decisions, line " + (i + 1) + ": #" + id
            + " is not a reviewed application of this cohort.");
      }
      if (chosen.put(id, Outcome.parse(matcher.group(2))) != null) {
        throw new BadUserRequestException("decisions: #" + id + " is decided twice.");
      }
    }
    List<Long> missing = ranked.keySet().stream().filter(id -> !chosen.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new BadUserRequestException("decisions: no decision for " + missing.stream().map(id -> "#" + id).toList()
          + "; give every ranked application a line.");
    }
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    chosen.values().forEach(o -> counts.merge(o, 1, Integer::sum));
    int accepted = counts.getOrDefault(Outcome.ACCEPTED, 0);
    if (accepted > cohort.getCapacity()) {
      throw new BadUserRequestException("decisions: " + accepted + " accepted, but the cohort has "
          + cohort.getCapacity() + " places.");
    }
    chosen.forEach((id, outcome) -> ranked.get(id).propose(outcome));
    return counts;
  }

  /** Sends each decided application's process its outcome ({@code Message_SelectionDecided}). */
  @Transactional
  public int sendDecisions(long cohortId) {
    List<Application> decided = ranked(cohortId).stream().filter(a -> a.getOutcome() != null).toList();
    decided.forEach(a -> applicationService.decide(a.getId(), a.getOutcome()));
    return decided.size();
  }

  /**
   * Offers a freed place to the best-ranked applicant still on the waitlist.
   *
   * @return whether someone was offered the place (false: the waitlist is empty)
   */
  @Transactional
  public boolean offerToNextWaitlisted(long cohortId) {
    List<Application> waiting = applications.findByCohortIdAndOutcomeAndStatusOrderByRanking(cohortId,
        Outcome.WAITLISTED, ApplicationStatus.DECIDED);
    if (waiting.isEmpty()) {
      return false;
    }
    Application next = waiting.get(0);
    // Marked offered now, so that a second freed place goes to the next one even before the email is sent.
    next.moveTo(ApplicationStatus.OFFERED);
    runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_PLACE_OFFERED)
        .processInstanceBusinessKey(next.getId().toString()).correlate();
    return true;
  }

  /** The cohort starts: everyone still on the waitlist gets the closing email and stays on record. */
  @Transactional
  public int closeWaitlist(long cohortId) {
    List<Application> waiting = applications.findByCohortIdAndOutcomeAndStatusOrderByRanking(cohortId,
        Outcome.WAITLISTED, ApplicationStatus.DECIDED);
    for (Application application : waiting) {
      application.moveTo(ApplicationStatus.WAITLIST_CLOSED);
      runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_WAITLIST_CLOSED)
          .processInstanceBusinessKey(application.getId().toString()).correlate();
    }
    return waiting.size();
  }

  private List<Application> ranked(long cohortId) {
    return applications.findByCohortIdOrderBySubmittedAt(cohortId).stream()
        .filter(a -> a.getRanking() != null)
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
