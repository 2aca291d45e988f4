package space.djangonaut.missioncontrol.mail;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.FormText;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * Organisers change the words of a cohort's emails: the list of templates, the edit page of one (subject, Markdown
 * body, its variables, a preview with sample data, the history of versions), a version, and restoring one. Only
 * organisers reach {@code /organiser/**} (security configuration).
 */
@Controller
class MailTextController {

  private final CohortService cohorts;
  private final MailTexts texts;
  private final MailService mail;

  MailTextController(CohortService cohorts, MailTexts texts, MailService mail) {
    this.cohorts = cohorts;
    this.texts = texts;
    this.mail = mail;
  }

  @GetMapping("/organiser/cohorts/{slug}/emails")
  String list(@PathVariable String slug, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    model.addAttribute("templates", MailTemplate.values());
    // By name: Spring EL cannot index an EnumMap by its enum key.
    Map<String, MailText> current = new java.util.HashMap<>();
    texts.currentByTemplate(cohort.getId()).forEach((template, text) -> current.put(template.name(), text));
    model.addAttribute("current", current);
    return "organiser/mail-texts";
  }

  /**
   * The edit page. What was just done comes back in the address (a redirect after a save or a restore), not in the
   * session: {@code saved} (the version saved), {@code restored} and {@code as}, or {@code stale} (the newest version
   * when a restore was refused).
   */
  @GetMapping("/organiser/cohorts/{slug}/emails/{name}")
  String edit(@PathVariable String slug, @PathVariable String name, @RequestParam(required = false) Integer saved,
      @RequestParam(required = false) Integer restored, @RequestParam(required = false) Integer as,
      @RequestParam(required = false) Integer stale, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    MailTemplate template = template(name);
    var current = texts.current(cohort.getId(), template);
    MailTexts.Draft draft = current.map(t -> new MailTexts.Draft(t.getSubject(), t.getBody()))
        .orElseGet(() -> MailTexts.starter(template));
    int baseVersion = current.map(MailText::getVersion).orElse(0);
    page(model, cohort, template, draft, baseVersion);
    if (saved != null) {
      model.addAttribute("message", "Saved as version " + saved + ": the cohort's " + template.templateName()
          + " emails use it from now on.");
    } else if (restored != null && as != null) {
      model.addAttribute("message", "Version " + restored + " restored as version " + as + ".");
    } else if (stale != null) {
      model.addAttribute("error", "This email was changed since you opened the version you restored: version "
          + stale + " has been saved since. Nothing was restored.");
    }
    previews(model, cohort, current.isPresent()
        ? sample -> mail.render(template, draft.subject(), draft.body(), sample)
        : sample -> mail.renderDefault(template, sample));
    return "organiser/mail-text";
  }

  /**
   * Previews ({@code action=preview}) or saves the text typed. A text that cannot be saved comes back with the
   * reasons (400), a save from a version that is no longer the newest with what happened (409); either way with
   * everything typed.
   */
  @PostMapping("/organiser/cohorts/{slug}/emails/{name}")
  String save(@PathVariable String slug, @PathVariable String name,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "0") int baseVersion, @RequestParam(defaultValue = "save") String action,
      Principal organiser, Model model, HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    MailTemplate template = template(name);
    String typedBody = FormText.normaliseLineBreaks(body);
    MailTexts.Draft draft = new MailTexts.Draft(subject, typedBody);
    page(model, cohort, template, draft, baseVersion);
    List<String> problems = MailTextRenderer.problems(template, subject, typedBody);
    if (!problems.isEmpty()) {
      model.addAttribute("problems", problems);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "organiser/mail-text";
    }
    if ("preview".equals(action)) {
      previews(model, cohort, sample -> mail.render(template, subject, typedBody, sample));
      model.addAttribute("previewOfTyped", true);
      return "organiser/mail-text";
    }
    try {
      MailText saved = texts.save(cohort.getId(), template, subject, typedBody, baseVersion, organiser.getName());
      return "redirect:/organiser/cohorts/" + slug + "/emails/" + template.name() + "?saved=" + saved.getVersion();
    } catch (MailTexts.InvalidTextException e) {
      model.addAttribute("problems", e.problems());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    } catch (MailTexts.StaleVersionException e) {
      model.addAttribute("problems", List.of(e.getMessage() + " Your text was not saved; it is still in the form "
          + "below. Open version " + e.newest() + " from the history (in another tab), then save your changes "
          + "from there."));
      response.setStatus(HttpServletResponse.SC_CONFLICT);
    }
    return "organiser/mail-text";
  }

  @GetMapping("/organiser/cohorts/{slug}/emails/{name}/versions/{version}")
  String version(@PathVariable String slug, @PathVariable String name, @PathVariable int version, Model model) {
    Cohort cohort = cohorts.bySlug(slug);
    MailTemplate template = template(name);
    MailText text = texts.version(cohort.getId(), template, version);
    model.addAttribute("cohort", cohort);
    model.addAttribute("template", template);
    model.addAttribute("text", text);
    model.addAttribute("newest", texts.current(cohort.getId(), template).map(MailText::getVersion).orElse(0));
    model.addAttribute("preview", mail.render(template, text.getSubject(), text.getBody(), sample(cohort)));
    return "organiser/mail-text-version";
  }

  /** Restores a version as the newest; refused as a stale save when another was saved since the page was shown. */
  @PostMapping("/organiser/cohorts/{slug}/emails/{name}/versions/{version}/restore")
  String restore(@PathVariable String slug, @PathVariable String name, @PathVariable int version,
      @RequestParam(defaultValue = "0") int baseVersion, Principal organiser) {
    Cohort cohort = cohorts.bySlug(slug);
    MailTemplate template = template(name);
    String page = "redirect:/organiser/cohorts/" + slug + "/emails/" + template.name();
    try {
      MailText saved = texts.restore(cohort.getId(), template, version, baseVersion, organiser.getName());
      return page + "?restored=" + version + "&as=" + saved.getVersion();
    } catch (MailTexts.StaleVersionException e) {
      return page + "?stale=" + e.newest();
    }
  }

  private void page(Model model, Cohort cohort, MailTemplate template, MailTexts.Draft draft, int baseVersion) {
    model.addAttribute("cohort", cohort);
    model.addAttribute("template", template);
    model.addAttribute("variables", MailVariables.of(template));
    model.addAttribute("draft", draft);
    model.addAttribute("baseVersion", baseVersion);
    model.addAttribute("history", texts.history(cohort.getId(), template));
  }

  /** The preview with the sample data, and the same email in the other situation when its words differ there. */
  private static void previews(Model model, Cohort cohort,
      Function<Map<String, Object>, MailService.Rendered> render) {
    MailService.Rendered preview = render.apply(sample(cohort));
    MailService.Rendered otherwise = render.apply(otherSample(cohort));
    model.addAttribute("preview", preview);
    if (!otherwise.subject().equals(preview.subject()) || !otherwise.text().equals(preview.text())) {
      model.addAttribute("previewOtherwise", otherwise);
    }
  }

  /** The other situation's sample data of {@link MailPreviewController}, in this cohort. */
  private static Map<String, Object> otherSample(Cohort cohort) {
    Map<String, Object> sample = MailPreviewController.otherSample();
    sample.put("cohort", cohort);
    return sample;
  }

  /** The sample data of {@link MailPreviewController}, in this cohort. */
  private static Map<String, Object> sample(Cohort cohort) {
    Map<String, Object> sample = MailPreviewController.sample();
    sample.put("cohort", cohort);
    return sample;
  }

  private static MailTemplate template(String name) {
    try {
      return MailTemplate.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No email template " + name + ".");
    }
  }
}
