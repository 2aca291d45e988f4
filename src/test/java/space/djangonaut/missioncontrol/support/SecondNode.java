package space.djangonaut.missioncontrol.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import space.djangonaut.missioncontrol.MissionControlApplication;

/**
 * Another node of Mission Control in the test JVM, on the tests' database and mail server, beside the shared
 * {@link IntegrationTest} context: for tests of what several nodes do together.
 *
 * <p>Camunda keeps two registries in static fields, one per JVM, and a node that stops takes its entries out of
 * them: so that the shared context keeps working after such a node stops, the node
 * <ul>
 *   <li>has a process engine of its own name: the engines of the JVM are registered by name
 *       ({@code BpmPlatform}'s process engine service); a node whose engine were also named {@code default} would
 *       unregister the shared context's engine when it stops, and Tasklist would answer "No process engine found"
 *       (HTTP 500);</li>
 *   <li>never starts Camunda's webapps: their runtime delegates ({@code Cockpit}, {@code Tasklist}, {@code Admin})
 *       are static, and a node that started them would clear them when it stops (HTTP 500 again, a
 *       {@code NullPointerException} in {@code ProcessEnginesFilter.getDefaultEngineName}).</li>
 * </ul>
 */
public final class SecondNode {

  private SecondNode() {}

  /**
   * Starts a node with the {@code test} profile on a random port.
   *
   * @param engineName its process engine's name, unique in the JVM and never {@code default}
   * @param arguments further Spring Boot arguments ({@code --name=value}); none may enable the webapps or name the
   *     engine
   * @return the running node: close it at the end of the test
   * @throws IllegalArgumentException if the engine would be named {@code default}, or an argument enables the
   *     webapps or names the engine
   */
  public static ConfigurableApplicationContext start(String engineName, String... arguments) {
    if ("default".equals(engineName) || Arrays.stream(arguments).anyMatch(
        a -> a.startsWith("--camunda.bpm.webapp.enabled") || a.startsWith("--camunda.bpm.process-engine-name"))) {
      throw new IllegalArgumentException("a second node has an engine of its own name and no webapps (see SecondNode)");
    }
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.process-engine-name=" + engineName));
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(MissionControlApplication.class).profiles("test")
        .initializers(new TestInfrastructure()).run(all.toArray(String[]::new));
  }
}
