package space.djangonaut.missioncontrol.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.DjangoExperience;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.Roles;

/** Small factories for test fixtures. Every name is unique, so tests sharing one database never collide. */
@Component
public class TestData {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final CohortService cohorts;
  private final ApplicationService applications;
  private final Accounts accounts;
  private final ManagementService managementService;
  private final CohortReviewers cohortReviewers;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  TestData(CohortService cohorts, ApplicationService applications, Accounts accounts,
      ManagementService managementService, CohortReviewers cohortReviewers, TaskService taskService,
      RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.cohorts = cohorts;
    this.applications = applications;
    this.accounts = accounts;
    this.managementService = managementService;
    this.cohortReviewers = cohortReviewers;
    this.taskService = taskService;
  }

  public static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** A unique Camunda user id: letters and digits only. */
  public static String uniqueUserId(String prefix) {
    return prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
  }

  /** The form of a cohort whose applications opened yesterday, close in 10 days; it starts in 40. */
  public static CohortForm cohortForm(String name, String slug) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    CohortForm form = new CohortForm();
    form.setName(name);
    form.setSlug(slug);
    form.setApplicationsOpenOn(today.minusDays(1));
    form.setApplicationsCloseOn(today.plusDays(10));
    form.setStartsOn(today.plusDays(40));
    return form;
  }

  /**
   * A cohort whose application window is open today, reviewed by two new reviewers (the fewest an organiser may
   * name; not the whole group {@code reviewers}: each test's reviewers see only their own cohorts).
   */
  public Cohort openCohort() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    CohortForm form = new CohortForm();
    form.setName("Session " + SEQUENCE.incrementAndGet());
    form.setSlug(unique("session"));
    form.setApplicationsOpenOn(today.minusDays(3));
    form.setApplicationsCloseOn(today.plusDays(14));
    form.setStartsOn(today.plusDays(45));
    form.setCapacity(2);
    form.setReviewers(reviewer() + ", " + reviewer());
    return cohorts.create(form);
  }

  /**
   * A cohort whose application window is open today, with a name no other cohort has, reviewed by these reviewers
   * (a group id, or user ids separated by commas), as the organiser's form names them.
   */
  public Cohort openCohortReviewedBy(String reviewers) {
    CohortForm form = cohortForm("Cohort " + unique("c"), unique("session"));
    form.setCapacity(2);
    form.setReviewers(reviewers);
    return cohorts.create(form);
  }

  /** A complete, valid application form from this email address. */
  public static ApplicationForm applicationForm(String email) {
    ApplicationForm form = new ApplicationForm();
    form.setName("Ada " + email.substring(0, email.indexOf('@')));
    form.setEmail(email);
    form.setPronouns("she/her");
    // UTC, as the fixtures' volunteers: the slots mean the same hours in every week of any cohort, whatever the date.
    form.setTimezone("UTC");
    form.setAvailability(List.of("MON-18", "WED-18", "SAT-09"));
    form.setHoursPerWeek(4);
    form.setDjangoExperience(DjangoExperience.TUTORIAL);
    form.setExperienceDetails("Finished the polls tutorial and built a small blog with Django.");
    form.setMotivation("I want to learn how Django is made and give back to the community that taught me.");
    form.setProject("Django core");
    form.setContributionUrl("https://github.com/ada/django-tutorial");
    form.setCodeOfConductAccepted(true);
    return form;
  }

  /** The public form's fields for a complete, valid application, as a browser sends them. */
  public static Map<String, List<String>> formAnswers(String email, String name) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("name", List.of(name));
    answers.put("email", List.of(email));
    answers.put("pronouns", List.of("they/them"));
    answers.put("timezone", List.of("Africa/Lagos"));
    answers.put("availability", List.of("MON-18", "WED-18"));
    answers.put("hoursPerWeek", List.of("4"));
    answers.put("djangoExperience", List.of("TUTORIAL"));
    answers.put("experienceDetails", List.of("I finished the polls tutorial."));
    answers.put("motivation", List.of("I want to learn how Django is built and give back to the community."));
    answers.put("project", List.of("Django core"));
    answers.put("contributionUrl", List.of("https://github.com/ada/polls"));
    answers.put("codeOfConductAccepted", List.of("true"));
    return answers;
  }

  public static String uniqueEmail() {
    // GreenMail keeps each recipient's mailbox under the hash code of the address (greenmail issue 598): a second
    // address with the same hash cannot be delivered to ("Mailbox ... already exists"), which the 10,000 benchmark's
    // 25,000 addresses met once. An address whose hash is taken is not handed out.
    while (true) {
      String email = unique("ada") + "@example.org";
      if (EMAIL_HASHES.add(email.hashCode())) {
        return email;
      }
    }
  }

  /** The hash codes of the addresses {@link #uniqueEmail} has handed out in this JVM. */
  private static final java.util.Set<Integer> EMAIL_HASHES = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Submits a valid application through the service, as the public form does. */
  public Application apply(Cohort cohort) {
    return applications.submit(cohort.getSlug(), applicationForm(uniqueEmail()));
  }

  /**
   * Submits a valid application, then runs its process's jobs until none is due: the acknowledgement is sent and
   * its two reviews are open.
   */
  public Application applied(Cohort cohort) {
    Application application = apply(cohort);
    executeJobs(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.getId().toString()).singleResult().getId());
    return application;
  }

  /** A reviewer account (password = id). */
  public String reviewer() {
    String id = uniqueUserId("reviewer");
    accounts.ensureUser(id, id, "Rita", "Reviewer", id + "@example.org", Roles.REVIEWERS);
    return id;
  }

  /** A reviewer account (password = id) who reviews this cohort: a member of its tenant. */
  public String reviewerOf(Cohort cohort) {
    String id = reviewer();
    cohortReviewers.add(cohort, id);
    return id;
  }

  /** The review form with every criterion scored {@code score}. */
  public static Map<String, Object> reviewForm(int score, String recommendation) {
    return Map.of("scoreMotivation", (long) score, "scoreExperience",
        (long) score, "scoreAvailability", (long) score, "scoreCommunity",
        (long) score, "recommendation", recommendation, "reviewComment",
        "Reviewed in a test");
  }

  /**
   * The reviewer claims the review task (unless null: it is already claimed) and submits the form; then the jobs
   * run in which the multi-instance review continues after each completion (asyncAfter).
   */
  public void review(Task task, String reviewer, int score, String recommendation) {
    if (reviewer != null) {
      taskService.claim(task.getId(), reviewer);
    }
    taskService.complete(task.getId(), reviewForm(score, recommendation));
    executeJobs(task.getProcessInstanceId());
  }

  /** An organiser account (password = id). */
  public String organiser() {
    String id = uniqueUserId("organiser");
    accounts.ensureUser(id, id, "Olga", "Organiser", id + "@example.org", Roles.ORGANISERS,
        Roles.CAMUNDA_ADMIN);
    return id;
  }

  /** Executes the process instance's due jobs until none is left (a job that fails is left with fewer retries). */
  public void executeJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
    throw new IllegalStateException("Jobs of " + processInstanceId + " keep coming");
  }
}
