package space.djangonaut.missioncontrol.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver. Nothing downloads a browser or a driver: the paths
 * are given, so Selenium Manager is never asked.
 *
 * <p>Every helper waits for a condition, never for a fixed time, and looks its element up again while it waits:
 * pages such as Tasklist re-render their elements (a filter's link gains its count, the list refreshes every ten
 * seconds), so an element found a moment ago may be gone when it is used.
 *
 * <p>{@link #withoutJavaScript()} gives a Chromium in which pages run no script of their own, as for a person who
 * turned JavaScript off; Selenium still reaches the page (its helpers scroll, read and click through the DevTools
 * protocol, which the setting does not stop).
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  /** How long a helper waits for its condition: generous, for a busy machine; a condition met returns at once. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private final boolean withoutJavaScript;

  /** A Chromium with JavaScript on, as most people have it. */
  public Browser() {
    this(false);
  }

  /**
   * A Chromium in which no page runs a script: Chrome's DevTools command {@code Emulation.setScriptExecutionDisabled}
   * for the browser's tab, which lasts across the pages it opens (links followed, forms sent), as JavaScript turned
   * off in the browser's settings would. Inline, external and deferred scripts of every page are skipped.
   */
  public static Browser withoutJavaScript() {
    return new Browser(true);
  }

  private Browser(boolean withoutJavaScript) {
    this.withoutJavaScript = withoutJavaScript;
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("The browser tests need Debian's Chromium: apt-get install chromium "
          + "chromium-driver (" + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    try {
      profile = Files.createTempDirectory("mission-control-chromium");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
    if (withoutJavaScript) {
      pageScripts(false);
    }
  }

  /** Whether this browser runs the pages' scripts ({@link #withoutJavaScript()} does not). */
  public boolean runsPageScripts() {
    return !withoutJavaScript;
  }

  /**
   * Runs the action with scripts allowed in the page shown now, then, in a browser {@linkplain #withoutJavaScript()
   * without JavaScript}, turns them off again. For what needs the page's event loop, such as axe-core's run (its
   * timers and promises): the page stays as it was drawn, since a script of the page that was skipped when the page
   * loaded is not run when scripts are allowed later.
   */
  public <T> T withScriptsAllowed(Supplier<T> action) {
    if (!withoutJavaScript) {
      return action.get();
    }
    pageScripts(true);
    try {
      return action.get();
    } finally {
      pageScripts(false);
    }
  }

  private void pageScripts(boolean allowed) {
    driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !allowed));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  /**
   * Clicks the element once it is displayed and enabled, scrolled to the middle of the window first, away from
   * sticky headers and footers. Should the page replace the element or cover it at that moment, the click did not
   * happen: it is tried again on the element found anew.
   */
  public void click(By by) {
    wait.until(d -> {
      WebElement element = d.findElement(by);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return null;
      }
      scrollToMiddle(element);
      try {
        element.click();
      } catch (ElementNotInteractableException e) { // covered (ElementClickInterceptedException) or not yet usable
        return null;
      }
      return true;
    });
  }

  /**
   * Clicks what leaves the page (a form's submit button), then waits until the browser has left it: what is
   * looked up next is on the next page, not on this one.
   */
  public void clickToLeavePage(By by) {
    WebElement page = driver.findElement(By.tagName("html"));
    click(by);
    wait.until(d -> isGone(page));
  }

  /**
   * Whether the element is gone with its page. Chromedriver says so with a stale element reference, or, while the
   * next page replaces it, with an "unknown error": the node "does not belong to the document".
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Logs in on Mission Control's login page and waits until the browser has left it (for the page asked for before,
   * or the login page again with its error).
   *
   * @param baseUrl the application's address, e.g. {@code http://localhost:8080}
   */
  public void logIn(String baseUrl, String user, String password) {
    open(baseUrl + "/login");
    type(By.id("username"), user);
    type(By.id("password"), password);
    clickToLeavePage(By.xpath("//button[normalize-space()='Log in']"));
  }

  /** Logs in to Camunda Tasklist (password = user name, as the test accounts have) and waits for its filters. */
  public void logInToTasklist(String baseUrl, String user) {
    open(baseUrl + "/camunda/app/tasklist/");
    type(By.cssSelector("input[type=text]"), user);
    type(By.cssSelector("input[type=password]"), user);
    click(By.cssSelector("button[type=submit]"));
    visible(By.cssSelector(".task-filter"));
  }

  /** Waits until the condition returns something other than null or false, for at most {@link #TIMEOUT}. */
  public <T> T waitFor(Function<WebDriver, T> condition) {
    return wait.until(condition::apply);
  }

  /**
   * Types into the field once it is displayed and enabled, after clearing it. Should the page replace the field
   * meanwhile, it is cleared and typed into again, found anew.
   */
  public void type(By by, String text) {
    wait.until(d -> {
      WebElement field = d.findElement(by);
      if (!field.isDisplayed() || !field.isEnabled()) {
        return null;
      }
      scrollToMiddle(field);
      try {
        field.clear();
        field.sendKeys(text);
      } catch (ElementNotInteractableException e) {
        return null;
      }
      return true;
    });
  }

  private void scrollToMiddle(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Saves what the browser shows, for a person to look at when a test fails. */
  public Path screenshot(String name) {
    try {
      Path target = Path.of("target", "screenshots");
      Files.createDirectories(target);
      Path file = target.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
