package space.djangonaut.missioncontrol.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders an email from its HTML and plain-text templates, sends it over SMTP and records it. */
@Service
public class MailService {

  private final JavaMailSender sender;
  private final TemplateEngine templates;
  private final SentEmailRepository sent;
  private final MailProperties properties;
  private final Clock clock;

  MailService(JavaMailSender sender, TemplateEngine templates, SentEmailRepository sent, MailProperties properties,
      Clock clock) {
    this.sender = sender;
    this.templates = templates;
    this.sent = sent;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Sends one email. An SMTP failure is thrown as Spring's {@code MailException}: callers in a process let the
   * engine retry the job.
   */
  @Transactional
  public SentEmail send(String to, MailTemplate template, Map<String, Object> model, String processInstanceId) {
    Rendered rendered = render(template, model);
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(to);
      helper.setSubject(rendered.subject());
      helper.setText(rendered.text(), rendered.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not build the " + template + " email", e);
    }
    sender.send(message);
    return sent.save(new SentEmail(to, template, rendered.subject(), processInstanceId, clock.instant()));
  }

  /** The subject, plain text and HTML of a template with this model; user input is escaped in both forms. */
  public Rendered render(MailTemplate template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("baseUrl", properties.baseUrl());
    Context context = new Context(Locale.ENGLISH, variables);
    String html = templates.process("mail/" + template.templateName(), context);
    String text = templates.process("mail/" + template.templateName() + ".txt", context);
    return new Rendered(template.subject(model), text, html);
  }

  public record Rendered(String subject, String text, String html) {}
}
