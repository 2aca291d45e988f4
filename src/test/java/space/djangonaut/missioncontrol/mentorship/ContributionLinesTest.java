package space.djangonaut.missioncontrol.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.mentorship.ContributionLines.Djangonaut;
import space.djangonaut.missioncontrol.mentorship.ContributionLines.Line;

/** The tickets and pull requests a Navigator lists in a check-in, one per line (issue 12, contributions as links). */
class ContributionLinesTest {

  private static final List<Djangonaut> TEAM = List.of(new Djangonaut(11, "Ada Lovelace"),
      new Djangonaut(12, "Grace Hopper"), new Djangonaut(13, "Grace Kelly"));

  @Test
  void shouldReadEachFormOfTicketAndPullRequestNormalised() {
    List<Line> lines = ContributionLines.parse("""
        #35123 progressed
        https://code.djangoproject.com/ticket/35124 closed

        http://code.djangoproject.com/ticket/35125/ Progressed
        https://github.com/django/django/pull/18000 merged
        Ada: https://www.github.com/Django/Django-Debug-Toolbar/pull/42/files?w=1#diff opened
        grace hopper: #35123 closed
        """, TEAM);

    assertThat(lines).containsExactly(
        new Line(1, null, ContributionKind.TICKET, 35123, "https://code.djangoproject.com/ticket/35123",
            ContributionState.PROGRESSED),
        new Line(2, null, ContributionKind.TICKET, 35124, "https://code.djangoproject.com/ticket/35124",
            ContributionState.CLOSED),
        new Line(4, null, ContributionKind.TICKET, 35125, "https://code.djangoproject.com/ticket/35125",
            ContributionState.PROGRESSED),
        new Line(5, null, ContributionKind.PULL_REQUEST, 18000, "https://github.com/django/django/pull/18000",
            ContributionState.MERGED),
        new Line(6, 11L, ContributionKind.PULL_REQUEST, 42,
            "https://github.com/django/django-debug-toolbar/pull/42", ContributionState.OPENED),
        new Line(7, 12L, ContributionKind.TICKET, 35123, "https://code.djangoproject.com/ticket/35123",
            ContributionState.CLOSED));
  }

  @Test
  void shouldReadNothingFromAnEmptyField() {
    assertThat(ContributionLines.parse(null, TEAM)).isEmpty();
    assertThat(ContributionLines.parse(" \n\n ", TEAM)).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownStateNamingTheLineAndTheStatesOfItsKind() {
    assertRefused("#1 progressed\n#35123 fixed", "contributions, line 2: \"fixed\" is no state of a ticket; write"
        + " progressed or closed (\"#35123 fixed\").");
    assertRefused("https://github.com/django/django/pull/18000 closed", "contributions, line 1: \"closed\" is no"
        + " state of a pull request; write opened or merged (\"https://github.com/django/django/pull/18000 closed\").");
  }

  @Test
  void shouldRefuseABadUrl() {
    assertRefused("https://github.com/django/dj ango/pull/1 merged", "contributions, line 1: " + format());
    assertRefused("https://exa^mple.com/pull/1 merged", "contributions, line 1: \"https://exa^mple.com/pull/1\" is"
        + " not a link (Illegal character in authority); " + format());
    assertRefused("ftp://github.com/django/django/pull/1 merged", "contributions, line 1: \"ftp://github.com/django/"
        + "django/pull/1\" is not a ticket number or a web link; " + format());
    assertRefused("35123 progressed", "contributions, line 1: \"35123\" is not a ticket number or a web link; "
        + format());
    assertRefused("https://code.djangoproject.com/wiki/Tickets progressed", "contributions, line 1: a Django"
        + " ticket's link is https://code.djangoproject.com/ticket/<number>");
  }

  @Test
  void shouldRefuseAPullRequestThatIsNotOnGitHub() {
    assertRefused("https://gitlab.com/django/django/-/merge_requests/5 merged", "contributions, line 1: a pull"
        + " request is one on GitHub (https://github.com/<owner>/<repository>/pull/<number>), and a ticket one on"
        + " Django's Trac; not gitlab.com");
    assertRefused("https://github.com/django/django/issues/5 merged", "contributions, line 1: a pull request's"
        + " link is https://github.com/<owner>/<repository>/pull/<number>");
  }

  @Test
  void shouldRefuseATicketNumberThatIsNotPositive() {
    assertRefused("#0 progressed", "contributions, line 1: a ticket number is a whole number from 1 to 99999999");
    assertRefused("https://code.djangoproject.com/ticket/-4 closed", "contributions, line 1: a ticket number is"
        + " a whole number from 1 to 99999999");
    assertRefused("#99999999999999999999 closed", "contributions, line 1: a ticket number is a whole number from 1"
        + " to 99999999");
    assertRefused("https://github.com/django/django/pull/0 opened", "contributions, line 1: a pull request number"
        + " is a whole number from 1 to 99999999");
  }

  @Test
  void shouldRefuseALineRepeatedInOneCheckInEvenWrittenAnotherWay() {
    assertRefused("#35123 progressed\nhttps://code.djangoproject.com/ticket/35123/ progressed",
        "contributions, line 2: it repeats line 1; give each ticket once a week (\"https://code.djangoproject.com/"
            + "ticket/35123/ progressed\").");
    assertRefused("Ada: https://github.com/django/django/pull/18000 merged\n"
        + "ada lovelace: https://github.com/Django/django/pull/18000/ merged",
        "contributions, line 2: it repeats line 1; give each pull request once a week");
    // Two Djangonauts on one ticket, or one ticket progressed and closed the same week, are no repetition.
    assertThat(ContributionLines.parse("Ada: #1 progressed\nGrace Hopper: #1 progressed\n#1 closed", TEAM))
        .hasSize(3);
  }

  @Test
  void shouldRefuseANameThatIsNoDjangonautOfTheTeamOrNamesSeveral() {
    assertRefused("Alan: #1 progressed", "contributions, line 1: \"Alan\" is not a Djangonaut of this team"
        + " (Ada Lovelace, Grace Hopper, Grace Kelly) (\"Alan: #1 progressed\").");
    assertRefused("Grace: #1 progressed", "contributions, line 1: \"Grace\" is the first name of several"
        + " Djangonauts of this team; write the full name");
  }

  @Test
  void shouldRefuseALineThatIsNotATicketOrPullRequestWithAState() {
    assertRefused("#35123", "contributions, line 1: " + format() + " (\"#35123\").");
    assertRefused("worked on the ORM all week", "contributions, line 1: " + format());
  }

  private static String format() {
    return "write a ticket (#35123 or https://code.djangoproject.com/ticket/35123) or a pull request"
        + " (https://github.com/django/django/pull/18000), then its state, optionally after a Djangonaut's name and"
        + " a colon";
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> ContributionLines.parse(text, TEAM)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith(message);
  }
}
