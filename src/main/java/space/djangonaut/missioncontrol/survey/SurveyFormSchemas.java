package space.djangonaut.missioncontrol.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.DeployedForms;
import space.djangonaut.missioncontrol.common.FormSchema;

/**
 * The version of the feedback survey and of the mid-point check each cohort asks: the latest deployed when the
 * cohort was created (a form changed later applies to the cohorts created after), written in
 * {@code cohort_survey_form} the first time it is needed so that it stays. A cohort created before any version was
 * deployed takes the first version still deployed; a version whose deployment was deleted gives way to the latest.
 */
@Component
public class SurveyFormSchemas {

  private final DeployedForms forms;
  private final CohortRepository cohorts;
  private final JdbcTemplate jdbc;

  private final TransactionTemplate ownTransaction;

  SurveyFormSchemas(DeployedForms forms, CohortRepository cohorts, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.forms = forms;
    this.cohorts = cohorts;
    this.jdbc = jdbc;
  }

  /**
   * The form the cohort asks, written down the first time (in a transaction of its own: call it outside the
   * caller's, as the pages do).
   *
   * @throws IllegalStateException if the form is not deployed (Mission Control deploys it at start-up)
   */
  public FormSchema forCohort(FormSchema.Rules rules, long cohortId) {
    return resolve(rules, cohortId, true);
  }

  /**
   * The form the cohort asks, as {@link #forCohort} finds it, without writing it down (for a read-only transaction,
   * such as the impact report's).
   *
   * @throws IllegalStateException if the form is not deployed
   */
  public FormSchema forCohortReadOnly(FormSchema.Rules rules, long cohortId) {
    return resolve(rules, cohortId, false);
  }

  private FormSchema resolve(FormSchema.Rules rules, long cohortId, boolean write) {
    DeployedForms.Deployed latest = forms.latest(rules.formId())
        .orElseThrow(() -> new IllegalStateException("No Camunda Form " + rules.formId() + " is deployed."));
    Integer pinned = pinned(rules, cohortId);
    if (pinned == null) {
      Cohort cohort = cohorts.findById(cohortId).orElseThrow();
      int version = versionAt(rules.formId(), latest.version(), cohort.getCreatedAt());
      if (write) {
        try {
          // In a transaction of its own: two first visits at once write it once, and the other reads it.
          ownTransaction.executeWithoutResult(status -> jdbc.update("insert into cohort_survey_form (cohort_id,"
              + " form_id, version) select ?, ?, ? where not exists (select 1 from cohort_survey_form where"
              + " cohort_id = ? and form_id = ?)", cohortId, rules.formId(), version, cohortId, rules.formId()));
        } catch (DataIntegrityViolationException written) {
          // another request wrote it first
        }
      }
      pinned = write ? pinned(rules, cohortId) : Integer.valueOf(version);
    }
    DeployedForms.Deployed chosen = pinned == latest.version() ? latest
        : forms.version(rules.formId(), pinned).orElse(latest);
    return forms.schema(chosen, rules);
  }

  /** A version deployed before (for the answers stored with it), or empty if its deployment was deleted. */
  public Optional<FormSchema> version(FormSchema.Rules rules, int version) {
    return forms.version(rules.formId(), version).map(deployed -> forms.schema(deployed, rules));
  }

  private Integer pinned(FormSchema.Rules rules, long cohortId) {
    List<Integer> found = jdbc.queryForList("select version from cohort_survey_form where cohort_id = ? and"
        + " form_id = ?", Integer.class, cohortId, rules.formId());
    return found.isEmpty() ? null : found.get(0);
  }

  /** The latest version deployed at or before {@code at}, else the first one still deployed. */
  private int versionAt(String formId, int latest, Instant at) {
    int first = latest;
    for (int version = latest; version >= 1; version--) {
      Optional<DeployedForms.Deployed> deployed = forms.version(formId, version);
      if (deployed.isEmpty()) {
        continue;
      }
      if (at == null || !deployed.get().deployedAt().isAfter(at)) {
        return version;
      }
      first = version;
    }
    return first;
  }
}
