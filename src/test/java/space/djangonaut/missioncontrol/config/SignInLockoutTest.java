package space.djangonaut.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * Wrong passwords cannot lock anyone out for good (issue 10, fault 2): through each of the three doors (the login
 * page, HTTP Basic on {@code /engine-rest}, Tasklist's login) the same count makes the account wait longer after
 * each wrong password, at most 15 minutes, and the wait ends on its own; an organiser can end it at once. Time
 * moves by the engine's clock, which the domain's clock follows; nothing sleeps.
 */
@IntegrationTest
class SignInLockoutTest {

  /**
   * How long the account refuses every password after the k-th wrong one in a row (k = 1, 2 ...): Camunda's
   * {@code loginDelayBase} x {@code loginDelayFactor}^(k-1) seconds, at most {@code loginDelayMaxTime}
   * (application.yaml), and from the 10th on always the most.
   */
  private static final List<Duration> WAIT_AFTER = List.of(2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900)
      .stream().map(Duration::ofSeconds).toList();
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

  /** The ways in: Mission Control's login page, the REST API, Tasklist's own login. */
  enum Door { LOGIN_PAGE, ENGINE_REST, TASKLIST }

  @LocalServerPort int port;
  @Autowired TestData testData;

  private Instant now;

  @BeforeEach
  void stopTheClock() {
    moveTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldLetAnOrganiserInOnTheirOwnFifteenMinutesAfterTenWrongPasswordsAtAnyDoor() {
    String organiser = testData.organiser();
    for (int k = 1; k <= 10; k++) {
      assertThat(signIn(Door.values()[k % Door.values().length], organiser, "not-the-password")).isFalse();
      moveTo(now.plus(LONGEST_WAIT));
    }
    moveTo(now.minusSeconds(1));
    for (Door door : Door.values()) {
      assertThat(signIn(door, organiser, organiser)).as("the right password at %s, still waiting", door).isFalse();
    }

    moveTo(now.plusSeconds(1));

    for (Door door : Door.values()) {
      assertThat(signIn(door, organiser, organiser)).as("the right password at %s, the wait over", door).isTrue();
    }
  }

  @Test
  void shouldMakeEachWrongPasswordInARowWaitTwiceAsLongAsTheLastAtMostFifteenMinutesWhateverTheDoor() {
    String organiser = testData.organiser();

    for (int k = 1; k <= WAIT_AFTER.size(); k++) {
      Door door = Door.values()[k % Door.values().length];
      Instant wrongAt = now;
      assertThat(signIn(door, organiser, "not-the-password")).as("wrong password %d at %s", k, door).isFalse();
      Duration wait = WAIT_AFTER.get(k - 1);

      moveTo(wrongAt.plus(wait).minusSeconds(1));
      for (Door any : Door.values()) {
        assertThat(signIn(any, organiser, organiser))
            .as("the right password at %s, %s after wrong password %d", any, wait.minusSeconds(1), k).isFalse();
      }
      moveTo(wrongAt.plus(wait));
    }
    // Twelve wrong passwords in a row, and the wait is still 15 minutes: it ends on its own.
    assertThat(WAIT_AFTER.get(WAIT_AFTER.size() - 1)).isEqualTo(LONGEST_WAIT);
    assertThat(signIn(Door.ENGINE_REST, organiser, organiser)).isTrue();

    // The right password cleared the count: the next wrong one makes the account wait 2 seconds again.
    Instant wrongAt = now;
    assertThat(signIn(Door.LOGIN_PAGE, organiser, "not-the-password")).isFalse();
    moveTo(wrongAt.plus(WAIT_AFTER.get(0)).minusSeconds(1));
    assertThat(signIn(Door.TASKLIST, organiser, organiser)).isFalse();
    moveTo(wrongAt.plus(WAIT_AFTER.get(0)));
    assertThat(signIn(Door.TASKLIST, organiser, organiser)).isTrue();
  }

  @Test
  void shouldLetAnOrganiserUnlockAWaitingAccountAtOnceFromTheirPage() {
    String reviewer = testData.reviewer();
    lockForTheLongestWait(reviewer);
    assertThat(signIn(Door.TASKLIST, reviewer, reviewer)).isFalse();
    String organiser = testData.organiser();
    WebClient browser = loggedIn(organiser);

    WebClient.Response page = browser.get("/organiser/accounts");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(reviewer).contains(now.plus(LONGEST_WAIT).toString());
    assertThat(browser.postForm("/organiser/accounts/" + reviewer + "/unlock", Map.of()).status())
        .as("without the page's CSRF token").isEqualTo(403);
    assertThat(signIn(Door.ENGINE_REST, reviewer, reviewer)).isFalse();
    WebClient.Response unlocked = browser.postForm("/organiser/accounts/" + reviewer + "/unlock",
        WebClient.form(page, Map.of()));

    assertThat(unlocked.status()).isEqualTo(302);
    assertThat(browser.get("/organiser/accounts").body()).contains(reviewer + " can sign in again now.");
    for (Door door : Door.values()) {
      assertThat(signIn(door, reviewer, reviewer)).as("the right password at %s", door).isTrue();
    }
  }

  @Test
  void shouldKeepTheUnlockPageForOrganisers() {
    String reviewer = testData.reviewer();
    WebClient asReviewer = new WebClient(port).basicAuth(reviewer, reviewer);

    assertThat(asReviewer.get("/organiser/accounts").status()).isEqualTo(403);
    assertThat(new WebClient(port).get("/organiser/accounts").status()).isIn(302, 401);
  }

  // --- the doors

  /** Whether the door lets this user in with this password, as a new visitor (no session). */
  private boolean signIn(Door door, String user, String password) {
    WebClient client = new WebClient(port);
    return switch (door) {
      case LOGIN_PAGE -> {
        WebClient.Response response = client.postForm("/login", WebClient.form(client.get("/login"),
            Map.of("username", List.of(user), "password", List.of(password))));
        assertThat(response.status()).isEqualTo(302);
        yield !response.header("Location").contains("error");
      }
      case ENGINE_REST -> {
        int status = client.basicAuth(user, password).get("/engine-rest/task?maxResults=1").status();
        assertThat(status).isIn(200, 401);
        yield status == 200;
      }
      case TASKLIST -> {
        client.get("/camunda/app/tasklist/");
        client.header("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
        int status = client.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
            Map.of("username", List.of(user), "password", List.of(password))).status();
        assertThat(status).isIn(200, 401);
        yield status == 200;
      }
    };
  }

  /** Wrong passwords, each once the previous wait has ended, until the account waits the longest. */
  private void lockForTheLongestWait(String user) {
    for (int k = 1; k <= 10; k++) {
      assertThat(signIn(Door.values()[k % Door.values().length], user, "not-the-password")).isFalse();
      if (k < 10) {
        moveTo(now.plus(WAIT_AFTER.get(k - 1)));
      }
    }
  }

  private WebClient loggedIn(String organiser) {
    WebClient browser = new WebClient(port);
    WebClient.Response login = browser.postForm("/login", WebClient.form(browser.get("/login"),
        Map.of("username", List.of(organiser), "password", List.of(organiser))));
    assertThat(login.header("Location")).doesNotContain("error");
    return browser;
  }

  private void moveTo(Instant instant) {
    now = instant;
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
