package space.djangonaut.missioncontrol.mentorship;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reads the tickets and pull requests a Navigator lists in a check-in's {@code contributions} field, one per line:
 * {@code [<Djangonaut>:] <ticket or pull request> <state>}, blank lines skipped. A ticket is {@code #35123} or
 * {@code https://code.djangoproject.com/ticket/35123} (Django's Trac), with state {@code progressed} or
 * {@code closed}; a pull request is {@code https://github.com/<owner>/<repo>/pull/<number>} (a trailing
 * {@code /files} and the like, a query or a fragment are dropped), with state {@code opened} or {@code merged}. The
 * Djangonaut, when named, is one of the team's: their full name, or their first name when no one else in the team
 * has it (any case). Links are normalised (https, lower-case owner and repository), so {@code #35123} and its Trac
 * URL are the same ticket.
 */
public final class ContributionLines {

  /** Where Django's tickets live; a ticket's link is this followed by its number. */
  public static final String TRAC_TICKET = "https://code.djangoproject.com/ticket/";

  private static final Pattern LINE = Pattern.compile("(?:(.+?):\\s+)?(\\S+)\\s+(\\S+)");
  private static final Pattern TICKET_NUMBER = Pattern.compile("#(-?\\d+)");
  private static final Pattern TRAC_PATH = Pattern.compile("/ticket/(-?\\d+)/?");
  private static final Pattern PULL_PATH = Pattern.compile("/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/pull/(-?\\d+)(/.*)?");
  private static final String FORMAT = "write a ticket (#35123 or https://code.djangoproject.com/ticket/35123) or a"
      + " pull request (https://github.com/django/django/pull/18000), then its state, optionally after a"
      + " Djangonaut's name and a colon";

  private ContributionLines() {}

  /** A Djangonaut of the team, as a line may name them. */
  public record Djangonaut(long applicationId, String name) {}

  /**
   * One line read: who (null when the line names nobody), what and its state.
   *
   * @param line the line's number, from 1
   * @param number the ticket's or pull request's number (positive)
   * @param url the normalised link: {@value #TRAC_TICKET}N or https://github.com/owner/repo/pull/N
   */
  public record Line(int line, Long applicationId, ContributionKind kind, long number, String url,
      ContributionState state) {}

  /**
   * Reads the lines.
   *
   * @param text what the Navigator typed (null or blank: nothing)
   * @param team the team's Djangonauts, whom a line may name
   * @return the lines in order, blank ones left out
   * @throws BadUserRequestException naming the first line that cannot be read and why, as
   *     {@code contributions, line N: <reason> ("<line>").}: not a ticket or pull request, a ticket number that is
   *     not positive, a link that is not a Trac ticket or a GitHub pull request, an unknown state, a name that is
   *     no Djangonaut of the team, or a line that repeats an earlier one (same Djangonaut, link and state)
   */
  public static List<Line> parse(String text, List<Djangonaut> team) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] rows = text.split("\\R");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      int number = i + 1;
      Matcher matcher = LINE.matcher(row);
      if (!matcher.matches()) {
        throw refusal(number, row, FORMAT);
      }
      Long applicationId = matcher.group(1) == null ? null : djangonaut(matcher.group(1).strip(), team, number, row);
      Line line = reference(matcher.group(2), matcher.group(3), applicationId, number, row);
      for (Line earlier : lines) {
        if (Objects.equals(earlier.applicationId(), line.applicationId()) && earlier.url().equals(line.url())
            && earlier.state() == line.state()) {
          throw refusal(number, row, "it repeats line " + earlier.line() + "; give each " + noun(line.kind())
              + " once a week");
        }
      }
      lines.add(line);
    }
    return lines;
  }

  private static Line reference(String reference, String stateWord, Long applicationId, int number, String row) {
    Matcher ticket = TICKET_NUMBER.matcher(reference);
    if (ticket.matches()) {
      return line(ContributionKind.TICKET, positive(ticket.group(1), "ticket", number, row), null, stateWord,
          applicationId, number, row);
    }
    URI uri;
    try {
      uri = new URI(reference);
    } catch (URISyntaxException e) {
      throw refusal(number, row, "\"" + reference + "\" is not a link (" + e.getReason() + "); " + FORMAT);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty()) {
      throw refusal(number, row, "\"" + reference + "\" is not a ticket number or a web link; " + FORMAT);
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (host.equals("code.djangoproject.com")) {
      Matcher trac = TRAC_PATH.matcher(path);
      if (!trac.matches()) {
        throw refusal(number, row, "a Django ticket's link is https://code.djangoproject.com/ticket/<number>");
      }
      return line(ContributionKind.TICKET, positive(trac.group(1), "ticket", number, row), null, stateWord,
          applicationId, number, row);
    }
    if (host.equals("github.com") || host.equals("www.github.com")) {
      Matcher pull = PULL_PATH.matcher(path);
      if (!pull.matches()) {
        throw refusal(number, row, "a pull request's link is https://github.com/<owner>/<repository>/pull/<number>");
      }
      long pr = positive(pull.group(3), "pull request", number, row);
      String url = "https://github.com/" + pull.group(1).toLowerCase(Locale.ROOT) + "/"
          + pull.group(2).toLowerCase(Locale.ROOT) + "/pull/" + pr;
      return line(ContributionKind.PULL_REQUEST, pr, url, stateWord, applicationId, number, row);
    }
    throw refusal(number, row, "a pull request is one on GitHub (https://github.com/<owner>/<repository>/pull/"
        + "<number>), and a ticket one on Django's Trac; not " + host);
  }

  private static Line line(ContributionKind kind, long reference, String url, String stateWord, Long applicationId,
      int number, String row) {
    ContributionState state = null;
    for (ContributionState candidate : ContributionState.values()) {
      if (candidate.kind() == kind && candidate.word().equalsIgnoreCase(stateWord)) {
        state = candidate;
      }
    }
    if (state == null) {
      throw refusal(number, row, "\"" + stateWord + "\" is no state of a " + noun(kind) + "; write "
          + (kind == ContributionKind.TICKET ? "progressed or closed" : "opened or merged"));
    }
    return new Line(number, applicationId, kind, reference, url != null ? url : TRAC_TICKET + reference, state);
  }

  private static long positive(String digits, String what, int number, String row) {
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException tooLong) {
      value = digits.startsWith("-") ? -1 : Long.MAX_VALUE;
    }
    if (value < 1 || value > 99_999_999) {
      throw refusal(number, row, "a " + what + " number is a whole number from 1 to 99999999");
    }
    return value;
  }

  private static long djangonaut(String name, List<Djangonaut> team, int number, String row) {
    List<Djangonaut> full = team.stream().filter(d -> d.name().strip().equalsIgnoreCase(name)).toList();
    List<Djangonaut> matches = full.isEmpty()
        ? team.stream().filter(d -> firstName(d.name()).equalsIgnoreCase(name)).toList() : full;
    if (matches.size() == 1) {
      return matches.get(0).applicationId();
    }
    String names = String.join(", ", team.stream().map(Djangonaut::name).toList());
    throw refusal(number, row, matches.isEmpty()
        ? "\"" + name + "\" is not a Djangonaut of this team (" + names + ")"
        : "\"" + name + "\" is the first name of several Djangonauts of this team; write the full name (" + names
            + ")");
  }

  private static String firstName(String name) {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  private static String noun(ContributionKind kind) {
    return kind == ContributionKind.TICKET ? "ticket" : "pull request";
  }

  private static BadUserRequestException refusal(int line, String row, String reason) {
    return new BadUserRequestException("contributions, line " + line + ": " + reason + " (\"" + row + "\").");
  }
}
