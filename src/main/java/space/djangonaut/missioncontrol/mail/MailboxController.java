package space.djangonaut.missioncontrol.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * In the default run, organisers read what the embedded SMTP sink received, each email decoded
 * ({@link ReceivedEmail}), newest first. Without a sink (any other profile) the page does not exist.
 */
@Controller
class MailboxController {

  private final ObjectProvider<SmtpSink> smtpSink;

  MailboxController(ObjectProvider<SmtpSink> smtpSink) {
    this.smtpSink = smtpSink;
  }

  @GetMapping("/organiser/mailbox")
  String mailbox(Model model) throws MessagingException, IOException {
    SmtpSink sink = smtpSink.getIfAvailable();
    if (sink == null) {
      throw new NotFoundException("This run has no SMTP sink: emails go to the mail relay (see the outbox).");
    }
    List<ReceivedEmail> received = new ArrayList<>();
    MimeMessage[] messages = sink.receivedMessages();
    // Newest first: the sink gives them in the order they arrived.
    for (int i = messages.length - 1; i >= 0; i--) {
      received.add(ReceivedEmail.of(messages[i]));
    }
    model.addAttribute("received", received);
    return "organiser/mailbox";
  }
}
