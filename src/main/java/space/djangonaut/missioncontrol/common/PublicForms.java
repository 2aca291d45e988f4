package space.djangonaut.missioncontrol.common;

import java.time.DayOfWeek;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;

/** What the public forms (applying, volunteering) share. */
public final class PublicForms {

  private PublicForms() {}

  /** People paste answers with stray spaces: trim them before validation ("" stays "", not null). */
  public static void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
  }

  /** What {@code fragments/availability :: grid} draws: the days and the three-hour UTC slots. */
  public static void addAvailabilityGrid(Model model) {
    model.addAttribute("days", DayOfWeek.values());
    model.addAttribute("slotStartHours", WeeklyAvailability.SLOT_START_HOURS);
    model.addAttribute("slotHours", WeeklyAvailability.SLOT_HOURS);
  }
}
