package space.djangonaut.missioncontrol.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where an erased person is named in what was written for or about others (process variables, emails to their team,
 * notes): their name as a whole word (so that erasing "Al" leaves "Alan" alone), or their email address, in any case.
 * The name also matches as HTML writes it ({@code O&#39;Brien}). Each mention is replaced by {@link #REPLACEMENT};
 * the text around it stays, so that counts and everyone else's part are kept.
 *
 * @param pattern what a mention looks like
 * @param needles the plain strings a mention contains at least one of, for a coarse search in the database
 *     ({@code like '%needle%'}) before the exact match
 */
public record Mentions(Pattern pattern, List<String> needles) {

  /** What a mention of an erased person becomes. */
  public static final String REPLACEMENT = "(erased)";

  /**
   * The mentions of a person.
   *
   * @param name their name as they gave it (blank: only the address is looked for)
   * @param email their address as stored
   */
  public static Mentions of(String name, String email) {
    List<String> alternatives = new ArrayList<>();
    List<String> needles = new ArrayList<>();
    if (name != null && !name.isBlank()) {
      String strip = name.strip();
      for (String form : List.of(strip, htmlEscaped(strip))) {
        if (!needles.contains(form)) {
          needles.add(form);
          alternatives.add("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])");
        }
      }
    }
    if (email != null && !email.isBlank()) {
      needles.add(email.strip());
      alternatives.add(Pattern.quote(email.strip()));
    }
    Pattern pattern = alternatives.isEmpty() ? Pattern.compile("(?!)")
        : Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new Mentions(pattern, List.copyOf(needles));
  }

  /** Whether the text mentions the person; false for null. */
  public boolean in(String text) {
    return text != null && pattern.matcher(text).find();
  }

  /** The text with every mention replaced; null stays null. */
  public String scrub(String text) {
    return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(REPLACEMENT));
  }

  /** The needles lower-cased, for a case-insensitive {@code like}. */
  public List<String> lowerCaseNeedles() {
    return needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
  }

  private static String htmlEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
