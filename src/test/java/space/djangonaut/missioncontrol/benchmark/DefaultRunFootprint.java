package space.djangonaut.missioncontrol.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import space.djangonaut.missioncontrol.MissionControlApplication;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.survey.Comfort;
import space.djangonaut.missioncontrol.survey.ImpactReport;
import space.djangonaut.missioncontrol.survey.ImpactReportService;
import space.djangonaut.missioncontrol.survey.SurveyForm;
import space.djangonaut.missioncontrol.survey.SurveyService;

/**
 * The default run's start-up time and memory, before and after a whole cohort (issue 14): not a test, a {@code main}
 * that prints its figures. It runs in a JVM started with the same options as {@code mvn spring-boot:run} (the pom's
 * {@code spring-boot.run.jvmArguments}, plus the {@code -XX:TieredStopAtLevel=1} the Spring Boot plugin adds), starts Mission
 * Control on the default profile exactly as that command does (an H2 file database, here in a fresh temporary
 * directory, the SMTP sink inside the application, demo accounts and the demo cohort), then runs a pilot-sized cohort
 * through it: 200 public application pages opened and 200 applications, 12 volunteers approved, every review, the
 * selection, 16 offers accepted through their emailed links, teams, eight weeks of check-ins and one-to-ones, the
 * survey answered through its links, the impact report, and Tasklist, Cockpit and the engine's REST API used by an
 * organiser. The engine's job executor is off and the due jobs run in this thread (the engine clock moves through
 * the weeks), as in the integration tests; everything else (mail delivery, Tomcat, webapps) is the default run's.
 *
 * <pre>mvn -B -Pfootprint test-compile exec:exec</pre>
 *
 * Start-up is the time from the JVM's start to Spring's {@link ApplicationReadyEvent} (what Spring logs as "process
 * running for"), in seconds; memory is the process's resident set size from {@code /proc/self/status} (VmRSS now,
 * VmHWM its peak), in MB of 1,048,576 bytes.
 */
public final class DefaultRunFootprint {

  private static final int APPLICANTS = Integer.getInteger("footprint.applicants", 200);
  private static final int PLACES = 16;
  private static final int WEEKS = 8;

  private final ConfigurableApplicationContext app;
  private final CohortDriver driver;
  private final TaskService taskService;
  private final GreenMail sink;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  private DefaultRunFootprint(ConfigurableApplicationContext app) {
    this.app = app;
    this.driver = app.getBean(CohortDriver.class);
    this.taskService = app.getBean(TaskService.class);
    this.sink = app.getBean(GreenMail.class);
    this.base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("mission-control-footprint");
    long[] readyAt = new long[1];
    int status = 0;
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MissionControlApplication.class)
        .listeners(event -> {
          if (event instanceof ApplicationReadyEvent) {
            readyAt[0] = System.currentTimeMillis();
          }
        })
        .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("mission-control") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--server.port=0", "--management.server.port=0", "--spring.mail.port=" + freePort(),
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=warn")) {
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      StringBuilder report = new StringBuilder();
      report.append(String.format("%nMission Control default run: %d cores, JVM options %s%n",
          Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments()));
      report.append(String.format("start-up: %.1f s from the JVM's start to ready (load average %s)%n",
          (readyAt[0] - jvmStart) / 1000.0, loadAverage()));
      report.append("after start-up: ").append(memory()).append('\n');
      System.out.print(report);
      try {
        long started = System.nanoTime();
        String summary = new DefaultRunFootprint(app).cohort();
        report.append(String.format("a whole cohort in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, summary));
        report.append("after the cohort: ").append(memory()).append('\n');
        // Measured after the figures above, so that it does not change them: what the heap holds that is still in
        // use, the least a smaller -Xmx would have to keep.
        System.gc();
        report.append(String.format("live heap after a full collection: %d MB%n", heapUsed() / (1024 * 1024)));
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
          // Where the resident memory is, by the JVM's own accounting (what it does not account for is malloc's).
          Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              String.valueOf(ProcessHandle.current().pid()), "VM.native_memory", "summary").start();
          report.append(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          Process histogram = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").start();
          new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().limit(40)
              .forEach(line -> report.append(line).append('\n'));
        }
      } catch (Exception | Error e) {
        e.printStackTrace();
        status = 1;
      } finally {
        ClockUtil.reset();
      }
      System.out.println(report);
    }
    System.exit(status);
  }

  private String cohort() throws Exception {
    CohortDriver.Run run = driver.open(PLACES, WEEKS);
    String slug = run.cohort().getSlug();
    ApplicationService applicationService = app.getBean(ApplicationService.class);
    List<Application> applied = new ArrayList<>();
    for (int i = 0; i < APPLICANTS; i++) {
      // Each applicant opens the public form (a session and its CSRF token, as in the default run) and applies.
      expect(200, http.send(HttpRequest.newBuilder(URI.create(base + "/cohorts/" + slug + "/apply")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode(), "the application form");
      applied.add(applicationService.submit(slug, CohortDriver.pilotApplicationForm(i, "Footprint")));
    }
    driver.signUpApprovedVolunteers(slug, 12);
    driver.drive(run);
    for (int i = 0; i < APPLICANTS; i++) {
      driver.review(applied.get(i), i < 20 ? 5 : i < 60 ? 4 : i < 120 ? 3 : 2);
    }
    driver.closeEarly(run);
    driver.finalise(run, "");
    OfferService offers = app.getBean(OfferService.class);
    ApplicationRepository applications = app.getBean(ApplicationRepository.class);
    for (Application offered : applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.OFFERED)) {
      offers.answer(emailedToken(offered.getEmail(), "offers"), true);
    }
    driver.drive(run);
    driver.formTeams(run);
    driver.confirmTeams(run);
    for (int week = 1; week <= WEEKS; week++) {
      ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * (week - 1)))
          .plusSeconds(60)));
      driver.drive(run);
      recordWeek(run, week);
    }
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * WEEKS)).plusSeconds(60)));
    driver.drive(run);
    int answered = answerSurvey(run);
    for (int i = 0; i < 2; i++) {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(7).toMillis()
          + 60_000));
      driver.drive(run);
    }
    ImpactReport report = app.getBean(ImpactReportService.class).report(run.cohortId());
    Task publish = driver.openTasks(run, CohortProcess.TASK_PUBLISH_REPORT).get(0);
    taskService.complete(publish.getId());
    boolean ended = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(run.process().getId()).count() == 0;
    organiserUsesTheWebapps(slug);
    return String.format("%d applications, %d confirmed, %d check-ins and %d one-to-ones held, %d survey answers, "
        + "%d emails in the SMTP sink; cohort process ended: %s", applied.size(),
        applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED).size(),
        report.checkInsHeld(), report.oneToOnesHeld(), answered, sink.getReceivedMessages().length, ended);
  }

  private void recordWeek(CohortDriver.Run run, int week) {
    for (Task task : driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN)) {
      Map<String, Object> form = new HashMap<>();
      form.put("checkInHeld", true);
      form.put("djangonautsAttended", 3L);
      form.put("contributions", "#" + (30_000 + week) + " progressed\n");
      form.put("prReviewComments", 3L);
      form.put("presentations", 0L);
      taskService.complete(task.getId(), form);
    }
    for (Task task : driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE)) {
      taskService.complete(task.getId(), Map.of("oneToOneHeld", true, "oneToOneNotes", "fine"));
    }
    driver.drive(run);
  }

  private int answerSurvey(CohortDriver.Run run) throws InterruptedException {
    SurveyService surveys = app.getBean(SurveyService.class);
    List<String> djangonauts = app.getBean(ApplicationRepository.class)
        .findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED).stream().map(Application::getEmail)
        .toList();
    int answered = 0;
    for (OutboxEmail invitation : app.getBean(OutboxEmailRepository.class)
        .findByProcessInstanceIdOrderById(run.process().getId())) {
      if (invitation.getTemplate() != MailTemplate.SURVEY_INVITATION) {
        continue;
      }
      SurveyForm form = new SurveyForm();
      if (djangonauts.contains(invitation.getRecipient())) {
        form.setComfortContributing(Comfort.MORE);
        form.setComfortCommunity(Comfort.MORE);
      } else {
        form.setComfortMentoring(Comfort.MORE);
      }
      form.setMayQuote(false);
      surveys.answer(emailedToken(invitation.getRecipient(), "survey"), form);
      answered++;
    }
    return answered;
  }

  /**
   * The token of the newest link of this kind emailed to this address, once the SMTP sink has it: the default run
   * delivers after the commit, in the mail delivery pool.
   */
  private String emailedToken(String email, String kind) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try {
        return Mailbox.newestToken(sink, email, kind);
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }

  /** An organiser opens Tasklist and Cockpit and asks the engine's REST API for the tasks and the cohort's history. */
  private void organiserUsesTheWebapps(String slug) throws IOException, InterruptedException {
    String basic = "Basic " + Base64.getEncoder().encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/engine-rest/task?maxResults=50", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + slug,
        "/organiser/cohorts/" + slug, "/organiser/mailbox", "/cohorts/" + slug + "/impact")) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
      if (path.startsWith("/engine-rest") || path.startsWith("/organiser")) {
        request.header("Authorization", basic);
      }
      int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (code >= 500) {
        throw new IllegalStateException(path + " answered " + code);
      }
    }
  }

  private static void expect(int expected, int actual, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " answered " + actual);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  /** Resident set size now and at its peak, and the heap and metaspace in use, in MB. */
  private static String memory() throws IOException {
    Map<String, Long> status = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
        status.put(line.substring(0, 5), Long.parseLong(line.replaceAll("\\D", "")) / 1024);
      }
    }
    long heap = 0;
    long heapCommitted = 0;
    long metaspace = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap += pool.getUsage().getUsed();
        heapCommitted += pool.getUsage().getCommitted();
      } else if (pool.getName().equals("Metaspace")) {
        metaspace = pool.getUsage().getUsed();
      }
    }
    StringBuilder collections = new StringBuilder();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections.append(String.format("; %s: %d collections, %.1f s", collector.getName(),
          collector.getCollectionCount(), collector.getCollectionTime() / 1000.0));
    }
    long mb = 1024 * 1024;
    return String.format("resident %d MB (peak %d MB); heap %d MB used of %d MB committed; metaspace %d MB%s",
        status.get("VmRSS"), status.get("VmHWM"), heap / mb, heapCommitted / mb, metaspace / mb, collections);
  }
}
