package space.djangonaut.missioncontrol.common;

import java.time.DayOfWeek;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.util.HtmlUtils;

/** What the public forms (applying, volunteering) share. */
public final class PublicForms {

  private PublicForms() {}

  /**
   * People paste answers with stray spaces: trim them before validation ("" stays "", not null), after the line
   * breaks are normalised as on every form ({@link FormText}).
   */
  public static void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new FormText(true));
  }

  /**
   * What {@code fragments/availability :: grid} draws: the days and the three-hour slots (of the person's own clock,
   * in the zone they chose), and the time zones to choose from.
   */
  public static void addAvailabilityGrid(Model model) {
    model.addAttribute("days", DayOfWeek.values());
    model.addAttribute("slotStartHours", WeeklyAvailability.SLOT_START_HOURS);
    model.addAttribute("slotHours", WeeklyAvailability.SLOT_HOURS);
    model.addAttribute("timezones", ProgrammeOptions.TIMEZONES);
  }

  /** Each zone of {@link ProgrammeOptions#TIMEZONES} as an {@code <option>}, escaped once. */
  private static final List<String> ZONE_OPTIONS = ProgrammeOptions.TIMEZONES.stream()
      .map(zone -> "<option value=\"" + HtmlUtils.htmlEscape(zone) + "\">" + HtmlUtils.htmlEscape(zone) + "</option>")
      .toList();

  /**
   * The {@code <option>}s of the time zone list ({@link ProgrammeOptions#TIMEZONES}, in that order) with
   * {@code selected} marked, as HTML: about 430 options, each escaped once when the class loads. Drawing them with
   * {@code th:each} cost three SpEL evaluations per zone on every showing of the form, about a third of the
   * request's time.
   *
   * @param selected the zone chosen so far, or null or any other text for none
   */
  public static String zoneOptions(String selected) {
    int chosen = selected == null ? -1 : ProgrammeOptions.TIMEZONES.indexOf(selected);
    StringBuilder html = new StringBuilder(ZONE_OPTIONS.size() * 60);
    for (int i = 0; i < ZONE_OPTIONS.size(); i++) {
      String option = ZONE_OPTIONS.get(i);
      html.append(i == chosen ? option.replaceFirst("\">", "\" selected>") : option).append('\n');
    }
    return html.toString();
  }

  /**
   * "Show my hours in this time zone" (the {@code showZone} button, for people without JavaScript): the form is drawn
   * again with the grid labelled in the chosen zone, keeping what was typed; only a time zone error is shown, the
   * other fields are not complained about yet.
   *
   * @return the binding result to draw the form with, under the model's {@code form}
   */
  public static BindingResult onlyZoneErrors(Object form, BindingResult errors, Model model) {
    BindingResult zoneOnly = new BeanPropertyBindingResult(form, "form");
    errors.getFieldErrors().stream().filter(e -> e.getField().startsWith("timezone"))
        .forEach(zoneOnly::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", zoneOnly);
    return zoneOnly;
  }
}
