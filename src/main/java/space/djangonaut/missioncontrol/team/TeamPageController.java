package space.djangonaut.missioncontrol.team;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;

/**
 * The organisers' team page ({@code /organiser/cohorts/<slug>/teams}), linked from Task_ConfirmTeams: the proposed
 * teams with every rule unmet explained next to its team, the changes an organiser makes to them, and their
 * confirmation. Works without JavaScript: each change is a form POST that re-checks every rule and comes back to the
 * page (Post/Redirect/Get); input that names nothing of the cohort is answered with HTTP 400 and the page with the
 * reason, a page out of date (the teams confirmed meanwhile) with HTTP 409; neither changes anything.
 *
 * <p>Every form carries the id of the Task_ConfirmTeams the page showed: the teams change only while that task is
 * open, so the page and the task never disagree (the teams are kept in one place, the task shows them).
 */
@Controller
class TeamPageController {

  private final CohortService cohorts;
  private final TeamBoard board;
  private final TeamConfirmation confirmation;
  private final ProgrammeOptions options;
  private final DisplayZone displayZone;

  TeamPageController(CohortService cohorts, TeamBoard board, TeamConfirmation confirmation,
      ProgrammeOptions options, DisplayZone displayZone) {
    this.options = options;
    this.displayZone = displayZone;
    this.cohorts = cohorts;
    this.board = board;
    this.confirmation = confirmation;
  }

  @GetMapping("/organiser/cohorts/{slug}/teams")
  String page(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    fill(model, cohort, Map.of());
    return "organiser/teams";
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/move")
  String move(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.move(cohort.getId(),
        id(form, "applicationId", "the Djangonaut"), id(form, "teamId", "the team")));
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/start")
  String start(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.startTeam(cohort.getId(),
        id(form, "navigatorId", "the Navigator"), form.get("project")));
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/disband")
  String disband(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.disband(cohort.getId(),
        id(form, "teamId", "the team")));
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/take-out")
  String takeOut(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.takeOut(cohort.getId(),
        id(form, "applicationId", "the Djangonaut")));
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/navigator")
  String navigator(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.changeNavigator(cohort.getId(),
        id(form, "teamId", "the team"), id(form, "navigatorId", "the Navigator")));
  }

  @PostMapping("/organiser/cohorts/{slug}/teams/captain")
  String captain(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return change(slug, form, model, redirect, response, cohort -> () -> board.changeCaptain(cohort.getId(),
        id(form, "applicationId", "the Djangonaut"), id(form, "captainId", "the Captain")));
  }

  /**
   * Confirms the teams by completing the cohort's Task_ConfirmTeams. With a rule unmet, only when the organiser
   * ticked "confirm anyway" (recorded on the process); otherwise refused with HTTP 400, naming each rule.
   */
  @PostMapping("/organiser/cohorts/{slug}/teams/confirm")
  String confirm(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response, Principal organiser) {
    Cohort cohort = cohorts.bySlug(slug);
    boolean anyway = "true".equals(form.get("confirmAnyway"));
    try {
      confirmation.confirm(slug, form.getOrDefault("taskId", ""), anyway, organiser.getName());
    } catch (TeamConfirmation.StaleTeamPageException e) {
      return refused(model, cohort, form, response, HttpServletResponse.SC_CONFLICT, e.getMessage());
    } catch (TeamAdjustments.RulesUnmetException e) {
      model.addAttribute("refusedRules", e.rules());
      return refused(model, cohort, form, response, HttpServletResponse.SC_BAD_REQUEST,
          "The teams were not confirmed: they break " + e.rules().size() + (e.rules().size() == 1 ? " rule"
              : " rules") + " (listed below, and next to each team). Change the teams, or tick \"Confirm anyway\".");
    } catch (BadUserRequestException e) {
      return refused(model, cohort, form, response, HttpServletResponse.SC_BAD_REQUEST,
          "The teams were not confirmed: " + e.getMessage().replaceFirst("^teamAdjustments: ", ""));
    }
    redirect.addFlashAttribute("message", anyway ? "The teams are confirmed, with the rules unmet recorded as your "
        + "choice. Their welcome emails go out now." : "The teams are confirmed. Their welcome emails go out now.");
    return "redirect:/organiser/cohorts/" + slug + "/teams";
  }

  /** A change to the teams, allowed only while the page's Task_ConfirmTeams is open. */
  private String change(String slug, Map<String, String> form, Model model, RedirectAttributes redirect,
      HttpServletResponse response, java.util.function.Function<Cohort, Supplier<String>> action) {
    Cohort cohort = cohorts.bySlug(slug);
    Optional<String> task = confirmation.openTask(slug);
    if (task.isEmpty() || !task.get().equals(form.get("taskId"))) {
      return refused(model, cohort, form, response, HttpServletResponse.SC_CONFLICT, task.isEmpty()
          ? "The teams of this cohort are not waiting for confirmation (they were confirmed, or are not formed "
              + "yet): nothing was changed. The page now shows them as they are."
          : "This page was out of date (the teams were confirmed and proposed again meanwhile): nothing was changed."
              + " The page now shows the teams as they are; make your change again.");
    }
    String done;
    try {
      done = action.apply(cohort).get();
    } catch (TeamBoard.TeamChangeRefused e) {
      return refused(model, cohort, form, response, HttpServletResponse.SC_BAD_REQUEST,
          e.field() + ": " + e.getMessage());
    }
    confirmation.showOnTask(slug);
    int unmet = board.board(cohort.getId(), reader()).unmet().size();
    redirect.addFlashAttribute("message", done + (unmet == 0 ? " Every rule holds."
        : " The teams now break " + unmet + (unmet == 1 ? " rule" : " rules") + ", each explained below."));
    return "redirect:/organiser/cohorts/" + slug + "/teams";
  }

  private String refused(Model model, Cohort cohort, Map<String, String> form, HttpServletResponse response,
      int status, String error) {
    response.setStatus(status);
    model.addAttribute("error", error);
    fill(model, cohort, form);
    return "organiser/teams";
  }

  /** The signed-in organiser, whose zone the page's times are drawn in ({@link DisplayZone#of}). */
  private static String reader() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return signedIn == null ? null : signedIn.getName();
  }

  private void fill(Model model, Cohort cohort, Map<String, String> typed) {
    model.addAttribute("cohort", cohort);
    String reader = reader();
    model.addAttribute("board", board.board(cohort.getId(), reader));
    model.addAttribute("readerZone", displayZone.of(reader).getId());
    model.addAttribute("taskId", confirmation.openTask(cohort.getSlug()).orElse(null));
    model.addAttribute("projects", options.projects());
    Map<String, String> kept = new LinkedHashMap<>(typed);
    kept.remove("_csrf");
    kept.remove("taskId");
    model.addAttribute("typed", kept);
  }

  /** A whole-number id from the form, or a refusal naming the field. */
  private static long id(Map<String, String> form, String field, String what) {
    String raw = form.getOrDefault(field, "").strip();
    if (raw.isEmpty()) {
      throw new TeamBoard.TeamChangeRefused(field, "choose " + what + ".");
    }
    try {
      return Long.parseLong(raw.startsWith("#") ? raw.substring(1) : raw);
    } catch (NumberFormatException e) {
      throw new TeamBoard.TeamChangeRefused(field, "\"" + raw + "\" names no " + what.replace("the ", "")
          + " of this cohort; choose one from the list.");
    }
  }
}
