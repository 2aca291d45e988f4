package space.djangonaut.missioncontrol.mail;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisers see every email and its delivery, and retry those that failed for good or that the mail server
 * refused (with the server's reason).
 */
@Controller
class OutboxController {

  private final OutboxEmailRepository outbox;
  private final MailDispatcher dispatcher;

  OutboxController(OutboxEmailRepository outbox, MailDispatcher dispatcher) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
  }

  @GetMapping("/organiser/outbox")
  String outbox(Model model) {
    model.addAttribute("failed", outbox.findByStatusInOrderById(
        List.of(OutboxEmail.Status.REFUSED, OutboxEmail.Status.FAILED)));
    model.addAttribute("pending", outbox.findByStatusOrderById(OutboxEmail.Status.PENDING));
    model.addAttribute("recent", outbox.findTop200ByOrderByIdDesc());
    return "organiser/outbox";
  }

  @PostMapping("/organiser/outbox/{id}/retry")
  String retry(@PathVariable long id, RedirectAttributes redirect) {
    dispatcher.retry(id);
    OutboxEmail email = outbox.findById(id).orElseThrow();
    redirect.addFlashAttribute("message", "Email to " + email.getRecipient() + ": "
        + email.getStatus().name().toLowerCase() + ".");
    return "redirect:/organiser/outbox";
  }
}
