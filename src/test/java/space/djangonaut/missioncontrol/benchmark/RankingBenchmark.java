package space.djangonaut.missioncontrol.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import space.djangonaut.missioncontrol.MissionControlApplication;
import space.djangonaut.missioncontrol.application.ProgrammeRules;
import space.djangonaut.missioncontrol.application.Recommendation;
import space.djangonaut.missioncontrol.application.SelectionService;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.TestInfrastructure;

/**
 * How long the ranking of a cohort takes with the programme rules as decision tables: {@code bench.applications}
 * (default 10,000) reviewed applications with two reviews each are written straight to the database, then
 * {@link SelectionService#rank} runs in one engine command, as Task_RankApplications runs it in a job (every
 * application proposed by {@code bpmn/selection-proposal.dmn} through the DecisionService, each evaluation kept in
 * history). Prints the figures; asserts nothing.
 *
 * <pre>mvn -B -Dexec.skip=false test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=space.djangonaut.missioncontrol.benchmark.RankingBenchmark</pre>
 */
public final class RankingBenchmark {

  private static final int APPLICATIONS = Integer.getInteger("bench.applications", 10_000);

  private RankingBenchmark() {}

  public static void main(String[] args) {
    int status = 0;
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MissionControlApplication.class)
        .profiles("test").initializers(new TestInfrastructure())
        .run("--server.port=0", "--logging.level.root=error")) {
      run(app);
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    } finally {
      TestInfrastructure.mail().stop();
    }
    System.exit(status);
  }

  private static void run(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngineConfiguration.class);
    HistoryService history = app.getBean(HistoryService.class);
    CohortForm form = TestData.cohortForm("Benchmark " + TestData.unique("s"), TestData.unique("bench"));
    form.setCapacity(300);
    long cohortId = app.getBean(CohortLifecycle.class).open(form).getId();
    Random random = new Random(11);
    Instant submitted = Instant.parse("2026-01-05T09:00:00Z");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      rows.add(new Object[] {cohortId, "Applicant " + i, "bench-" + cohortId + "-" + i + "@example.org",
          Timestamp.from(submitted.plusSeconds(i))});
    }
    long started = System.nanoTime();
    jdbc.batchUpdate("insert into application (cohort_id, name, email, timezone, availability, hours_per_week, "
        + "django_experience, experience_details, motivation, project, contribution_url, "
        + "code_of_conduct_accepted, status, submitted_at) values (?, ?, ?, 'UTC', 'MON-18', 5, 'NONE', 'x', 'x', "
        + "'Django core', 'https://example.org', true, 'REVIEWED', ?)", rows);
    List<Long> ids = jdbc.queryForList("select id from application where cohort_id = ? order by id", Long.class,
        cohortId);
    List<Object[]> reviews = new ArrayList<>();
    List<Object[]> scores = new ArrayList<>();
    Recommendation[] recommendations = Recommendation.values();
    for (long id : ids) {
      int first = 1 + random.nextInt(5);
      int second = Math.max(1, Math.min(5, first + random.nextInt(3) - 1));
      reviews.add(review(id, "r1", first, recommendations[random.nextInt(3)]));
      reviews.add(review(id, "r2", second, recommendations[random.nextInt(3)]));
      scores.add(new Object[] {(first + second) * 2.0, id});
    }
    jdbc.batchUpdate("insert into review (application_id, reviewer, score_motivation, score_experience, "
        + "score_availability, score_community, recommendation, tie_break, reviewed_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, false, now())", reviews);
    jdbc.batchUpdate("update application set aggregate_score = ? where id = ?", scores);
    System.out.printf("%n%,d reviewed applications and %,d reviews written in %.1f s%n", ids.size(), reviews.size(),
        (System.nanoTime() - started) / 1e9);

    SelectionService selection = app.getBean(SelectionService.class);
    ProgrammeRules rules = app.getBean(ProgrammeRules.class);
    for (int round = 1; round <= 2; round++) {
      long historyBefore = history.createHistoricDecisionInstanceQuery().count();
      started = System.nanoTime();
      int ranked = engine.getCommandExecutorTxRequired().execute(context -> selection.rank(cohortId));
      double seconds = (System.nanoTime() - started) / 1e9;
      long evaluations = history.createHistoricDecisionInstanceQuery().count() - historyBefore;
      System.out.printf("ranking %d: %,d applications ranked and proposed in %.2f s (%.0f us each, commit and "
          + "history included); %,d decision evaluations in history%n", round, ranked, seconds,
          seconds * 1e6 / ranked, evaluations);
    }
    started = System.nanoTime();
    engine.getCommandExecutorTxRequired().execute(context -> {
      ProgrammeRules.Proposer proposer = rules.proposer();
      for (int i = 1; i <= APPLICATIONS; i++) {
        proposer.propose(i, 300, java.math.BigDecimal.TEN, Recommendation.MAYBE, Recommendation.ACCEPT, null, false);
      }
      return null;
    });
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("the table alone: %,d evaluations through the DecisionService in %.2f s (%.0f us each, "
        + "history included)%n", APPLICATIONS, seconds, seconds * 1e6 / APPLICATIONS);
    started = System.nanoTime();
    engine.getCommandExecutorTxRequired().execute(context -> {
      for (int i = 1; i <= APPLICATIONS; i++) {
        jdbc.queryForObject("select 1", Integer.class); // a floor: one database round trip per application
      }
      return null;
    });
    seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("for scale: %,d round trips to the database in %.2f s%n", APPLICATIONS, seconds);
  }

  private static Object[] review(long applicationId, String reviewer, int score, Recommendation recommendation) {
    return new Object[] {applicationId, reviewer, score, score, score, score, recommendation.name()};
  }
}
