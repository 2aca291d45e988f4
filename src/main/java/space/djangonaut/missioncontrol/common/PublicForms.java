package space.djangonaut.missioncontrol.common;

import java.time.DayOfWeek;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;

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

  /** What {@code fragments/availability :: grid} draws: the days and the three-hour UTC slots. */
  public static void addAvailabilityGrid(Model model) {
    model.addAttribute("days", DayOfWeek.values());
    model.addAttribute("slotStartHours", WeeklyAvailability.SLOT_START_HOURS);
    model.addAttribute("slotHours", WeeklyAvailability.SLOT_HOURS);
  }
}
