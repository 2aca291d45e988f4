package space.djangonaut.missioncontrol.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm package, {@code node_modules/axe-core/axe.min.js}, installed by {@code npm ci}) on the page
 * the browser shows, and fails on every serious or critical violation. The script is injected into the page through
 * Selenium, never fetched from the network. Every page checked prints one line, {@code axe <page>: ...}, with the
 * violations of each impact, so that a run lists the results page by page.
 *
 * <p>In a {@linkplain Browser#withoutJavaScript() browser without JavaScript} axe-core cannot run as the page is (its
 * run waits on timers, which do not fire there): it runs on the same page, as the server drew it and no script of
 * the page changed it, with scripts allowed for the time of its run ({@link Browser#withScriptsAllowed}).
 */
public final class Accessibility {

  /** Where {@code npm ci} (run by {@code mvn test} before the tests) puts axe-core, from the project's directory. */
  public static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
  /** The impacts that fail a check; axe's others are "moderate" and "minor". */
  public static final Set<String> FAILING = Set.of("serious", "critical");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String script;

  private Accessibility() {}

  /** One rule the page breaks: axe's rule id, impact, help text, and the CSS selectors of the offending nodes. */
  public record Violation(String rule, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return impact + " " + rule + ": " + help + " " + targets;
    }
  }

  /**
   * Checks the page the browser shows now and fails listing each serious or critical violation (rule id, impact,
   * help, the offending nodes' selectors). Prints {@code axe <page>: ...} with every violation found, any impact.
   *
   * @param page what the page is, for the message and the printed line (e.g. "apply form with errors")
   * @param within CSS selectors of the parts to check (e.g. the form Mission Control puts into Camunda Tasklist);
   *     none: the whole page
   * @return every violation, any impact, for a test that wants more
   * @throws AssertionError if axe reports a serious or critical violation
   */
  public static List<Violation> assertNoSeriousViolations(Browser browser, String page, String... within) {
    // In a browser without JavaScript, axe runs on the page as drawn without it, scripts allowed only for its run.
    List<Violation> violations = browser.withScriptsAllowed(() -> violations(browser.driver(), within));
    System.out.println("axe " + page + (browser.runsPageScripts() ? "" : ", JavaScript off") + " ("
        + browser.driver().getCurrentUrl() + "): " + summary(violations));
    List<Violation> failing = violations.stream().filter(v -> FAILING.contains(v.impact())).toList();
    if (!failing.isEmpty()) {
      throw new AssertionError("axe-core reports " + failing.size() + " serious or critical violation(s) on the "
          + page + " page (" + browser.driver().getCurrentUrl() + "):\n  "
          + failing.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    }
    return violations;
  }

  /**
   * Runs axe-core's default rules (WCAG 2.x A and AA, and its best practices) on the page the driver shows, or on
   * the parts of it these CSS selectors match.
   */
  public static List<Violation> violations(WebDriver driver, String... within) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(axeScript());
    }
    driver.manage().timeouts().scriptTimeout(Browser.TIMEOUT);
    Object result = js.executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        var within = arguments[0];
        axe.run(within.length ? {include: within.map(function (s) { return [s]; })} : document,
            {resultTypes: ['violations']})
          .then(function (r) { done(JSON.stringify(r.violations)); })
          .catch(function (e) { done('axe failed: ' + e); });
        """, List.of(within));
    String json = String.valueOf(result);
    if (!json.startsWith("[")) {
      throw new IllegalStateException(json);
    }
    try {
      List<Violation> violations = new ArrayList<>();
      for (JsonNode rule : JSON.readTree(json)) {
        List<String> targets = new ArrayList<>();
        for (JsonNode node : rule.path("nodes")) {
          targets.add(node.path("target").toString());
        }
        violations.add(new Violation(rule.path("id").asText(), rule.path("impact").asText(),
            rule.path("help").asText(), targets));
      }
      return violations;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks what axe-core cannot: that each message shown next to a field ({@code .field-error}) is that field's
   * description, so that a screen reader reads it with the field. The message needs an id that the field names in
   * {@code aria-describedby}, and the field {@code aria-invalid="true"}; for a group of radio buttons or checkboxes,
   * the fieldset names it (as the GOV.UK Design System does).
   *
   * @param page what the page is, for the message
   * @throws AssertionError listing each message no field is described by
   */
  public static void assertFieldErrorsDescribeTheirFields(Browser browser, String page) {
    int messages = browser.driver().findElements(By.cssSelector(".field-error")).size();
    if (messages == 0) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> loose = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
        var loose = [];
        document.querySelectorAll('.field-error').forEach(function (error) {
          var text = error.textContent.trim();
          var described = error.id ? Array.from(document.querySelectorAll('[aria-describedby]')).filter(function (f) {
            return f.getAttribute('aria-describedby').split(/\\s+/).indexOf(error.id) >= 0;
          }) : [];
          if (!error.id) {
            loose.push('"' + text + '" has no id');
          } else if (described.length === 0) {
            loose.push('"' + text + '" (#' + error.id + ') describes no field');
          } else if (!described.some(function (f) {
            return f.tagName === 'FIELDSET' || f.getAttribute('aria-invalid') === 'true';
          })) {
            loose.push('"' + text + '" (#' + error.id + ') describes no field marked aria-invalid');
          }
        });
        return loose;
        """);
    System.out.println("errors " + page + ": " + (loose.isEmpty() ? "each of the " + messages
        + " describes its field" : loose));
    if (!loose.isEmpty()) {
      throw new AssertionError("On the " + page + " page, " + loose.size() + " error message(s) are not the "
          + "description of their field:\n  " + String.join("\n  ", loose));
    }
  }

  /** "none", or the violations by impact with their rule ids, e.g. "serious 1 (color-contrast), moderate 1 (region)". */
  static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "none";
    }
    Map<String, List<String>> byImpact = new TreeMap<>();
    violations.forEach(v -> byImpact.computeIfAbsent(v.impact(), k -> new ArrayList<>())
        .add(v.rule() + " x" + v.targets().size()));
    return byImpact.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static synchronized String axeScript() {
    if (script == null) {
      if (!Files.isReadable(AXE)) {
        throw new IllegalStateException("axe-core is missing: run npm ci (mvn test does) to install " + AXE);
      }
      try {
        script = Files.readString(AXE, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return script;
  }
}
