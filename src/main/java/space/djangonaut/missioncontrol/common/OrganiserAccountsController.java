package space.djangonaut.missioncontrol.common;

import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisers see the accounts that wrong passwords made wait (through any door) and unlock one at once. An
 * organiser locked out themselves need not wait for another: the wait ends on its own (at most 15 minutes).
 */
@Controller
class OrganiserAccountsController {

  private final Accounts accounts;
  private final Clock clock;

  OrganiserAccountsController(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @GetMapping("/organiser/accounts")
  String accounts(Model model) {
    model.addAttribute("locks", accounts.signInLocks());
    model.addAttribute("now", clock.instant());
    return "organiser/accounts";
  }

  @PostMapping("/organiser/accounts/{userId}/unlock")
  String unlock(@PathVariable String userId, Principal organiser, RedirectAttributes redirect) {
    accounts.unlock(userId, organiser.getName());
    redirect.addFlashAttribute("message", userId + " can sign in again now.");
    return "redirect:/organiser/accounts";
  }
}
