package space.djangonaut.missioncontrol.benchmark;

import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.MissionControlApplication;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.team.TeamProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.Mailbox;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.TestInfrastructure;
import space.djangonaut.missioncontrol.support.WebClient;
import space.djangonaut.missioncontrol.survey.Comfort;
import space.djangonaut.missioncontrol.survey.ImpactReport;
import space.djangonaut.missioncontrol.survey.ImpactReportService;
import space.djangonaut.missioncontrol.survey.SurveyForm;
import space.djangonaut.missioncontrol.survey.SurveyService;
import space.djangonaut.missioncontrol.team.TeamDirectory;
import space.djangonaut.missioncontrol.team.TeamFormation;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.team.TeamService;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/**
 * Prints what Mission Control does on real PostgreSQL (embedded, or {@code MISSIONCONTROL_TEST_DATABASE_URL}) with
 * the engine's own job executor and a real SMTP server in the same JVM. Not part of the test suite; run it as the
 * README says. Its parts:
 * <ol>
 *   <li>intake: applications submitted through the HTTP form per second, p50 and p99, at 1, 8 and 32 clients, and
 *       the same count of bare Camunda instances of the same shape (start, async step, user task) started through
 *       the engine API by as many threads; the ratio is our time per application over the engine's;</li>
 *   <li>a whole cohort at Outreachy scale ({@code -Dbench.applications=10000}): applications and acknowledgements,
 *       Tasklist's "Applications to review" filter with two open reviews per application, every review, selection
 *       ({@code -Dbench.places=300}), offers accepted, volunteers, teams, eight weeks of check-ins and one-to-ones,
 *       the survey with its reminder and close, and the impact report: wall time of each phase and the engine's
 *       job throughput;</li>
 *   <li>peak heap and RSS.</li>
 * </ol>
 */
public final class Benchmark {

  private static final int INTAKE = Integer.getInteger("bench.intake", 400);
  /** Applications of each kind sent before the intake is measured. */
  private static final int WARM_UP = Integer.getInteger("bench.warm-up", 1000);
  /**
   * {@code -Dbench.web-baseline=false} leaves baseline (b) out of the intake, e.g. for a profile of our own requests
   * alone.
   */
  private static final boolean WEB_BASELINE = Boolean.parseBoolean(System.getProperty("bench.web-baseline", "true"));
  /** The intake's measurements at each client level take turns in this many rounds. */
  private static final int ROUNDS = 4;
  /**
   * {@code -Dbench.until=selection} stops after the selection phase (the offers, teams and weeks are skipped),
   * {@code -Dbench.until=intake} after the cohort's applications and their acknowledgements.
   */
  private static final String UNTIL = System.getProperty("bench.until", "report");
  /** How long one phase may wait for its jobs and emails ({@code -Dbench.settle-minutes}). */
  private static final int SETTLE_MINUTES = Integer.getInteger("bench.settle-minutes", 30);
  private static final int APPLICATIONS = Integer.getInteger("bench.applications", 10_000);
  private static final int PLACES = Integer.getInteger("bench.places", 300);
  private static final int TEAMS = Integer.getInteger("bench.teams", 80);
  private static final int WEEKS = 8;
  private static final int THREADS = 8;
  private static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18", "FRI-18");
  private static final List<String> PROJECTS = List.of("Django core", "Django REST framework", "djangoproject.com");
  private static final Pattern LINK_TOKEN = Pattern.compile("/(offers|survey)/([A-Za-z0-9_-]{43})");

  private final ConfigurableApplicationContext app;
  private final ManagementService management;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final StringBuilder report = new StringBuilder();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final TransactionTimer timer;

  private Benchmark(ConfigurableApplicationContext app, TransactionTimer timer) {
    this.app = app;
    this.timer = timer;
    this.management = app.getBean(ManagementService.class);
    this.tasks = app.getBean(TaskService.class);
    this.jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
  }

  public static void main(String[] args) throws Exception {
    int status = 0;
    TransactionTimer timer = new TransactionTimer();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MissionControlApplication.class)
        .profiles("test").initializers(new TestInfrastructure(),
            context -> context.getBeanFactory().registerSingleton("benchmarkTransactionTimer", timer))
        .run("--server.port=0", "--logging.level.root=error",
            // Production settings where the test profile differs: the job executor runs, mail is delivered by
            // the delivery pool after each commit and what overflows it by the scheduled dispatcher.
            "--camunda.bpm.job-execution.enabled=true", "--missioncontrol.mail.deliver-in-caller-thread=false",
            "--missioncontrol.scheduling.enabled=true",
            // The benchmark moves the engine clock: the job executor looks for due jobs at least every second.
            "--camunda.bpm.job-execution.max-wait=1000", "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--spring.datasource.hikari.maximum-pool-size=40",
            // Baseline (b) of the intake: the web stack alone (application.WebStackBaseline, in src/test).
            "--missioncontrol.benchmark.web-baseline=true")) {
      Benchmark benchmark = new Benchmark(app, timer);
      try {
        benchmark.run();
      } catch (Exception | Error e) {
        System.out.print(benchmark.report);
        e.printStackTrace();
        status = 1;
      } finally {
        benchmark.pool.shutdownNow();
        ClockUtil.reset();
      }
    } finally {
      // GreenMail's SMTP thread would keep the JVM alive.
      TestInfrastructure.mail().stop();
    }
    System.exit(status);
  }

  private void run() throws Exception {
    report.append(String.format("%nMission Control benchmark: PostgreSQL %s, %d cores, max heap %d MB%n",
        app.getEnvironment().getProperty("spring.datasource.url"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    if (INTAKE > 0) {
      intake();
    }
    System.out.print(report);
    cohort();
    report.append(memory());
    System.out.println(report);
  }

  // --- intake

  private void intake() throws Exception {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    String slug = TestData.unique("intake");
    app.getBean(CohortService.class).create(TestData.cohortForm("Intake benchmark", slug));
    BpmnModelInstance bare = Bpmn.createExecutableProcess("bareApplication").camundaHistoryTimeToLive(1)
        .camundaStartableInTasklist(false)
        .startEvent("StartEvent_Bare")
        .serviceTask("Task_BareStep").camundaAsyncBefore().camundaExpression("${true}")
        .userTask("Task_BareReview").camundaCandidateGroups("reviewers")
        .endEvent("EndEvent_Bare")
        .done();
    app.getBean(RepositoryService.class).createDeployment().name("bare").addModelInstance("bare.bpmn", bare)
        .deploy();
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Call ours = i -> submit(port, "/cohorts/" + slug + "/apply");
    Call web = i -> submit(port, "/cohorts/" + slug + "/apply-baseline");
    Call engine = i -> {
      long start = System.nanoTime();
      runtime.startProcessInstanceByKey("bareApplication");
      return System.nanoTime() - start;
    };
    // For the compiler to have compiled most hot paths before the first measurement: with 40 each, the measurement
    // at 1 client paid for much of the compiling (110 ms of JVM CPU per application against 39 at 8; with 300, the
    // compiler threads still took 224 ms of CPU a second during it).
    timed(4, WARM_UP, ours);
    timed(4, WARM_UP, engine);
    if (WEB_BASELINE) {
      timed(4, WARM_UP, web);
    }
    settle();
    idle();
    report.append(String.format("intake: ours = the public form (GET, then POST), (a) = a bare Camunda process of "
        + "the same shape started through the API, (b) = the web stack alone (GET, then POST of the same form to a "
        + "plain Spring MVC endpoint that validates it and inserts the same row through JPA, no engine); per second "
        + "over the wall time, p50/p99 of the POST (of the start for (a)); cost = 1/throughput; the three take turns in %d rounds%n", ROUNDS));
    for (int clients : new int[] {1, 8, 32}) {
      // The three take turns in rounds, so that another build taking the cores weighs on each alike.
      Figures form = Figures.NONE;
      Figures bareFigures = Figures.NONE;
      Figures webFigures = Figures.NONE;
      // CPU time of the JVM and its PostgreSQL per application, each request with the jobs and emails it causes:
      // unlike throughput, hardly moved by other builds taking the cores.
      // [kind][0: JVM, 1: PostgreSQL]
      long[][] cpu = new long[3][2];
      Map<String, long[]> oursTablesBefore = clients == 8 ? tableStatistics() : null;
      Map<String, Long> oursThreads = new java.util.TreeMap<>();
      Map<String, Long> webThreads = new java.util.TreeMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        int count = INTAKE / ROUNDS;
        long[] before = cpuNanos();
        Map<String, Long> threadsBefore = threadCpu();
        form = form.and(timed(clients, count, ours));
        settle();
        add(cpu[0], before, cpuNanos());
        addThreads(oursThreads, threadsBefore, threadCpu());
        if (round == 0 && oursTablesBefore != null) {
          Thread.sleep(1500); // PostgreSQL publishes each connection's counters within a second
          oursTableWork = tableWork(oursTablesBefore, tableStatistics(), count);
        }
        before = cpuNanos();
        bareFigures = bareFigures.and(timed(clients, count, engine));
        settle();
        add(cpu[1], before, cpuNanos());
        if (WEB_BASELINE) {
          before = cpuNanos();
          Map<String, Long> webBefore = threadCpu();
          webFigures = webFigures.and(timed(clients, count, web));
          settle();
          add(cpu[2], before, cpuNanos());
          addThreads(webThreads, webBefore, threadCpu());
        }
      }
      int measured = INTAKE / ROUNDS * ROUNDS;
      double[] cpuMs = new double[3];
      String[] split = new String[3];
      for (int kind = 0; kind < 3; kind++) {
        cpuMs[kind] = (cpu[kind][0] + cpu[kind][1]) / 1e6 / measured;
        split[kind] = String.format("%.1f ms (JVM %.1f, PostgreSQL %.1f)", cpuMs[kind], cpu[kind][0] / 1e6 / measured,
            cpu[kind][1] / 1e6 / measured);
      }
      if (clients == 8) {
        oursAt8 = cpuMs[0];
        webAt8 = cpuMs[2];
        oursThreadsAt8 = describeThreads(oursThreads, cpu[0][0], measured);
        webThreadsAt8 = describeThreads(webThreads, cpu[2][0], measured);
        oursClientAt8 = oursThreads.getOrDefault("callers", 0L) / 1e6 / measured;
        webClientAt8 = webThreads.getOrDefault("callers", 0L) / 1e6 / measured;
      }
      report.append(String.format("intake, %2d clients, CPU per application with its jobs and emails: ours %s | "
          + "(a) %s | (b) %s | ours/(a) %.2f, ours/((a)+(b)) %.2f%n", clients, split[0], split[1], split[2],
          cpuMs[0] / cpuMs[1], cpuMs[0] / (cpuMs[1] + cpuMs[2])));
      report.append(String.format("intake, %2d clients, ours' JVM CPU per application by thread: %s%n", clients,
          describeThreads(oursThreads, cpu[0][0], measured)));
      double both = 1 / (1 / bareFigures.perSecond() + 1 / webFigures.perSecond());
      report.append(String.format("intake, %2d clients: ours %5.1f/s, p50 %5.1f ms, p99 %5.1f ms | (a) engine %5.1f/s, "
          + "p50 %5.1f ms, p99 %5.1f ms | (b) web %5.1f/s, p50 %5.1f ms, p99 %5.1f ms | ours/(a) %.2f (target <= 3), "
          + "ours/(b) %.2f, ours/((a)+(b)) %.2f (target <= 1.3) | load %s%n", clients, form.perSecond(), form.p50(),
          form.p99(), bareFigures.perSecond(), bareFigures.p50(), bareFigures.p99(), webFigures.perSecond(),
          webFigures.p50(), webFigures.p99(), bareFigures.perSecond() / form.perSecond(),
          webFigures.perSecond() / form.perSecond(), both / form.perSecond(), load()));
      System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
    }
    report.append(String.format("intake, ours at 8 clients (one round), %s", oursTableWork.stripLeading()));
    System.out.print(oursTableWork);
    parts(slug);
  }

  /**
   * What an application does beyond (a) and (b), each part measured alone at 8 clients in CPU per application: the
   * engine running the application's own shape (a'), the acknowledgement email (c), and the public form's page beyond
   * (b)'s plain one (d). Ours against their sum says whether an application costs more than its parts.
   */
  private void parts(String slug) throws Exception {
    List<Long> ids = jdbc.queryForList("select a.id from application a join cohort c on c.id = a.cohort_id "
        + "where c.slug = ? order by a.id", Long.class, slug);
    var answers = app.getBean(space.djangonaut.missioncontrol.application.ReviewService.class)
        .answersForReviewer(ids.get(0), null);
    Map<String, Object> drawn = new java.util.LinkedHashMap<>();
    for (var component : answers.getClass().getRecordComponents()) {
      drawn.put(component.getName(), component.getAccessor().invoke(answers));
    }
    // TaskForms.DRAWN_IN_ZONE, written out so that the benchmark runs on the code before it too.
    drawn.put("drawnInZone", "UTC");
    ApplicationShapeListener.VARIABLES = Map.copyOf(drawn);
    var shaped = Bpmn.createExecutableProcess("bareApplicationShape").camundaHistoryTimeToLive(1)
        .camundaStartableInTasklist(false)
        .startEvent("StartEvent_Shape")
        .serviceTask("Task_ShapeStep").camundaAsyncBefore().camundaExpression("${true}")
        .userTask("Task_ShapeReview").camundaCandidateGroups("reviewers")
        .camundaInputParameter("scoreMotivation", "${null}").camundaInputParameter("scoreExperience", "${null}")
        .camundaInputParameter("scoreAvailability", "${null}").camundaInputParameter("scoreCommunity", "${null}")
        .camundaInputParameter("recommendation", "${null}").camundaInputParameter("reviewComment", "${null}")
        .camundaTaskListenerClass("create", ApplicationShapeListener.class.getName())
        .multiInstance().parallel().cardinality("2").camundaAsyncAfter().multiInstanceDone()
        .endEvent("EndEvent_Shape")
        .done();
    app.getBean(RepositoryService.class).createDeployment().name("bare shape")
        .addModelInstance("bare-shape.bpmn", shaped).deploy();
    RuntimeService runtime = app.getBean(RuntimeService.class);
    var emails = app.getBean(space.djangonaut.missioncontrol.application.ApplicationEmails.class);
    Call engineShape = i -> {
      long start = System.nanoTime();
      runtime.startProcessInstanceByKey("bareApplicationShape", String.valueOf(ids.get(i % ids.size())));
      return System.nanoTime() - start;
    };
    // Each email its own step: one already sent (the same idempotency key) would not be sent again.
    AtomicInteger emailSteps = new AtomicInteger();
    Call email = i -> {
      long start = System.nanoTime();
      emails.send(ids.get(i % ids.size()), space.djangonaut.missioncontrol.mail.MailTemplate.APPLICATION_RECEIVED,
          new space.djangonaut.missioncontrol.mail.Step("bench-email-" + emailSteps.incrementAndGet(),
              "Task_SendAcknowledgement"));
      return System.nanoTime() - start;
    };
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    Call oursPage = i -> page(port, "/cohorts/" + slug + "/apply");
    Call webPage = i -> page(port, "/cohorts/" + slug + "/apply-baseline");
    timed(4, WARM_UP, engineShape);
    timed(4, WARM_UP, email);
    timed(4, WARM_UP, oursPage);
    timed(4, WARM_UP, webPage);
    settle();
    int count = INTAKE;
    Cost shapeCost = cost(count, engineShape);
    Cost mailCost = cost(count, email);
    long[] shape = shapeCost.cpu();
    long[] mail = mailCost.cpu();
    long[] oursPageCpu = cost(count, oursPage).cpu();
    long[] webPageCpu = cost(count, webPage).cpu();
    Map<String, Long> shapeThreads = shapeCost.threads();
    Map<String, Long> mailThreads = mailCost.threads();
    double pageExtra = (oursPageCpu[0] + oursPageCpu[1] - webPageCpu[0] - webPageCpu[1]) / 1e6 / count;
    String line = String.format("parts, 8 clients, CPU per application: (a') the engine running the application's "
        + "shape (async step, two review tasks with their %d drawn variables and 6 inputs each, history) %.1f ms "
        + "(JVM %.1f, PostgreSQL %.1f) | (c) the acknowledgement email rendered, kept in the outbox and delivered over "
        + "SMTP %.1f ms (JVM %.1f, PostgreSQL %.1f) | (d) the public form's page (GET) beyond (b)'s plain page %.1f ms "
        + "(ours %.1f, (b)'s %.1f, the HTTP client's included)%n", drawn.size(), (shape[0] + shape[1]) / 1e6 / count,
        shape[0] / 1e6 / count, shape[1] / 1e6 / count, (mail[0] + mail[1]) / 1e6 / count, mail[0] / 1e6 / count,
        mail[1] / 1e6 / count, pageExtra, (oursPageCpu[0] + oursPageCpu[1]) / 1e6 / count,
        (webPageCpu[0] + webPageCpu[1]) / 1e6 / count);
    double parts = (shape[0] + shape[1] + mail[0] + mail[1]) / 1e6 / count + webAt8 + pageExtra;
    line += String.format("parts, 8 clients: ours %.1f ms | (a') + (b) + (c) + (d) %.1f ms | ours/((a')+(b)+(c)+(d)) "
        + "%.2f | load %s%n", oursAt8, parts, oursAt8 / parts, load());
    line += String.format("parts, 8 clients, JVM CPU per application by thread: ours %s | (b) %s | (a') %s | (c) %s%n",
        oursThreadsAt8, webThreadsAt8, describeThreads(shapeThreads, shape[0], count),
        describeThreads(mailThreads, mail[0], count));
    double server = oursAt8 - oursClientAt8;
    double serverParts = parts - webClientAt8;
    line += String.format("parts, 8 clients, the server alone (the benchmark's HTTP clients taken out of ours and (b)): "
        + "ours %.1f ms | (a') + (b) + (c) + (d) %.1f ms | ours/((a')+(b)+(c)+(d)) %.2f%n", server, serverParts,
        server / serverParts);
    report.append(line);
    System.out.print(line);
  }

  /**
   * The CPU the application takes with nothing to do, per second over ten seconds, by thread: what a measurement at
   * one client, which takes the longest, pays most of.
   */
  private void idle() throws InterruptedException {
    long[] before = cpuNanos();
    Map<String, Long> threadsBefore = threadCpu();
    long start = System.nanoTime();
    Thread.sleep(10_000);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] after = cpuNanos();
    Map<String, Long> threads = new java.util.TreeMap<>();
    addThreads(threads, threadsBefore, threadCpu());
    String line = String.format("idle: CPU %.1f ms per second (JVM %.1f, PostgreSQL %.1f); JVM by thread: %s%n",
        (after[0] - before[0] + after[1] - before[1]) / 1e6 / seconds, (after[0] - before[0]) / 1e6 / seconds,
        (after[1] - before[1]) / 1e6 / seconds, describeThreads(threads, after[0] - before[0], seconds)
            .replace(",", " ms/s,")+ " ms/s");
    report.append(line);
    System.out.print(line);
  }

  /** JVM CPU of ours and of (b) at 8 clients by thread, for the parts. */
  private String oursThreadsAt8;
  private String webThreadsAt8;
  private double oursClientAt8;
  private double webClientAt8;

  /** Which work a thread does, by its name. */
  private static final List<Map.Entry<String, Pattern>> THREAD_GROUPS = List.of(
      Map.entry("callers", Pattern.compile("^$")),
      Map.entry("requests", Pattern.compile("http-nio")),
      Map.entry("jobs", Pattern.compile("camundaTaskExecutor|JobExecutor")),
      Map.entry("delivery", Pattern.compile("mail-delivery")));

  /**
   * CPU time, in nanoseconds, of the threads that have called for the benchmark (its HTTP clients, or the callers of
   * the engine's API for (a) and (a')), added when each ends.
   */
  private static final java.util.concurrent.atomic.AtomicLong CLIENT_CPU = new java.util.concurrent.atomic.AtomicLong();

  /**
   * CPU time so far, in nanoseconds, of this JVM's live threads by {@link #THREAD_GROUPS}, and of the callers that
   * have ended ("callers").
   */
  private static Map<String, Long> threadCpu() {
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new HashMap<>();
    cpu.put("callers", CLIENT_CPU.get());
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      String group = THREAD_GROUPS.stream().filter(g -> g.getValue().matcher(info.getThreadName()).find())
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (group != null && nanos > 0) {
        cpu.merge(group, nanos, Long::sum);
      }
    }
    return cpu;
  }

  private static void addThreads(Map<String, Long> sum, Map<String, Long> before, Map<String, Long> after) {
    after.forEach((group, nanos) -> sum.merge(group, nanos - before.getOrDefault(group, 0L), Long::sum));
  }

  /**
   * Milliseconds per application by thread group; "callers" are the benchmark's own client threads (for ours and
   * (b) an HTTP client reading the page and sending the form; for (a) and (a') the engine's API running in them);
   * "other" is the rest of the JVM's CPU: the compiler and the collector (threads of the JVM's own, which the
   * thread bean does not list), timers, and threads that ended before the second reading (GreenMail's, one per SMTP
   * connection; an idle delivery thread's).
   */
  private static String describeThreads(Map<String, Long> groups, long jvmNanos, double applications) {
    StringBuilder out = new StringBuilder();
    long named = 0;
    for (var group : THREAD_GROUPS) {
      long nanos = groups.getOrDefault(group.getKey(), 0L);
      named += nanos;
      out.append(String.format("%s %.1f, ", group.getKey(), nanos / 1e6 / applications));
    }
    return out.append(String.format("other %.1f", (jvmNanos - named) / 1e6 / applications)).toString();
  }

  /** CPU in milliseconds per application of ours and of (b) at 8 clients, for the parts. */
  private double oursAt8;
  private double webAt8;

  /** CPU time, in nanoseconds, of the JVM ([0]) and its PostgreSQL ([1]), and of the JVM by thread group. */
  private record Cost(long[] cpu, Map<String, Long> threads) {}

  /** What {@code count} calls from 8 clients cost, with the jobs and emails they cause. */
  private Cost cost(int count, Call call) throws Exception {
    long[] before = cpuNanos();
    Map<String, Long> threadsBefore = threadCpu();
    timed(8, count, call);
    settle();
    long[] cpu = new long[2];
    add(cpu, before, cpuNanos());
    Map<String, Long> threads = new java.util.TreeMap<>();
    addThreads(threads, threadsBefore, threadCpu());
    return new Cost(cpu, threads);
  }

  /**
   * The review tasks of (a'): the same variables as a review task of ours, without reading them from the database.
   * Public, for the engine instantiates it by class name.
   */
  public static class ApplicationShapeListener implements org.camunda.bpm.engine.delegate.TaskListener {
    static volatile Map<String, Object> VARIABLES = Map.of();

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
      task.setVariablesLocal(VARIABLES);
      task.setName("Review: " + VARIABLES.get("applicantName"));
    }
  }

  /** The database work of one round of our intake at 8 clients, per application. */
  private String oursTableWork;

  private static void add(long[] sum, long[] before, long[] after) {
    sum[0] += after[0] - before[0];
    sum[1] += after[1] - before[1];
  }

  /**
   * CPU time so far, in nanoseconds, of this JVM ([0]) and of its PostgreSQL ([1]) when that runs on this machine
   * (the server process, its backends, and those that have ended).
   */
  private long[] cpuNanos() {
    if (postmaster == null) {
      long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
      postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent);
    }
    java.util.stream.Stream<ProcessHandle> database = postmaster.map(p -> java.util.stream.Stream.concat(
        java.util.stream.Stream.of(p), p.children())).orElse(java.util.stream.Stream.empty());
    return new long[] {cpu(ProcessHandle.current()),
        database.mapToLong(Benchmark::cpu).sum() + postmaster.map(Benchmark::endedChildrenCpu).orElse(0L)};
  }

  /**
   * The CPU time, in nanoseconds, of a process's children that have ended (Linux's {@code cutime} and
   * {@code cstime}), so that a PostgreSQL backend that ends between two readings is not lost from the second.
   */
  private static long endedChildrenCpu(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the name: state is field 0, so cutime and cstime (fields 16 and 17 of the whole line) are 13 and 14.
      long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private java.util.Optional<ProcessHandle> postmaster;

  /** The load average over 1, 5 and 15 minutes: how much of the two cores others took while a figure was taken. */
  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /**
   * One HTTP client per client thread, its cookies forgotten before each application (a new visitor, a new
   * session): a new client per application started threads of its own each time, a client's cost that the bare
   * engine (a) does not pay, taken from the server's cores.
   */
  private static final ThreadLocal<WebClient> BROWSERS = new ThreadLocal<>();

  /** This client thread's HTTP client, as a new visitor (no cookies). */
  private static WebClient newVisitor(int port) {
    WebClient browser = BROWSERS.get();
    if (browser == null) {
      browser = new WebClient(port);
      BROWSERS.set(browser);
    }
    browser.forgetCookies();
    return browser;
  }

  /** A new visitor's GET of a form page, as {@link #submit} starts. */
  private static long page(int port, String path) {
    WebClient browser = newVisitor(port);
    long start = System.nanoTime();
    WebClient.Response page = browser.get(path);
    if (page.status() != 200) {
      throw new IllegalStateException("The page answered " + page.status());
    }
    return System.nanoTime() - start;
  }

  private static long submit(int port, String path) {
    WebClient browser = newVisitor(port);
    var form = WebClient.form(browser.get(path), TestData.formAnswers(TestData.uniqueEmail(), "Bench Applicant"));
    long start = System.nanoTime();
    int status = browser.postForm(path, form).status();
    long took = System.nanoTime() - start;
    if (status != 302) {
      throw new IllegalStateException("Submission answered " + status);
    }
    return took;
  }

  // --- a whole cohort

  private void cohort() throws Exception {
    CohortDriver driver = app.getBean(CohortDriver.class);
    ApplicationService applicationService = app.getBean(ApplicationService.class);
    ApplicationRepository applications = app.getBean(ApplicationRepository.class);
    long cohortStart = System.nanoTime();
    long jobsBefore = jobsDone();
    report.append(String.format("cohort: %,d applications, %d places, %d weeks%n", APPLICATIONS, PLACES, WEEKS));

    CohortDriver.Run run = driver.open(PLACES, WEEKS);
    String slug = run.cohort().getSlug();
    // One Navigator a team: for 300 places and 80 teams, 60 take four and 20 take three. Captains take eight.
    phase(TEAMS + " Navigators and " + (PLACES + 7) / 8 + " Captains approved", () -> {
      int fours = PLACES - 3 * TEAMS;
      for (int n = 0; n < TEAMS; n++) {
        driver.volunteer(run, VolunteerRole.NAVIGATOR, n < fours ? 4 : 3, PROJECTS, EVENINGS);
      }
      for (int c = 0; c < (PLACES + 7) / 8; c++) {
        driver.volunteer(run, VolunteerRole.CAPTAIN, 8, List.of(), EVENINGS);
      }
    });

    List<Long> applied = Collections.synchronizedList(new ArrayList<>());
    // The acknowledgements wait (their jobs are created suspended) until every application is in, so that their
    // rate is their own: then they are let go at once, and the phase ends when the last one is delivered.
    management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(ApplicationProcess.KEY).includeJobs(true)
        .suspend();
    phase(String.format("%,d applications submitted (acknowledgements held)", APPLICATIONS), () -> {
      parallel(APPLICATIONS, i -> applied.add(applicationService.submit(slug, applicationForm(i)).getId()));
    });
    long sentBefore = sentEmails();
    phase(String.format("%,d acknowledgements sent and delivered", APPLICATIONS), () -> {
      management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(ApplicationProcess.KEY)
          .includeJobs(true).activate();
      settle();
    });
    long acknowledged = sentEmails() - sentBefore;
    report.append(String.format("  acknowledgement emails delivered: %,d, %.1f per second (target >= 150) | load %s%n",
        acknowledged, acknowledged / lastPhaseSeconds, load()));
    System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
    if (UNTIL.equals("intake")) {
      report.append(String.format("stopped after the acknowledgements (-Dbench.until=intake)%n"));
      return;
    }

    long openReviews = tasks.createTaskQuery().processDefinitionKey(ApplicationProcess.KEY)
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).count();
    Figures filter = reviewersFilter(run.cohort());
    report.append(String.format("  Tasklist filter \"Applications to review\" as a reviewer, %,d open review tasks "
        + "(first page of 15 and the count): p50 %.1f ms, p95 %.1f ms%n", openReviews, filter.p50(),
        filter.percentile(95)));

    List<String> reviewers = new ArrayList<>();
    Accounts accounts = app.getBean(Accounts.class);
    for (int r = 0; r < 20; r++) {
      String id = TestData.uniqueUserId("benchreviewer");
      accounts.ensureUser(id, id, "Bench", "Reviewer " + r, null, Roles.REVIEWERS);
      reviewers.add(id);
    }
    List<Long> ids = new ArrayList<>(applied);
    phase(String.format("%,d reviews by 20 reviewers", 2 * APPLICATIONS), () -> {
      parallel(ids.size(), i -> review(ids.get(i), reviewers.get(i % 20), reviewers.get((i + 1) % 20), score(i)));
      settle();
    });

    CohortLifecycle lifecycle = app.getBean(CohortLifecycle.class);
    String organiser = app.getBean(TestData.class).organiser();
    Date phaseStart = new Date();
    Map<String, long[]> tablesBefore = tableStatistics();
    phase("applications closed, ranked, selection finalised, decisions sent", () -> {
      lifecycle.closeEarly(slug);
      Task selection = awaitTask(run, CohortProcess.TASK_FINALISE_SELECTION);
      tasks.claim(selection.getId(), organiser);
      tasks.complete(selection.getId(), Map.of(CohortProcess.FIELD_SELECTION_CHANGES, ""));
      settle();
    });
    report.append(selectionTimeline(run, phaseStart));
    Thread.sleep(1500); // PostgreSQL publishes each connection's counters within a second
    report.append(tableWork(tablesBefore, tableStatistics(), APPLICATIONS));
    report.append(String.format("  selection phase: longest single transaction %.1f s (%s; target under 30 s) of "
        + "%,d; phase wall time %.1f s (target under 120 s)%n", lastLongest.nanos() / 1e9, describe(lastLongest),
        lastTransactions, lastPhaseSeconds));
    System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
    if (UNTIL.equals("selection")) {
      report.append(String.format("stopped after the selection (-Dbench.until=selection)%n"));
      return;
    }

    OfferService offers = app.getBean(OfferService.class);
    phase("offers accepted through their links", () -> {
      Map<String, String> tokens = tokens("offers");
      List<Application> offered = applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.OFFERED);
      parallel(offered.size(), i -> offers.answer(tokens.get(offered.get(i).getEmail()), true));
      settle();
    });
    int confirmed = applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED).size();
    TestInfrastructure.mail().purgeEmailFromAllMailboxes();

    phase("cohort started: waitlist closed, teams formed and confirmed, welcome emails", () -> {
      ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plusSeconds(60)));
      settle();
      Task confirm = awaitTask(run, CohortProcess.TASK_CONFIRM_TEAMS);
      tasks.claim(confirm.getId(), organiser);
      // The teams are not confirmed while a confirmed Djangonaut is in none: those left out join the first team.
      String firstTeam = app.getBean(TeamRepository.class).findByCohortIdOrderById(run.cohortId()).get(0).getName();
      String moves = app.getBean(ApplicationRepository.class)
          .findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED).stream()
          .filter(a -> app.getBean(TeamDirectory.class).teamOf(a.getId()).isEmpty())
          .map(a -> "move #" + a.getId() + " to " + firstTeam).collect(java.util.stream.Collectors.joining("\n"));
      // Such moves break the rules (team size, capacity, hours): the organiser confirms anyway (issue 11).
      tasks.complete(confirm.getId(), moves.isEmpty() ? Map.of("confirmAnyway", true)
          : Map.of("teamAdjustments", moves, "confirmAnyway", true));
      settle();
    });
    int teams = app.getBean(TeamRepository.class).findByCohortIdOrderById(run.cohortId()).size();
    int placed = app.getBean(TeamDirectory.class).djangonautIds(run.cohortId()).size();
    List<TeamFormation.Problem> problems = app.getBean(TeamService.class).problems(run.cohortId());
    report.append(String.format("  %d confirmed Djangonauts, %d of them in %d teams; %d problems reported to the "
        + "organiser (who moved those left out into the first team and confirmed)%n", confirmed, placed, teams, problems.size()));

    AtomicInteger checkIns = new AtomicInteger();
    AtomicInteger oneToOnes = new AtomicInteger();
    phase(WEEKS + " weeks of check-ins and one-to-ones", () -> {
      for (int week = 1; week <= WEEKS; week++) {
        ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * (week - 1)))
            .plusSeconds(60)));
        settle();
        int w = week;
        List<Task> open = driver.openTasks(run, TeamProcess.TASK_RECORD_CHECK_IN);
        parallel(open.size(), i -> {
          tasks.complete(open.get(i).getId(), checkIn(w, i));
          checkIns.incrementAndGet();
        });
        List<Task> talks = driver.openTasks(run, TeamProcess.TASK_HOLD_ONE_TO_ONE);
        parallel(talks.size(), i -> {
          tasks.complete(talks.get(i).getId(), Map.of("oneToOneHeld", i % 10 != 0, "oneToOneNotes", "fine"));
          oneToOnes.incrementAndGet();
        });
        settle();
      }
    });
    report.append(String.format("  %d check-ins and %d one-to-ones recorded%n", checkIns.get(), oneToOnes.get()));

    SurveyService surveys = app.getBean(SurveyService.class);
    AtomicInteger answered = new AtomicInteger();
    phase("survey answered, reminded and closed; impact report", () -> {
      // The survey goes out when the last week ends, on the calendar.
      ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plus(Duration.ofDays(7L * WEEKS)).plusSeconds(60)));
      settle();
      Set<String> djangonauts = new HashSet<>();
      applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.CONFIRMED)
          .forEach(a -> djangonauts.add(a.getEmail()));
      List<Map.Entry<String, String>> invited = new ArrayList<>(tokens("survey").entrySet());
      parallel(invited.size(), i -> {
        boolean djangonaut = djangonauts.contains(invited.get(i).getKey());
        if (i % 5 == 4) {
          return; // one in five does not answer and gets the reminder
        }
        SurveyForm form = new SurveyForm();
        if (djangonaut) {
          form.setComfortContributing(Comfort.MORE);
          form.setComfortCommunity(i % 12 == 0 ? Comfort.SAME : Comfort.MORE);
        } else {
          form.setComfortMentoring(Comfort.MORE);
        }
        form.setMayQuote(false);
        surveys.answer(invited.get(i).getValue(), form);
        answered.incrementAndGet();
      });
      // A week later the reminder, another week later the survey closes.
      for (int step = 0; step < 2; step++) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7))
            .plusSeconds(60)));
        settle();
      }
      Task publish = awaitTask(run, CohortProcess.TASK_PUBLISH_REPORT);
      tasks.claim(publish.getId(), organiser);
      tasks.complete(publish.getId());
      settle();
    });
    ImpactReport impact = app.getBean(ImpactReportService.class).report(run.cohortId());
    report.append(String.format("  %d survey answers; report: %d tickets progressed, %d closed, %d check-ins, %d "
            + "one-to-ones held, %d PR review comments, %d presentations, %d%% more comfortable with the community%n",
        answered.get(), impact.ticketsProgressed(), impact.ticketsClosed(), impact.checkInsHeld(),
        impact.oneToOnesHeld(), impact.prReviewComments(), impact.presentations(),
        impact.moreComfortableWithCommunity().percent()));

    double seconds = (System.nanoTime() - cohortStart) / 1e9;
    long jobs = jobsDone() - jobsBefore;
    long emails = jdbc.queryForObject("select count(*) from outbox_email where status = 'SENT'", Long.class);
    long incidents = management.createJobQuery().noRetriesLeft().count();
    boolean ended = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(run.process().getId()).count() == 0;
    report.append(String.format("cohort total: %.1f min; %,d jobs executed by the job executor (%.1f jobs/s over "
        + "the whole run); %,d emails delivered (whole run); %d jobs out of retries; cohort process ended: %s%n",
        seconds / 60, jobs, jobs / seconds, emails, incidents, ended));
  }

  private Figures reviewersFilter(Cohort cohort) {
    String reviewer = TestData.uniqueUserId("benchfilter");
    app.getBean(Accounts.class).ensureUser(reviewer, reviewer, "Bench", "Filter", null, Roles.REVIEWERS);
    app.getBean(CohortReviewers.class).add(cohort, reviewer);
    FilterService filters = app.getBean(FilterService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    String filterId = filters.createFilterQuery().filterName(GroupsAndFilters.FILTER_APPLICATIONS_TO_REVIEW)
        .singleResult().getId();
    List<Long> times = new ArrayList<>();
    identity.setAuthentication(reviewer, List.of(Roles.REVIEWERS),
        List.of(CohortReviewers.tenantId(cohort.getId())));
    try {
      for (int i = 0; i < 65; i++) {
        long start = System.nanoTime();
        filters.listPage(filterId, 0, 15);
        filters.count(filterId);
        if (i >= 5) {
          times.add(System.nanoTime() - start);
        }
      }
    } finally {
      identity.clearAuthentication();
    }
    return new Figures(times, 0);
  }

  private void review(long applicationId, String first, String second, int score) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(applicationId))
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list();
    for (int t = 0; t < open.size(); t++) {
      tasks.claim(open.get(t).getId(), t == 0 ? first : second);
      tasks.complete(open.get(t).getId(), TestData.reviewForm(score, score >= 3 ? "accept" : "maybe"));
    }
  }

  /** Scores spread so that about one application in ten scores 5. */
  private static int score(int i) {
    return i % 10 == 0 ? 5 : 1 + i % 4;
  }

  private static Map<String, Object> checkIn(int week, int i) {
    Map<String, Object> form = new HashMap<>();
    form.put("checkInHeld", true);
    form.put("djangonautsAttended", 3L);
    // Each team works on tickets of its own, a new one every other week, and closes one every fourth week.
    StringBuilder lines = new StringBuilder();
    for (int t = 0; t < (week + i) % 3; t++) {
      lines.append('#').append(10_000 + i * 100 + week / 2 + t).append(" progressed\n");
    }
    if (week % 4 == 0) {
      lines.append('#').append(10_000 + i * 100 + week / 2).append(" closed\n");
    }
    form.put("contributions", lines.toString());
    form.put("prReviewComments", 2L + week % 5);
    form.put("presentations", week == WEEKS && i % 10 == 0 ? 1L : 0L);
    return form;
  }

  private static ApplicationForm applicationForm(int i) {
    ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
    form.setName("Applicant " + i);
    form.setProject(PROJECTS.get(i % PROJECTS.size()));
    List<String> slots = new ArrayList<>(EVENINGS.subList(0, 3));
    slots.add(EVENINGS.get(3 + i % 2));
    form.setAvailability(slots);
    return form;
  }

  // --- machinery

  interface Step {
    void run() throws Exception;
  }

  interface Call {
    long call(int i) throws Exception;
  }

  interface Each {
    void run(int i) throws Exception;
  }

  private void phase(String name, Step step) throws Exception {
    long jobs = jobsDone();
    timer.reset();
    long start = System.nanoTime();
    step.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    lastLongest = timer.longest();
    lastTransactions = timer.transactions();
    lastPhaseSeconds = seconds;
    long executed = jobsDone() - jobs;
    report.append(String.format("  %-75s %7.1f s, %,7d jobs (%.0f/s) | load %s%n", name, seconds, executed,
        executed / seconds, load()));
    System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
  }

  /**
   * Where the selection phase's time went, from the cohort's history: closing and ranking until the selection task,
   * and from the finalised selection until every application was told (the emails are delivered after that).
   */
  private String selectionTimeline(CohortDriver.Run run, Date phaseStart) {
    HistoryService history = app.getBean(HistoryService.class);
    java.util.function.Function<String, org.camunda.bpm.engine.history.HistoricActivityInstance> activity = id ->
        history.createHistoricActivityInstanceQuery().processInstanceId(run.process().getId()).activityId(id)
            .orderByHistoricActivityInstanceEndTime().desc().list().stream().findFirst().orElse(null);
    var selection = activity.apply(CohortProcess.TASK_FINALISE_SELECTION);
    var batches = activity.apply(CohortProcess.SUB_PROCESS_TELL_DECISION_BATCH
        + org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX);
    var told = activity.apply(CohortProcess.END_EVENT_DECISIONS_SENT);
    if (selection == null || told == null) {
      return String.format("  (the cohort's history has no finalised selection or no end of its decisions)%n");
    }
    return String.format("  of which: closed and ranked until the selection task %.1f s; finalised until every "
        + "application told %.1f s (batches %.1f s); emails delivered after that %.1f s%n",
        (selection.getStartTime().getTime() - phaseStart.getTime()) / 1e3,
        (told.getEndTime().getTime() - selection.getEndTime().getTime()) / 1e3,
        batches == null || batches.getEndTime() == null ? Double.NaN
            : (batches.getEndTime().getTime() - batches.getStartTime().getTime()) / 1e3,
        (System.currentTimeMillis() - told.getEndTime().getTime()) / 1e3);
  }

  /** PostgreSQL's counters per table: rows inserted, updated, deleted, index scans, sequential scans. */
  private Map<String, long[]> tableStatistics() {
    Map<String, long[]> counts = new java.util.TreeMap<>();
    jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), seq_scan "
        + "from pg_stat_user_tables", row -> {
          counts.put(row.getString(1).toLowerCase(), new long[] {row.getLong(2), row.getLong(3), row.getLong(4),
              row.getLong(5), row.getLong(6)});
        });
    return counts;
  }

  /**
   * The database work of a phase per application, table by table (the busiest first): where a phase's time goes
   * when its transactions wait on the database. PostgreSQL's statistics lag by up to half a second.
   */
  private String tableWork(Map<String, long[]> before, Map<String, long[]> after, int applications)
      throws InterruptedException {
    StringBuilder out = new StringBuilder(String.format(
        "  database work per application (inserts, updates, deletes, index scans, sequential scans):%n"));
    List<Map.Entry<String, long[]>> deltas = new ArrayList<>();
    for (Map.Entry<String, long[]> table : after.entrySet()) {
      long[] old = before.getOrDefault(table.getKey(), new long[5]);
      long[] delta = new long[5];
      for (int i = 0; i < 5; i++) {
        delta[i] = table.getValue()[i] - old[i];
      }
      if (java.util.Arrays.stream(delta).sum() > 0) {
        deltas.add(Map.entry(table.getKey(), delta));
      }
    }
    deltas.sort((a, b) -> Long.compare(java.util.Arrays.stream(b.getValue()).sum(),
        java.util.Arrays.stream(a.getValue()).sum()));
    long[] total = new long[5];
    for (Map.Entry<String, long[]> table : deltas) {
      long[] d = table.getValue();
      for (int i = 0; i < 5; i++) {
        total[i] += d[i];
      }
      out.append(String.format("    %-28s %6.2f %6.2f %6.2f %6.2f %6.2f%n", table.getKey(), d[0] / (double) applications,
          d[1] / (double) applications, d[2] / (double) applications, d[3] / (double) applications,
          d[4] / (double) applications));
    }
    out.append(String.format("    %-28s %6.2f %6.2f %6.2f %6.2f %6.2f%n", "all tables", total[0] / (double) applications,
        total[1] / (double) applications, total[2] / (double) applications, total[3] / (double) applications,
        total[4] / (double) applications));
    return out.toString();
  }

  private TransactionTimer.Longest lastLongest;
  private long lastTransactions;
  private double lastPhaseSeconds;

  /** The longest transaction in words: its command, and for a job, its activity and kind from the job log. */
  private String describe(TransactionTimer.Longest longest) {
    if (longest.jobId() == null) {
      return longest.command();
    }
    return app.getBean(HistoryService.class).createHistoricJobLogQuery().jobId(longest.jobId()).list().stream()
        .findFirst().map(log -> "job " + log.getActivityId() + " " + log.getJobDefinitionConfiguration() + " of "
            + log.getProcessDefinitionKey()).orElse("job " + longest.jobId());
  }

  /** Waits until the job executor has run every due job and every email in the outbox is delivered. */
  private void settle() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(SETTLE_MINUTES).toNanos();
    long nextProgress = start + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      // A failed job waits for its retry (five minutes for an email step) and is not due: without this, a run whose
      // jobs all fail would settle at once and print the figures of work never done.
      List<org.camunda.bpm.engine.runtime.Job> failed = management.createJobQuery().withException().listPage(0, 1);
      if (!failed.isEmpty()) {
        throw new IllegalStateException("A job failed: " + failed.get(0).getExceptionMessage());
      }
      long due = management.createJobQuery().executable().active().count();
      // SENDING: claimed by a delivery under way, not delivered yet.
      Long pending = jdbc.queryForObject("select count(*) from outbox_email where status in ('PENDING', 'SENDING')",
          Long.class);
      if (due == 0 && pending == 0) {
        return;
      }
      if (System.nanoTime() > nextProgress) {
        // A long wait says how it goes, so that a run cut short still tells its longest transaction so far.
        nextProgress += Duration.ofMinutes(1).toNanos();
        TransactionTimer.Longest longest = timer.longest();
        System.out.printf("    ... %.0f s: %,d jobs due, %,d emails pending, %,d transactions, longest %.1f s (%s)%n",
            (System.nanoTime() - start) / 1e9, due, pending, timer.transactions(), longest.nanos() / 1e9,
            describe(longest));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Jobs or emails still waiting after " + SETTLE_MINUTES + " minutes");
  }

  private Task awaitTask(CohortDriver.Run run, String key) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      List<Task> found = tasks.createTaskQuery().processInstanceId(run.process().getId()).taskDefinitionKey(key)
          .list();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(key + " did not appear");
  }

  private long sentEmails() {
    return jdbc.queryForObject("select count(*) from outbox_email where status = 'SENT'", Long.class);
  }

  private long jobsDone() {
    management.reportDbMetricsNow();
    return management.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum();
  }

  /** The newest personal link of this kind emailed to each recipient. */
  private static Map<String, String> tokens(String kind) throws Exception {
    Map<String, String> tokens = new HashMap<>();
    for (MimeMessage message : TestInfrastructure.mail().getReceivedMessages()) {
      Matcher matcher = LINK_TOKEN.matcher(Mailbox.text(message));
      while (matcher.find()) {
        if (matcher.group(1).equals(kind)) {
          tokens.put(message.getAllRecipients()[0].toString(), matcher.group(2));
        }
      }
    }
    return tokens;
  }

  private void parallel(int count, Each each) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> {
        each.run(index);
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }

  private Figures timed(int clients, int count, Call call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(threads.submit(() -> {
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            times.add(call.call(i));
          }
        } finally {
          CLIENT_CPU.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore);
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    threads.shutdown();
    return new Figures(new ArrayList<>(times), System.nanoTime() - start);
  }

  private record Figures(List<Long> nanos, long wallNanos) {
    static final Figures NONE = new Figures(List.of(), 0);

    Figures and(Figures more) {
      List<Long> all = new ArrayList<>(nanos);
      all.addAll(more.nanos);
      return new Figures(all, wallNanos + more.wallNanos);
    }

    double perSecond() {
      return nanos.size() / (wallNanos / 1e9);
    }

    double p50() {
      return percentile(50);
    }

    double p99() {
      return percentile(99);
    }

    double percentile(int p) {
      if (nanos.isEmpty()) {
        return Double.NaN;
      }
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
      return sorted.get(Math.max(0, index)) / 1e6;
    }
  }

  private static String memory() throws Exception {
    long peakHeap = 0;
    for (MemoryPoolMXBean memoryPool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (memoryPool.getType() == MemoryType.HEAP) {
        peakHeap += memoryPool.getPeakUsage().getUsed();
      }
    }
    String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: unknown").replaceAll("\\s+", " ");
    return String.format("memory: peak heap %d MB (GreenMail's mailbox included); peak RSS %s%n",
        peakHeap / (1024 * 1024), rss.replace("VmHWM: ", ""));
  }
}
