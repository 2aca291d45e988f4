package space.djangonaut.missioncontrol.common;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisers see the accounts that wrong passwords made wait (through any door) and unlock one at once. An
 * organiser locked out themselves need not wait for another: the wait ends on its own (at most 15 minutes). They may
 * also set the time zone an account reads availability in ({@link DisplayZone#choose}), for someone who asks; a zone
 * outside the offered list or an unknown account is refused with HTTP 400 and the field and reason on the page.
 */
@Controller
class OrganiserAccountsController {

  /**
   * The zone form's text reaches {@link DisplayZone#choose}, which refuses a NUL (as anything not offered) on its
   * field, on this page; the common binding would refuse it first with a bare 400.
   */
  @InitBinder({"zone", "userId"})
  void letTheZoneCheckRefuseANul(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new FormText(false, false));
  }

  private final Accounts accounts;
  private final Clock clock;
  private final DisplayZone displayZone;

  OrganiserAccountsController(Accounts accounts, Clock clock, DisplayZone displayZone) {
    this.accounts = accounts;
    this.clock = clock;
    this.displayZone = displayZone;
  }

  @GetMapping("/organiser/accounts")
  String accounts(Model model) {
    fill(model);
    return "organiser/accounts";
  }

  @PostMapping("/organiser/accounts/zone")
  String zone(@RequestParam(required = false) String userId, @RequestParam(required = false) String zone,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    String account = userId == null ? null : userId.strip();
    try {
      displayZone.choose(account, zone);
    } catch (DisplayZone.ZoneRefusedException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("zoneError", e.getMessage());
      model.addAttribute("typedUserId", userId);
      model.addAttribute("typedZone", zone);
      fill(model);
      return "organiser/accounts";
    }
    redirect.addFlashAttribute("message", account + " now reads availability in "
        + displayZone.of(account).getId() + ".");
    return "redirect:/organiser/accounts";
  }

  private void fill(Model model) {
    model.addAttribute("locks", accounts.signInLocks());
    model.addAttribute("now", clock.instant());
    model.addAttribute("zones", ProgrammeOptions.TIMEZONES);
    model.addAttribute("fallback", displayZone.fallback().getId());
  }

  @PostMapping("/organiser/accounts/{userId}/unlock")
  String unlock(@PathVariable String userId, Principal organiser, RedirectAttributes redirect) {
    accounts.unlock(userId, organiser.getName());
    redirect.addFlashAttribute("message", userId + " can sign in again now.");
    return "redirect:/organiser/accounts";
  }
}
