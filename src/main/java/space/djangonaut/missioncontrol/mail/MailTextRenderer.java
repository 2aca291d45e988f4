package space.djangonaut.missioncontrol.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * An organiser's email text (a subject, and a body in Markdown with {@code {{variable}}} placeholders) checked and
 * turned into an email. Nothing in the text is evaluated: placeholders are looked up by name in a fixed list of
 * values, and everything else is literal text ({@code ${...}}, {@code [[...]]}, {@code th:} attributes included).
 *
 * <ul>
 *   <li>The plain-text part is the Markdown source with the values filled in.</li>
 *   <li>The HTML part is the Markdown rendered by commonmark-java, the values put into the parsed document (so a
 *       value is never read as Markdown) and HTML-escaped by its renderer. Raw HTML in the organiser's Markdown is
 *       <em>escaped</em> (shown as the literal text it is), never passed through; links other than http(s) and
 *       mailto are dropped ({@code sanitizeUrls}). A link variable written on its own becomes a link to itself.</li>
 * </ul>
 */
public final class MailTextRenderer {

  /** At most this many characters in a subject, as typed and as sent. */
  public static final int MAX_SUBJECT = 300;
  /** At most this many characters in a body, as typed. */
  public static final int MAX_BODY = 20_000;

  /** A well-formed placeholder: {@code {{name}}}, spaces allowed inside the braces. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
  /**
   * A section's tag: {@code {{#name}}} opens a part shown only when the variable has a value, {@code {{^name}}} one
   * shown only when it has none, {@code {{/name}}} closes either (Mustache's logic-less sections).
   */
  static final Pattern SECTION_TAG = Pattern.compile("\\{\\{\\s*([#^/])\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
  /** A section with no other section inside it: its kind, its name and what it holds. */
  private static final Pattern INNERMOST_SECTION = Pattern.compile(
      "\\{\\{\\s*([#^])\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}((?:(?!\\{\\{\\s*[#^]).)*?)\\{\\{\\s*/\\s*\\2\\s*}}",
      Pattern.DOTALL);
  /** Anything that starts like a placeholder, up to its closing braces if there are any on the line. */
  private static final Pattern OPENING = Pattern.compile("\\{\\{([^\\n]*?)}}|\\{\\{");

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private MailTextRenderer() {}

  /**
   * Why this text cannot be saved for this template: a blank or multi-line subject, a text too long, a malformed
   * placeholder, a variable the template does not offer, or a required one the body does not use. Each reason is one
   * sentence naming the field ({@code subject:} or {@code body:}).
   *
   * @return the reasons, empty if the text is fine
   */
  public static List<String> problems(MailTemplate template, String subject, String body) {
    List<String> problems = new ArrayList<>();
    if (subject == null || subject.isBlank()) {
      problems.add("subject: write a subject.");
    } else if (subject.contains("\n") || subject.contains("\r")) {
      problems.add("subject: a subject is one line.");
    } else if (subject.length() > MAX_SUBJECT) {
      problems.add("subject: at most " + MAX_SUBJECT + " characters (this one has " + subject.length() + ").");
    }
    if (body == null || body.isBlank()) {
      problems.add("body: write the email's text.");
    } else if (body.length() > MAX_BODY) {
      problems.add("body: at most " + MAX_BODY + " characters (this one has " + body.length() + ").");
    }
    Set<String> used = new LinkedHashSet<>();
    placeholderProblems(template, "subject", subject, used, problems);
    placeholderProblems(template, "body", body, used, problems);
    sectionProblems("subject", subject, problems);
    sectionProblems("body", body, problems);
    Set<String> always = alwaysShownPlaceholders(template, body);
    for (MailVariable variable : MailVariables.of(template)) {
      if (variable.required() && !placeholders(body).contains(variable.name())) {
        problems.add("body: this email must give {{" + variable.name() + "}} (" + variable.meaning() + ").");
      } else if (variable.required() && !always.contains(variable.name())) {
        problems.add("body: this email must give {{" + variable.name() + "}} (" + variable.meaning()
            + "), outside any part shown only sometimes.");
      }
    }
    if (problems.stream().anyMatch(p -> p.contains("not a variable of") || p.contains("not a placeholder"))) {
      problems.add("The variables of this email are: " + MailVariables.of(template).stream()
          .map(v -> "{{" + v.name() + "}}").collect(Collectors.joining(", ")) + ".");
    }
    return problems;
  }

  private static void placeholderProblems(MailTemplate template, String field, String text, Set<String> used,
      List<String> problems) {
    if (text == null) {
      return;
    }
    Matcher opening = OPENING.matcher(text);
    while (opening.find()) {
      Matcher placeholder = PLACEHOLDER.matcher(opening.group());
      Matcher section = SECTION_TAG.matcher(opening.group());
      if (section.matches()) {
        if (MailVariables.find(template, section.group(2)).isEmpty()) {
          problems.add(field + ": {{" + section.group(1) + section.group(2) + "}} is not a variable of this email.");
        }
      } else if (!placeholder.matches()) {
        problems.add(field + ": \"" + shorten(opening.group()) + "\" is not a placeholder: write a variable's name "
            + "between double braces, such as {{name}}.");
      } else if (MailVariables.find(template, placeholder.group(1)).isEmpty()) {
        problems.add(field + ": {{" + placeholder.group(1) + "}} is not a variable of this email.");
      } else {
        used.add(placeholder.group(1));
      }
    }
  }

  /** A section's tag or a placeholder, in the order of the text. */
  private static final Pattern TAG_OR_PLACEHOLDER = Pattern.compile(SECTION_TAG.pattern() + "|"
      + PLACEHOLDER.pattern());

  /**
   * The names of the placeholders shown whatever the values: outside every section, or only inside
   * {@code {{#name}}} sections of required variables (which always have a value). A required link inside
   * {@code {{^offerLink}}} or {@code {{#fromWaitlist}}} is not shown in every email.
   */
  private static Set<String> alwaysShownPlaceholders(MailTemplate template, String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text == null) {
      return names;
    }
    Set<String> required = MailVariables.of(template).stream().filter(MailVariable::required)
        .map(MailVariable::name).collect(Collectors.toSet());
    Deque<String> open = new ArrayDeque<>();
    int sometimes = 0;
    Matcher tag = TAG_OR_PLACEHOLDER.matcher(text);
    while (tag.find()) {
      if (tag.group(1) == null) {
        if (sometimes == 0) {
          names.add(tag.group(3));
        }
      } else if (!tag.group(1).equals("/")) {
        boolean alwaysShown = tag.group(1).equals("#") && required.contains(tag.group(2));
        open.push(alwaysShown ? "#" : "?");
        sometimes += alwaysShown ? 0 : 1;
      } else if (!open.isEmpty() && open.pop().equals("?")) {
        sometimes--;
      }
    }
    return names;
  }

  /** Each section tag that closes no open section, and each section never closed, in the order of the text. */
  private static void sectionProblems(String field, String text, List<String> problems) {
    if (text == null) {
      return;
    }
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = SECTION_TAG.matcher(text);
    while (tag.find()) {
      String name = tag.group(2);
      if (!tag.group(1).equals("/")) {
        open.push(name);
      } else if (name.equals(open.peek())) {
        open.pop();
      } else {
        problems.add(field + ": {{/" + name + "}} closes no part: open it with {{#" + name + "}} or {{^" + name
            + "}}.");
        return;
      }
    }
    for (String name : open) {
      problems.add(field + ": {{#" + name + "}} is not closed: end the part shown only then with {{/" + name
          + "}}.");
    }
  }

  /**
   * The text with its sections resolved against the values, innermost first: a {@code {{#name}}} part kept when the
   * variable has a value, a {@code {{^name}}} part when it has none, the tags removed. Values are not in the text
   * yet, so a value is never read as a section. Where a tag was, line breaks beyond a blank line are dropped (a
   * tag on its own line leaves no extra blank line); the organiser's own line breaks elsewhere (in a code block,
   * say) are kept.
   */
  static String resolveSections(String text, Map<String, String> values) {
    String mark = String.valueOf(unusedCharacter(text));
    String resolved = text;
    boolean resolvedAny = false;
    while (true) {
      Matcher section = INNERMOST_SECTION.matcher(resolved);
      if (!section.find()) {
        break;
      }
      resolvedAny = true;
      StringBuilder next = new StringBuilder();
      do {
        boolean hasValue = !values.getOrDefault(section.group(2), "").isEmpty();
        boolean shown = section.group(1).equals("#") == hasValue;
        section.appendReplacement(next, Matcher.quoteReplacement(mark + (shown ? section.group(3) : "") + mark));
      } while (section.find());
      section.appendTail(next);
      resolved = next.toString();
    }
    if (!resolvedAny) {
      return resolved;
    }
    Matcher where = Pattern.compile("\n*" + Pattern.quote(mark) + "[\n" + Pattern.quote(mark) + "]*")
        .matcher(resolved);
    StringBuilder collapsed = new StringBuilder();
    while (where.find()) {
      long breaks = where.group().chars().filter(c -> c == '\n').count();
      where.appendReplacement(collapsed, "\n".repeat((int) Math.min(breaks, 2)));
    }
    where.appendTail(collapsed);
    return collapsed.toString();
  }

  /** A private-use character the text does not contain, to mark where a section's tags were. */
  private static char unusedCharacter(String text) {
    for (char c = '\uE000'; c < '\uF8FF'; c++) {
      if (text.indexOf(c) < 0) {
        return c;
      }
    }
    throw new IllegalArgumentException("A text of " + text.length() + " characters uses every private-use one.");
  }

  private static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  /** The names of the well-formed placeholders in a text. */
  static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /**
   * The email this text makes with these values: its sections resolved ({@link #resolveSections}), then its
   * placeholders filled. The text is assumed to pass {@link #problems}; a placeholder without a value becomes empty.
   *
   * @param values each variable's value, as text (links with the base URL)
   * @param links the names of the variables that are links
   */
  public static MailService.Rendered render(String subject, String shownBody, Map<String, String> values,
      Set<String> links) {
    String body = resolveSections(shownBody, values);
    String filledSubject = fill(resolveSections(subject, values), values).replaceAll("[\\r\\n]+", " ").strip();
    if (filledSubject.length() > MAX_SUBJECT) {
      filledSubject = filledSubject.substring(0, MAX_SUBJECT - 1) + "…";
    }
    String text = fill(body, values);
    Node document = PARSER.parse(body);
    document.accept(new Filler(values, links));
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>"
        + HtmlUtils.htmlEscape(filledSubject) + "</title></head>\n"
        + "<body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;\">\n"
        + HTML.render(document) + "</body>\n</html>\n";
    return new MailService.Rendered(filledSubject, text, html);
  }

  /** The text with each placeholder replaced by its value, in one pass: a value is never read for placeholders. */
  static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** Puts the values into the parsed Markdown, where the HTML renderer escapes them like any text. */
  private static final class Filler extends AbstractVisitor {

    private final Map<String, String> values;
    private final Set<String> links;

    Filler(Map<String, String> values, Set<String> links) {
      this.values = values;
      this.links = links;
    }

    @Override
    public void visit(Text text) {
      String literal = text.getLiteral();
      Matcher matcher = PLACEHOLDER.matcher(literal);
      if (!matcher.find()) {
        return;
      }
      boolean inLink = insideLink(text);
      StringBuilder plain = new StringBuilder();
      int last = 0;
      do {
        plain.append(literal, last, matcher.start());
        String name = matcher.group(1);
        String value = values.getOrDefault(name, "");
        if (links.contains(name) && !inLink && !value.isEmpty()) {
          flush(text, plain);
          Link link = new Link(value, null);
          link.appendChild(new Text(value));
          text.insertBefore(link);
        } else {
          plain.append(value);
        }
        last = matcher.end();
      } while (matcher.find());
      plain.append(literal.substring(last));
      flush(text, plain);
      text.unlink();
    }

    private static void flush(Text before, StringBuilder plain) {
      if (!plain.isEmpty()) {
        before.insertBefore(new Text(plain.toString()));
        plain.setLength(0);
      }
    }

    private static boolean insideLink(Node node) {
      for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
        if (parent instanceof Link) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void visit(Code code) {
      code.setLiteral(fill(code.getLiteral(), values));
    }

    @Override
    public void visit(FencedCodeBlock block) {
      block.setLiteral(fill(block.getLiteral(), values));
    }

    @Override
    public void visit(IndentedCodeBlock block) {
      block.setLiteral(fill(block.getLiteral(), values));
    }

    @Override
    public void visit(HtmlInline html) {
      html.setLiteral(fill(html.getLiteral(), values));
    }

    @Override
    public void visit(HtmlBlock html) {
      html.setLiteral(fill(html.getLiteral(), values));
    }

    @Override
    public void visit(Link link) {
      link.setDestination(fill(link.getDestination(), values));
      if (link.getTitle() != null) {
        link.setTitle(fill(link.getTitle(), values));
      }
      visitChildren(link);
    }

    @Override
    public void visit(Image image) {
      image.setDestination(fill(image.getDestination(), values));
      if (image.getTitle() != null) {
        image.setTitle(fill(image.getTitle(), values));
      }
      visitChildren(image);
    }
  }
}
