package space.djangonaut.missioncontrol.survey;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.survey.ImpactReport.WeekFigures;

/**
 * The impact report of a cohort: for organisers, figures, charts (inline SVG) and a CSV export; once published, a
 * public page with the aggregate figures.
 */
@Controller
class ImpactReportController {

  private final CohortService cohorts;
  private final ImpactReportService reports;
  private final GitHubFigures github;

  ImpactReportController(CohortService cohorts, ImpactReportService reports, GitHubFigures github) {
    this.cohorts = cohorts;
    this.reports = reports;
    this.github = github;
  }

  @GetMapping("/organiser/cohorts/{slug}/report")
  String report(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    ImpactReport report = reports.report(cohort.getId());
    model.addAttribute("report", report);
    model.addAttribute("charts", charts(report));
    model.addAttribute("published", cohort.getReportPublishedAt() != null);
    model.addAttribute("githubEnabled", github.enabled());
    model.addAttribute("github", github.figure(cohort.getId()).orElse(null));
    return "organiser/report";
  }

  /**
   * Counts the review comments on the cohort's pull requests on GitHub again, now (the report page's button), and
   * shows the report with the new figure. Without a token nothing is asked and the report says so.
   */
  @PostMapping("/organiser/cohorts/{slug}/report/github")
  String refreshGitHub(@PathVariable String slug) {
    Cohort cohort = cohorts.bySlug(slug);
    if (github.enabled()) {
      github.refresh(cohort.getId());
    }
    return "redirect:/organiser/cohorts/" + cohort.getSlug() + "/report#github";
  }

  /**
   * The published report, for anyone: the aggregate figures, the charts and the quotes of those who allowed them
   * (first name only).
   *
   * @throws NotFoundException (404) if there is no such cohort or its report is not published
   */
  @GetMapping("/cohorts/{slug}/impact")
  String published(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    if (cohort.getReportPublishedAt() == null) {
      throw new NotFoundException("The impact report of \"" + slug + "\" is not published.");
    }
    ImpactReport report = reports.report(cohort.getId());
    model.addAttribute("report", report);
    model.addAttribute("charts", charts(report));
    model.addAttribute("publishedOn", java.time.LocalDate.ofInstant(cohort.getReportPublishedAt(), java.time.ZoneOffset.UTC));
    return "survey/published-report";
  }

  private static List<BarChart> charts(ImpactReport report) {
    List<String> weekLabels = report.weeks().stream().map(w -> "W" + w.week()).toList();
    return List.of(
        BarChart.of("chart-check-ins", "Weekly check-ins held", weekLabels,
            report.weeks().stream().map(WeekFigures::checkInsHeld).toList()),
        BarChart.of("chart-tickets", "Tickets progressed per week", weekLabels,
            report.weeks().stream().map(WeekFigures::ticketsProgressed).toList()),
        BarChart.of("chart-pr-comments", "PR review comments per week", weekLabels,
            report.weeks().stream().map(WeekFigures::prReviewComments).toList()),
        BarChart.of("chart-comfort", "Djangonauts: comfort engaging with the community",
            report.communityComfort().stream().map(c -> c.comfort().getLabel()).toList(),
            report.communityComfort().stream().map(ImpactReport.ComfortCount::count).toList()));
  }

  @GetMapping("/organiser/cohorts/{slug}/report.csv")
  ResponseEntity<String> csv(@PathVariable String slug) {
    long cohortId = cohorts.bySlug(slug).getId();
    ImpactReport report = reports.report(cohortId);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-impact-report.csv\"")
        .body(toCsv(report) + githubCsv(github.enabled(), github.figure(cohortId).orElse(null)));
  }

  /**
   * The GitHub figure's rows: the last count with the date it was fetched (kept if the token was removed since), else
   * not collected (no token) or not fetched yet; never 0 for unknown.
   */
  static String githubCsv(boolean enabled, GitHubFigure figure) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of());
    if (figure == null && !enabled) {
      rows.add(List.of("PR review comments on GitHub", "not collected (no GitHub token configured)"));
    } else if (figure == null) {
      rows.add(List.of("PR review comments on GitHub", "not fetched yet"));
    } else {
      rows.add(List.of("PR review comments on GitHub", figure.getTotal()));
      rows.add(List.of("of which comments on lines", figure.getLineComments()));
      rows.add(List.of("of which reviews with a body", figure.getReviewBodies()));
      rows.add(List.of("pull requests asked about", figure.getPullRequests()));
      rows.add(List.of("pull requests GitHub did not find", figure.getPullRequestsNotFound()));
      rows.add(List.of("fetched at (UTC)", figure.getFetchedAt().toString()));
      rows.add(List.of("complete", figure.isComplete() ? "yes" : "no: " + figure.getIncompleteReason()));
    }
    StringBuilder csv = new StringBuilder();
    for (List<Object> row : rows) {
      csv.append(String.join(",", row.stream().map(ImpactReportController::cell).toList())).append("\r\n");
    }
    return csv.toString();
  }

  static String toCsv(ImpactReport report) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("figure", "value"));
    rows.add(List.of("cohort", report.cohortName()));
    rows.add(List.of("tickets progressed", report.ticketsProgressed()));
    rows.add(List.of("tickets closed", report.ticketsClosed()));
    rows.add(List.of("pull requests opened", report.pullRequestsOpened()));
    rows.add(List.of("pull requests merged", report.pullRequestsMerged()));
    rows.add(List.of("weekly check-ins held", report.checkInsHeld()));
    rows.add(List.of("one-to-ones held", report.oneToOnesHeld()));
    rows.add(List.of("weekly check-ins not held", report.checkInsNotHeld()));
    rows.add(List.of("weekly check-ins not recorded", report.checkInsNotRecorded()));
    rows.add(List.of("one-to-ones not held", report.oneToOnesNotHeld()));
    rows.add(List.of("one-to-ones not recorded", report.oneToOnesNotRecorded()));
    rows.add(List.of("Djangonauts who withdrew", report.withdrawals()));
    rows.add(List.of("PR review comments", report.prReviewComments()));
    rows.add(List.of("presentations", report.presentations()));
    rows.add(List.of("Djangonaut survey responses", report.djangonautResponses()));
    rows.add(List.of("Djangonauts more comfortable engaging with the community (%)",
        report.moreComfortableWithCommunity().percent()));
    rows.add(List.of("Djangonauts more comfortable contributing (%)", report.moreComfortableContributing().percent()));
    rows.add(List.of("volunteer survey responses", report.volunteerResponses()));
    rows.add(List.of("volunteers more comfortable mentoring (%)",
        report.volunteersMoreComfortableMentoring().percent()));
    rows.add(List.of());
    rows.add(List.of("week", "check-ins held", "tickets progressed", "tickets closed", "PR review comments",
        "presentations", "one-to-ones held"));
    for (WeekFigures w : report.weeks()) {
      rows.add(List.of(w.week(), w.checkInsHeld(), w.ticketsProgressed(), w.ticketsClosed(), w.prReviewComments(),
          w.presentations(), w.oneToOnesHeld()));
    }
    if (!report.contributions().isEmpty()) {
      rows.add(List.of());
      rows.add(List.of("kind", "ticket or pull request", "link", "states"));
      for (ImpactReport.ContributionLink c : report.contributions()) {
        rows.add(List.of(c.kind(), c.label(), c.url(), String.join(" ", c.states())));
      }
    }
    if (!report.otherQuestions().isEmpty()) {
      // The questions organisers added: how many answered, choices counted, numbers averaged; never free text.
      rows.add(List.of());
      rows.add(List.of("form", "question", "answer", "how many"));
      for (ImpactReport.QuestionSummary q : report.otherQuestions()) {
        rows.add(List.of(q.form(), q.label(), "answered", q.answered()));
        for (ImpactReport.OptionCount c : q.counts()) {
          rows.add(List.of(q.form(), q.label(), c.label(), c.count()));
        }
        if (q.average() != null) {
          rows.add(List.of(q.form(), q.label(), "average", q.average()));
        }
      }
    }
    StringBuilder csv = new StringBuilder();
    for (List<Object> row : rows) {
      csv.append(String.join(",", row.stream().map(ImpactReportController::cell).toList())).append("\r\n");
    }
    return csv.toString();
  }

  /** RFC 4180 quoting; a leading =, +, - or @ is defused so that spreadsheets do not run it as a formula. */
  private static String cell(Object value) {
    String text = String.valueOf(value);
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
