package space.djangonaut.missioncontrol.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.common.FormText;
import space.djangonaut.missioncontrol.common.NotFoundException;

/**
 * The organisers' texts of a cohort's emails, and their history. A cohort's email uses the newest saved version
 * of its template, or the default template when it has none; another cohort's texts never apply.
 */
@Service
public class MailTexts {

  private final MailTextRepository texts;
  private final Clock clock;

  MailTexts(MailTextRepository texts, Clock clock) {
    this.texts = texts;
    this.clock = clock;
  }

  /** The text this cohort's emails of this template use now, if an organiser saved one. */
  @Transactional(readOnly = true)
  public Optional<MailText> current(long cohortId, MailTemplate template) {
    return texts.findFirstByCohortIdAndTemplateOrderByVersionDesc(cohortId, template);
  }

  /** The newest saved text of each template this cohort changed. */
  @Transactional(readOnly = true)
  public Map<MailTemplate, MailText> currentByTemplate(long cohortId) {
    Map<MailTemplate, MailText> current = new EnumMap<>(MailTemplate.class);
    for (MailText text : texts.findByCohortIdOrderByTemplateAscVersionDesc(cohortId)) {
      current.putIfAbsent(text.getTemplate(), text);
    }
    return current;
  }

  /** Every saved version of a template for this cohort, newest first. */
  @Transactional(readOnly = true)
  public List<MailText> history(long cohortId, MailTemplate template) {
    return texts.findByCohortIdAndTemplateOrderByVersionDesc(cohortId, template);
  }

  /**
   * One saved version.
   *
   * @throws NotFoundException if the cohort has no such version of the template
   */
  @Transactional(readOnly = true)
  public MailText version(long cohortId, MailTemplate template, int version) {
    return texts.findByCohortIdAndTemplateAndVersion(cohortId, template, version)
        .orElseThrow(() -> new NotFoundException("No version " + version + " of this email."));
  }

  /**
   * Saves a text as the next version, the one the cohort's emails use from now on.
   *
   * @param baseVersion the version the organiser started from (0: the default template); the save is refused if
   *     another version was saved since
   * @param writtenBy the organiser's user id
   * @throws InvalidTextException with the reasons, if {@link MailTextRenderer#problems} finds any
   * @throws StaleVersionException if the newest version is no longer {@code baseVersion}
   */
  @Transactional
  public MailText save(long cohortId, MailTemplate template, String subject, String body, int baseVersion,
      String writtenBy) {
    String normalisedBody = FormText.normaliseLineBreaks(body);
    List<String> problems = MailTextRenderer.problems(template, subject, normalisedBody);
    if (!problems.isEmpty()) {
      throw new InvalidTextException(problems);
    }
    return write(cohortId, template, subject.strip(), normalisedBody, baseVersion, writtenBy, null);
  }

  /**
   * Saves an earlier version again as the next version (the history keeps every version in between).
   *
   * @throws NotFoundException if there is no such version
   * @throws StaleVersionException if the newest version is no longer {@code baseVersion}
   */
  @Transactional
  public MailText restore(long cohortId, MailTemplate template, int version, int baseVersion, String writtenBy) {
    MailText old = version(cohortId, template, version);
    return write(cohortId, template, old.getSubject(), old.getBody(), baseVersion, writtenBy, version);
  }

  private MailText write(long cohortId, MailTemplate template, String subject, String body, int baseVersion,
      String writtenBy, Integer restoredFrom) {
    int newest = current(cohortId, template).map(MailText::getVersion).orElse(0);
    if (newest != baseVersion) {
      throw new StaleVersionException(baseVersion, newest);
    }
    try {
      // Two saves from the same version that both got past the check: the unique version refuses the later one.
      return texts.saveAndFlush(new MailText(cohortId, template, newest + 1, subject, body, writtenBy,
          clock.instant(), restoredFrom));
    } catch (DataIntegrityViolationException e) {
      throw new StaleVersionException(baseVersion, newest + 1);
    }
  }

  /**
   * A Markdown text to start from for a template the cohort has not changed: the default template's words, with
   * its variables as placeholders ({@code mail-texts/<template>.md} on the class path).
   */
  public static Draft starter(MailTemplate template) {
    String body;
    try (InputStream in = new ClassPathResource("mail-texts/" + template.templateName() + ".md").getInputStream()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      body = "Hello {{name}},\n\n\n\nWarmly,  \nThe Djangonaut Space organisers\n";
    }
    return new Draft(template.subjectTemplate(), body);
  }

  /** A subject and body as typed, saved or not. */
  public record Draft(String subject, String body) {}

  /** The text cannot be saved; each reason names its field. */
  public static class InvalidTextException extends RuntimeException {
    private final List<String> problems;

    InvalidTextException(List<String> problems) {
      super(String.join(" ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Another version was saved since the organiser opened theirs. */
  public static class StaleVersionException extends RuntimeException {
    private final int newest;

    StaleVersionException(int baseVersion, int newest) {
      super("This email was changed since you opened it: you started from "
          + (baseVersion == 0 ? "the default text" : "version " + baseVersion) + ", and version " + newest
          + " has been saved since.");
      this.newest = newest;
    }

    /** The newest version when the save was refused. */
    public int newest() {
      return newest;
    }
  }
}
