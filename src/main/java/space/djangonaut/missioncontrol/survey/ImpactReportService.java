package space.djangonaut.missioncontrol.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.FormSchema.Question;
import space.djangonaut.missioncontrol.mentorship.CheckIn;
import space.djangonaut.missioncontrol.mentorship.CheckInRepository;
import space.djangonaut.missioncontrol.mentorship.Contribution;
import space.djangonaut.missioncontrol.mentorship.ContributionKind;
import space.djangonaut.missioncontrol.mentorship.ContributionRepository;
import space.djangonaut.missioncontrol.mentorship.ContributionState;
import space.djangonaut.missioncontrol.mentorship.OneToOne;
import space.djangonaut.missioncontrol.mentorship.OneToOneRepository;
import space.djangonaut.missioncontrol.survey.ImpactReport.ComfortCount;
import space.djangonaut.missioncontrol.survey.ImpactReport.ContributionLink;
import space.djangonaut.missioncontrol.survey.ImpactReport.Share;
import space.djangonaut.missioncontrol.survey.ImpactReport.Testimonial;
import space.djangonaut.missioncontrol.survey.ImpactReport.WeekFigures;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;

/**
 * Builds a cohort's impact report from its check-ins (with the tickets and pull requests they list), one-to-ones and
 * survey answers. The survey's and the mid-point check's fixed keys are read from their columns; the questions
 * organisers added are read by key from the answers kept as JSON, with the cohort's version of each form
 * ({@link #summaries}).
 */
@Service
public class ImpactReportService {


  private final CohortRepository cohorts;
  private final CheckInRepository checkIns;
  private final ContributionRepository contributions;
  private final OneToOneRepository oneToOnes;
  private final SurveyInvitationRepository invitations;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final MidpointCheckRepository midpointChecks;
  private final SurveyFormSchemas schemas;

  ImpactReportService(CohortRepository cohorts, CheckInRepository checkIns, OneToOneRepository oneToOnes,
      SurveyInvitationRepository invitations, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, ContributionRepository contributions,
      MidpointCheckRepository midpointChecks, SurveyFormSchemas schemas) {
    this.schemas = schemas;
    this.midpointChecks = midpointChecks;
    this.contributions = contributions;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.cohorts = cohorts;
    this.checkIns = checkIns;
    this.oneToOnes = oneToOnes;
    this.invitations = invitations;
  }

  /** The report of one cohort. */
  @Transactional(readOnly = true)
  public ImpactReport report(long cohortId) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    List<SurveyInvitation> surveyAnswers = invitations.findByCohortIdOrderById(cohortId);
    List<MidpointCheck> midpointAnswers = midpointChecks.findByCohortIdOrderById(cohortId);
    List<ImpactReport.QuestionSummary> others = new ArrayList<>();
    others.addAll(summaries("Feedback survey", schemas.forCohortReadOnly(SurveyForms.FEEDBACK, cohortId),
        surveyAnswers.stream().filter(SurveyInvitation::isAnswered).map(SurveyInvitation::getOtherAnswers).toList()));
    others.addAll(summaries("Mid-point check", schemas.forCohortReadOnly(SurveyForms.MIDPOINT, cohortId),
        midpointAnswers.stream().filter(MidpointCheck::isAnswered).map(MidpointCheck::getOtherAnswers).toList()));
    return build(cohort, checkIns.findByCohortIdOrderByWeekAscTeamIdAsc(cohortId),
        contributions.findByCohortIdOrderByWeekAscId(cohortId),
        oneToOnes.findByCohortIdOrderByWeekAscApplicationIdAsc(cohortId),
        surveyAnswers, withdrawals(cohortId), midpointAnswers, others);
  }

  /**
   * The other questions of a form (not its fixed keys), each summed up over the answers read by its key: options
   * counted, numbers averaged, free text listed unless sensitive (dates and sensitive text: how many answered).
   *
   * @param answers each answer row's other answers as stored (a JSON object by key, or null)
   */
  static List<ImpactReport.QuestionSummary> summaries(String form, FormSchema schema, List<String> answers) {
    List<JsonNode> rows = new ArrayList<>();
    for (String json : answers) {
      if (json != null) {
        rows.add(FormSchema.storedAnswersTree(json));
      }
    }
    List<ImpactReport.QuestionSummary> summaries = new ArrayList<>();
    for (Question q : schema.questions()) {
      if (!q.other() || q.type().equals("text")) {
        continue;
      }
      List<JsonNode> given = rows.stream().filter(r -> r.hasNonNull(q.key())).map(r -> r.get(q.key())).toList();
      List<ImpactReport.OptionCount> counts = new ArrayList<>();
      String average = null;
      List<String> texts = List.of();
      switch (q.type()) {
        case "select", "radio" -> q.options().forEach(o -> counts.add(new ImpactReport.OptionCount(o.label(),
            (int) given.stream().filter(a -> a.asText().equals(o.value())).count())));
        case "checklist" -> q.options().forEach(o -> counts.add(new ImpactReport.OptionCount(o.label(),
            (int) given.stream().filter(a -> a.isArray()
                && java.util.stream.StreamSupport.stream(a.spliterator(), false)
                    .anyMatch(v -> v.asText().equals(o.value()))).count())));
        case "checkbox" -> {
          counts.add(new ImpactReport.OptionCount("yes", (int) given.stream().filter(JsonNode::asBoolean).count()));
          counts.add(new ImpactReport.OptionCount("no", (int) given.stream().filter(a -> !a.asBoolean()).count()));
        }
        case "number" -> average = given.isEmpty() ? null : given.stream().map(JsonNode::decimalValue)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
            .divide(java.math.BigDecimal.valueOf(given.size()), 1, java.math.RoundingMode.HALF_UP).toPlainString();
        case "textfield", "textarea" -> texts = q.sensitive() ? List.of() : given.stream().map(JsonNode::asText)
            .toList();
        default -> { }
      }
      summaries.add(new ImpactReport.QuestionSummary(form, q.key(), q.label() == null ? q.key() : q.label(),
          q.type(), q.sensitive(), given.size(), counts, average, texts));
    }
    return summaries;
  }

  /** The Djangonauts of the cohort's teams who withdrew (or were withdrawn, or erased) once in a team. */
  private int withdrawals(long cohortId) {
    List<Long> teamIds = teams.findByCohortIdOrderById(cohortId).stream().map(Team::getId).toList();
    return (int) members.findByTeamIdIn(teamIds).stream()
        .filter(m -> applications.findById(m.getApplicationId())
            .map(a -> a.getStatus() == ApplicationStatus.WITHDRAWN).orElse(false))
        .count();
  }

  /** The arithmetic of the report, apart from the database, for a cohort without mid-point checks. */
  static ImpactReport build(Cohort cohort, List<CheckIn> checkIns, List<Contribution> contributions,
      List<OneToOne> oneToOnes, List<SurveyInvitation> invitations, int withdrawals) {
    return build(cohort, checkIns, contributions, oneToOnes, invitations, withdrawals, List.of());
  }

  /** The arithmetic of the report, apart from the database. */
  static ImpactReport build(Cohort cohort, List<CheckIn> checkIns, List<Contribution> contributions,
      List<OneToOne> oneToOnes, List<SurveyInvitation> invitations, int withdrawals, List<MidpointCheck> midpoint) {
    return build(cohort, checkIns, contributions, oneToOnes, invitations, withdrawals, midpoint, List.of());
  }

  /** The arithmetic of the report, apart from the database, with the summaries of the forms' other questions. */
  static ImpactReport build(Cohort cohort, List<CheckIn> checkIns, List<Contribution> contributions,
      List<OneToOne> oneToOnes, List<SurveyInvitation> invitations, int withdrawals, List<MidpointCheck> midpoint,
      List<ImpactReport.QuestionSummary> otherQuestions) {
    // Typed weekly numbers of check-ins recorded before links count as typed; the others come from the links.
    List<CheckIn> typed = checkIns.stream().filter(c -> !c.isContributionsAsLinks()).toList();
    List<CheckIn> held = checkIns.stream().filter(CheckIn::isHeld).toList();
    List<SurveyInvitation> djangonauts = invitations.stream().filter(i -> i.getKind() == Respondent.DJANGONAUT)
        .toList();
    List<SurveyInvitation> djangonautAnswers = djangonauts.stream().filter(SurveyInvitation::isAnswered).toList();
    List<SurveyInvitation> volunteerAnswers = invitations.stream()
        .filter(i -> i.getKind().isVolunteer() && i.isAnswered()).toList();

    Map<Integer, int[]> byWeek = new TreeMap<>();
    for (int week = 1; week <= cohort.getWeeks(); week++) {
      byWeek.put(week, new int[6]);
    }
    for (CheckIn c : checkIns) {
      int[] w = byWeek.computeIfAbsent(c.getWeek(), k -> new int[6]);
      w[0] += c.isHeld() ? 1 : 0;
      w[1] += c.isContributionsAsLinks() ? 0 : c.getTicketsProgressed();
      w[2] += c.isContributionsAsLinks() ? 0 : c.getTicketsClosed();
      w[3] += c.getPrReviewComments();
      w[4] += c.getPresentations();
    }
    contributions.stream().collect(Collectors.groupingBy(Contribution::getWeek)).forEach((week, lines) -> {
      int[] w = byWeek.computeIfAbsent(week, k -> new int[6]);
      w[1] += distinct(lines, ContributionState.PROGRESSED);
      w[2] += distinct(lines, ContributionState.CLOSED);
    });
    oneToOnes.stream().filter(OneToOne::isHeld)
        .forEach(o -> byWeek.computeIfAbsent(o.getWeek(), k -> new int[6])[5]++);
    List<WeekFigures> weeks = new ArrayList<>();
    byWeek.forEach((week, w) -> weeks.add(new WeekFigures(week, w[0], w[1], w[2], w[3], w[4], w[5])));

    List<ComfortCount> communityComfort = Arrays.stream(Comfort.values())
        .map(c -> new ComfortCount(c, (int) djangonautAnswers.stream()
            .filter(i -> i.getComfortCommunity() == c).count()))
        .toList();
    List<Testimonial> testimonials = invitations.stream()
        .filter(i -> i.isAnswered() && Boolean.TRUE.equals(i.getMayQuote()) && i.getWentWell() != null)
        .map(i -> new Testimonial(firstName(i.getName()), i.getKind(), i.getWentWell()))
        .toList();

    return new ImpactReport(cohort.getName(), cohort.getSlug(),
        distinct(contributions, ContributionState.PROGRESSED)
            + typed.stream().mapToInt(CheckIn::getTicketsProgressed).sum(),
        distinct(contributions, ContributionState.CLOSED) + typed.stream().mapToInt(CheckIn::getTicketsClosed).sum(),
        held.size(),
        (int) oneToOnes.stream().filter(OneToOne::isHeld).count(),
        (int) checkIns.stream().filter(c -> c.isRecorded() && !c.isHeld()).count(),
        (int) checkIns.stream().filter(c -> !c.isRecorded()).count(),
        (int) oneToOnes.stream().filter(o -> o.isRecorded() && !o.isHeld()).count(),
        (int) oneToOnes.stream().filter(o -> !o.isRecorded()).count(),
        withdrawals,
        checkIns.stream().mapToInt(CheckIn::getPrReviewComments).sum(),
        checkIns.stream().mapToInt(CheckIn::getPresentations).sum(),
        djangonauts.size(),
        djangonautAnswers.size(),
        share(djangonautAnswers, i -> i.getComfortCommunity() == Comfort.MORE),
        share(djangonautAnswers, i -> i.getComfortContributing() == Comfort.MORE),
        volunteerAnswers.size(),
        share(volunteerAnswers, i -> i.getComfortMentoring() == Comfort.MORE),
        weeks, communityComfort, testimonials,
        distinct(contributions, ContributionState.OPENED), distinct(contributions, ContributionState.MERGED),
        links(contributions), midpoint(midpoint), otherQuestions);
  }

  /** The mid-point check's figures: the same comfort questions as the survey's, and the concerns raised. */
  private static ImpactReport.MidpointFigures midpoint(List<MidpointCheck> checks) {
    List<MidpointCheck> djangonauts = checks.stream().filter(c -> c.getKind() == Respondent.DJANGONAUT).toList();
    List<MidpointCheck> djangonautAnswers = djangonauts.stream().filter(MidpointCheck::isAnswered).toList();
    List<MidpointCheck> volunteerAnswers = checks.stream().filter(c -> c.getKind().isVolunteer() && c.isAnswered())
        .toList();
    return new ImpactReport.MidpointFigures(djangonauts.size(), djangonautAnswers.size(),
        new Share((int) djangonautAnswers.stream().filter(c -> c.getComfort() == Comfort.MORE).count(),
            djangonautAnswers.size()),
        volunteerAnswers.size(),
        new Share((int) volunteerAnswers.stream().filter(c -> c.getComfort() == Comfort.MORE).count(),
            volunteerAnswers.size()),
        (int) checks.stream().filter(c -> c.getConcernRaisedAt() != null).count(),
        (int) checks.stream().filter(c -> c.getFollowedUpAt() != null).count());
  }

  /** How many distinct tickets or pull requests the lines give this state. */
  private static int distinct(List<Contribution> lines, ContributionState state) {
    return (int) lines.stream().filter(c -> c.getState() == state).map(Contribution::getUrl).distinct().count();
  }

  /** Each ticket, then each pull request, once, by number, with the states the check-ins gave it. */
  private static List<ContributionLink> links(List<Contribution> contributions) {
    Map<String, List<Contribution>> byUrl = contributions.stream().collect(Collectors.groupingBy(
        Contribution::getUrl, LinkedHashMap::new, Collectors.toList()));
    return byUrl.values().stream()
        .sorted(Comparator.comparing((List<Contribution> l) -> l.get(0).getKind())
            .thenComparing(l -> l.get(0).getUrl().replaceAll("/pull/\\d+$", ""))
            .thenComparingLong(l -> l.get(0).getNumber()))
        .map(l -> {
          Contribution first = l.get(0);
          String label = first.getKind() == ContributionKind.TICKET ? "#" + first.getNumber()
              : first.getUrl().replace("https://github.com/", "").replace("/pull/", "#");
          return new ContributionLink(first.getKind() == ContributionKind.TICKET ? "ticket" : "pull request",
              label, first.getUrl(), l.stream().map(Contribution::getState).distinct().sorted()
                  .map(ContributionState::word).toList());
        })
        .toList();
  }

  private static Share share(List<SurveyInvitation> answers, Predicate<SurveyInvitation> more) {
    return new Share((int) answers.stream().filter(more).count(), answers.size());
  }

  private static String firstName(String name) {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
