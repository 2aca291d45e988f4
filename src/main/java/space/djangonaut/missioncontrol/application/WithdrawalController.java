package space.djangonaut.missioncontrol.application;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * The personal link in a Djangonaut's emails to withdraw: GET shows a confirmation page (nothing changes), POST (a
 * plain form with its CSRF token, no JavaScript needed) withdraws, and a kind page follows. A link used again shows
 * that they have withdrawn; an unknown one answers 404.
 */
@Controller
class WithdrawalController {

  private final WithdrawalService withdrawals;

  WithdrawalController(WithdrawalService withdrawals) {
    this.withdrawals = withdrawals;
  }

  @GetMapping("/withdraw/{token}")
  String confirm(@PathVariable String token, Model model) {
    model.addAttribute("withdrawal", withdrawals.view(token));
    model.addAttribute("token", token);
    return "withdraw/withdraw";
  }

  @PostMapping("/withdraw/{token}")
  String withdraw(@PathVariable String token, Model model, HttpServletResponse response) {
    WithdrawalService.WithdrawalView view = withdrawals.withdrawByLink(token);
    if (view.state() == WithdrawalService.WithdrawalState.OVER) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
    }
    model.addAttribute("withdrawal", view);
    model.addAttribute("token", token);
    return "withdraw/withdraw";
  }

  @ExceptionHandler(NotFoundException.class)
  String unknown(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("withdrawal", null);
    return "withdraw/withdraw";
  }
}
