package space.djangonaut.missioncontrol.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** In the default run, organisers read what the embedded SMTP sink received. */
@Controller
@Profile("default")
class MailboxController {

  private final GreenMail smtpSink;

  MailboxController(GreenMail smtpSink) {
    this.smtpSink = smtpSink;
  }

  @GetMapping("/organiser/mailbox")
  String mailbox(Model model) throws MessagingException {
    List<ReceivedEmail> received = new ArrayList<>();
    MimeMessage[] messages = smtpSink.getReceivedMessages();
    for (int i = messages.length - 1; i >= 0; i--) {
      MimeMessage message = messages[i];
      received.add(new ReceivedEmail(
          Arrays.toString(message.getAllRecipients()),
          message.getSubject(),
          message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
          GreenMailUtil.getBody(message)));
    }
    model.addAttribute("received", received);
    return "organiser/mailbox";
  }

  record ReceivedEmail(String to, String subject, String date, String rawBody) {}
}
