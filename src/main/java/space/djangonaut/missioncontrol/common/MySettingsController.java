package space.djangonaut.missioncontrol.common;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in person's own settings ({@code /my/settings}): the time zone in which they read people's
 * availability, from the zones the public forms offer ({@link ProgrammeOptions#TIMEZONES}), or none (then the
 * fallback, {@code missioncontrol.display-zone}). A zone outside the list is refused with HTTP 400 and the field and
 * reason on the page; the zone kept before stays.
 */
@Controller
class MySettingsController {

  /**
   * The zone form's text reaches {@link DisplayZone#choose}, which refuses a NUL (as anything not offered) on its
   * field, on this page; the common binding would refuse it first with a bare 400.
   */
  @InitBinder("zone")
  void letTheZoneCheckRefuseANul(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new FormText(false, false));
  }

  private final DisplayZone displayZone;

  MySettingsController(DisplayZone displayZone) {
    this.displayZone = displayZone;
  }

  @GetMapping("/my/settings")
  String settings(Principal user, Model model) {
    fill(user.getName(), model);
    return "my/settings";
  }

  @PostMapping("/my/settings")
  String chooseZone(@RequestParam(required = false) String zone, Principal user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      displayZone.choose(user.getName(), zone);
    } catch (DisplayZone.ZoneRefusedException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("zoneError", e.getMessage());
      fill(user.getName(), model);
      return "my/settings";
    }
    redirect.addFlashAttribute("notice", displayZone.chosenBy(user.getName())
        .map(z -> "You now read availability in " + z.getId() + ", with UTC alongside.")
        .orElse("You now read availability in " + displayZone.fallback().getId() + ", the default."));
    return "redirect:/my/settings";
  }

  private void fill(String userId, Model model) {
    model.addAttribute("chosen", displayZone.chosenBy(userId).map(z -> z.getId()).orElse(""));
    model.addAttribute("fallback", displayZone.fallback().getId());
    model.addAttribute("zones", ProgrammeOptions.TIMEZONES);
  }
}
