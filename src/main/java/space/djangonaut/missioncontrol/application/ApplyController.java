package space.djangonaut.missioncontrol.application;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.FormPage;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.PublicForms;

/**
 * The public application form of a cohort, drawn on the server from the deployed Camunda Form {@code apply}
 * ({@link ApplyFormSchema}, {@link ApplyPage}); works without JavaScript. The known questions bind to
 * {@link ApplicationForm} and its Bean Validation; the others are validated from the schema and stored as JSON.
 */
@Controller
class ApplyController {

  static final String FORM_VIEW = "apply/form";
  static final String CLOSED_VIEW = "apply/closed";

  private final ApplicationService applications;
  private final CohortService cohorts;
  private final ProgrammeOptions options;
  private final Clock clock;
  private final ApplyForms applyForms;
  private final org.springframework.context.MessageSource messages;

  ApplyController(ApplicationService applications, CohortService cohorts, ProgrammeOptions options, Clock clock,
      ApplyForms applyForms, org.springframework.context.MessageSource messages) {
    this.applyForms = applyForms;
    this.messages = messages;
    this.applications = applications;
    this.cohorts = cohorts;
    this.options = options;
    this.clock = clock;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    PublicForms.trimStrings(binder);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("projects", options.projects());
    model.addAttribute("experiences", DjangoExperience.values());
    PublicForms.addAvailabilityGrid(model);
  }

  @GetMapping("/cohorts/{slug}/apply")
  String form(@PathVariable String slug, Model model, HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    if (!cohort.isAcceptingApplicationsAt(clock.instant())) {
      return CLOSED_VIEW;
    }
    ApplicationForm form = new ApplicationForm();
    form.setAvailability(List.of());
    model.addAttribute("form", form);
    return page(schemaFor(cohort), new BeanPropertyBindingResult(form, "form"), ApplyPage.nothingSent(), model);
  }

  /**
   * The form the cohort asks: the version it opened with (pinned the first time its page is shown while it takes
   * applications), or the latest while it does not take them. A version whose deployment was deleted gives way to
   * the latest.
   */
  private ApplyFormSchema schemaFor(Cohort cohort) {
    ApplyFormSchema latest = applyForms.latest();
    if (!cohort.isAcceptingApplicationsAt(clock.instant())) {
      return latest;
    }
    int version = cohorts.applyFormVersion(cohort, latest.version());
    return version == latest.version() ? latest : applyForms.version(version).orElse(latest);
  }

  /** The page drawn from the deployed schema, with what was typed and what is wrong. */
  private String page(ApplyFormSchema schema, BindingResult bound, FormSchema.Answers others, Model model) {
    java.util.function.Function<org.springframework.validation.ObjectError, String> text =
        error -> messages.getMessage(error, java.util.Locale.ENGLISH);
    List<FormPage.Field> fields = ApplyPage.fields(schema, bound, others, options.projects(), text);
    model.addAttribute("fields", fields);
    model.addAttribute("problems", ApplyPage.problems(fields, bound, text));
    return FORM_VIEW;
  }

  /** An optional question the deployed form no longer asks is not taken from the request either. */
  private static void dropUnasked(ApplyFormSchema schema, ApplicationForm form) {
    java.util.Set<String> asked = new java.util.HashSet<>();
    schema.questions().forEach(q -> asked.add(q.key()));
    if (!asked.contains("pronouns")) {
      form.setPronouns(null);
    }
    if (!asked.contains("chatHandle")) {
      form.setChatHandle(null);
    }
    if (!asked.contains("shareContact")) {
      form.setShareContact(false);
    }
  }

  @PostMapping("/cohorts/{slug}/apply")
  String submit(@PathVariable String slug, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
      @RequestParam(name = "showZone", required = false) String showZone, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    Cohort cohort = cohorts.bySlug(slug);
    model.addAttribute("cohort", cohort);
    ApplyFormSchema schema = schemaFor(cohort);
    dropUnasked(schema, form);
    FormSchema.Answers others = schema.validate(request.getParameterMap());
    if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
      // Only bots fill in the hidden field: look like success, keep nothing.
      return "redirect:/cohorts/" + slug + "/applied";
    }
    if (showZone != null) {
      BindingResult zoneOnly = PublicForms.onlyZoneErrors(form, errors, model);
      if (zoneOnly.hasErrors()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return page(schema, zoneOnly, new FormSchema.Answers(others.typed(), others.given(), Map.of()), model);
    }
    if (form.getProject() != null && !options.projects().contains(form.getProject())) {
      errors.rejectValue("project", "unknown", "Choose a project from the list.");
    }
    if (errors.hasErrors() || !others.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(schema, errors, others, model);
    }
    try {
      applications.submit(slug, form, others.typed(), schema.version());
    } catch (ApplicationService.WindowClosedException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return CLOSED_VIEW;
    } catch (ApplicationService.DuplicateApplicationException | DataIntegrityViolationException e) {
      errors.reject("duplicate", "We already have an application from " + form.getEmail().strip()
          + " for " + cohort.getName() + ". There is no need to apply again: we will write to you.");
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return page(schema, errors, others, model);
    }
    return "redirect:/cohorts/" + slug + "/applied";
  }

  @GetMapping("/cohorts/{slug}/applied")
  String applied(@PathVariable String slug, Model model) {
    model.addAttribute("cohort", cohorts.bySlug(slug));
    return "apply/applied";
  }
}
