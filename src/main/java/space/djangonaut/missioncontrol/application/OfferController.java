package space.djangonaut.missioncontrol.application;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The personal link in an offer email: accept or decline the place, once, before the deadline. */
@Controller
class OfferController {

  private final OfferService offers;

  OfferController(OfferService offers) {
    this.offers = offers;
  }

  @GetMapping("/offers/{token}")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    OfferService.OfferView view = offers.view(token);
    model.addAttribute("offer", view);
    model.addAttribute("token", token);
    if (view.state() == OfferService.OfferState.EXPIRED) {
      response.setStatus(HttpServletResponse.SC_GONE);
    }
    return "offer/offer";
  }

  @PostMapping("/offers/{token}")
  String answer(@PathVariable String token, @RequestParam String answer, Model model) {
    if (!answer.equals("accept") && !answer.equals("decline")) {
      throw new IllegalArgumentException("answer must be accept or decline");
    }
    model.addAttribute("offer", offers.answer(token, answer.equals("accept")));
    return "offer/offer";
  }

  @ExceptionHandler(OfferService.OfferUnavailableException.class)
  String unavailable(OfferService.OfferUnavailableException e, Model model, HttpServletResponse response) {
    response.setStatus(switch (e.state()) {
      case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
      case EXPIRED -> HttpServletResponse.SC_GONE;
      default -> HttpServletResponse.SC_CONFLICT;
    });
    model.addAttribute("state", e.state());
    return "offer/unavailable";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  String badAnswer(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("state", OfferService.OfferState.UNKNOWN);
    return "offer/unavailable";
  }
}
