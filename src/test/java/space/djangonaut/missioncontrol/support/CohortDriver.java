package space.djangonaut.missioncontrol.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationForm;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.common.Accounts;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerForm;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/**
 * Drives a cohort's process through the engine API the way people would through Tasklist and the public pages,
 * executing only the jobs of this cohort's process instances.
 */
@Component
public class CohortDriver {

  private final CohortLifecycle lifecycle;
  private final ApplicationService applicationService;
  private final ApplicationRepository applications;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final TestData testData;
  private final OfferService offers;
  private final VolunteerRepository volunteers;
  private final Accounts accounts;
  private final VolunteerService volunteerService;

  CohortDriver(CohortLifecycle lifecycle, ApplicationService applicationService, ApplicationRepository applications,
      RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      TestData testData, OfferService offers, VolunteerRepository volunteers, Accounts accounts,
      VolunteerService volunteerService) {
    this.volunteerService = volunteerService;
    this.offers = offers;
    this.volunteers = volunteers;
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.applicationService = applicationService;
    this.applications = applications;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.testData = testData;
  }

  /** Weekday evenings, 18:00-21:00 UTC: the hours of the pilot-sized cohorts' people. */
  public static final List<String> EVENINGS = List.of("MON-18", "TUE-18", "WED-18", "THU-18", "FRI-18");

  /**
   * The {@code i}th applicant of a pilot-sized cohort: ranks 1-8 want Django core, 9-12 Django REST framework, 13-20
   * djangoproject.com, the others a mix; free on three evenings and one of the next two.
   */
  public static ApplicationForm pilotApplicationForm(int i, String label) {
    ApplicationForm form = TestData.applicationForm(TestData.uniqueEmail());
    form.setName("Applicant " + i + " " + label);
    form.setProject(i < 8 ? "Django core" : i < 12 ? "Django REST framework" : i < 20 ? "djangoproject.com"
        : List.of("Django core", "Django REST framework", "djangoproject.com").get(i % 3));
    List<String> slots = new ArrayList<>(EVENINGS.subList(0, 3));
    slots.add(EVENINGS.get(3 + i % 2));
    form.setAvailability(slots);
    return form;
  }

  /**
   * {@code count} volunteers sign up on the public form (the first five Navigators, the others Captains, every
   * project, every evening, four Djangonauts each) and an organiser approves each; their welcome jobs run.
   */
  public void signUpApprovedVolunteers(String cohortSlug, int count) {
    for (int v = 0; v < count; v++) {
      VolunteerForm form = new VolunteerForm();
      form.setName("Volunteer " + v);
      form.setEmail(TestData.uniqueEmail());
      form.setRole(v < 5 ? VolunteerRole.NAVIGATOR : VolunteerRole.CAPTAIN);
      form.setProjects(List.of("Django core", "Django REST framework", "djangoproject.com"));
      form.setAvailability(EVENINGS);
      form.setCapacity(4);
      form.setCodeOfConductAccepted(true);
      Volunteer volunteer = volunteerService.signUp(cohortSlug, form);
      ProcessInstance process = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(VolunteerProcess.KEY).processInstanceBusinessKey(volunteer.getId().toString())
          .singleResult();
      Task approval = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
      taskService.complete(approval.getId(), Map.of(VolunteerProcess.DECISION.name(), "approve"));
      testData.executeJobs(process.getId());
    }
  }

  /** A cohort's run: its process, and the applications of this test in ranking order once ranked. */
  public record Run(ProcessInstance process, Cohort cohort, List<Application> ranked) {
    public long cohortId() {
      return cohort.getId();
    }
  }

  /** Opens a cohort through its process: applications open now, close in 10 days, it starts in 40. */
  public Run open(int capacity) {
    return open(capacity, 8);
  }

  public Run open(int capacity, int weeks) {
    CohortForm form = TestData.cohortForm("Session " + TestData.unique("s"), TestData.unique("cohort"));
    form.setCapacity(capacity);
    form.setWeeks(weeks);
    Cohort cohort = lifecycle.open(form);
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(CohortProcess.KEY)
        .processInstanceBusinessKey(cohort.getSlug()).singleResult();
    return new Run(process, cohort, new ArrayList<>());
  }

  /** Submits {@code count} applications and sends their acknowledgements. */
  public List<Application> apply(Run run, int count) {
    List<Application> applied = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      applied.add(applicationService.submit(run.cohort().getSlug(), TestData.applicationForm(TestData.uniqueEmail())));
    }
    drive(run);
    return applied;
  }

  /** Two agreeing reviews by two reviewers, each giving every criterion this score. */
  public void review(Application application, int score) {
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list()) {
      testData.review(task, testData.reviewer(), score, score >= 3 ? "accept" : "maybe");
    }
  }

  /** Two reviews that disagree (every criterion 5 and "accept", every criterion 1 and "reject"): a tie-break is due. */
  public void reviewInDisagreement(Application application) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list();
    testData.review(tasks.get(0), testData.reviewer(), 5, "accept");
    testData.review(tasks.get(1), testData.reviewer(), 1, "reject");
  }

  /** An organiser gives the third review of a disagreement, every criterion {@code score}. */
  public void resolveTieBreak(Application application, int score) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_RESOLVE_DISAGREEMENT).singleResult();
    testData.review(task, testData.organiser(), score, "accept");
  }

  public void closeEarly(Run run) {
    lifecycle.closeEarly(run.cohort().getSlug());
    drive(run);
  }

  /** Opens a cohort, submits {@code count} applications reviewed best first (5, 4, 3 ...) and closes it. */
  public Run reviewedAndClosed(int capacity, int count) {
    Run run = open(capacity);
    List<Application> applied = apply(run, count);
    for (int i = 0; i < applied.size(); i++) {
      review(applied.get(i), Math.max(1, 5 - i));
    }
    closeEarly(run);
    run.ranked().addAll(applications.findAllById(applied.stream().map(Application::getId).toList()).stream()
        .sorted(Comparator.comparing(Application::getRanking)).toList());
    return run;
  }

  /** As {@link #reviewedAndClosed} and the organiser accepts the default proposal; offers are sent. */
  public Run selected(int capacity, int count) {
    Run run = reviewedAndClosed(capacity, count);
    finalise(run, "");
    return run;
  }

  /** The organiser completes Task_FinaliseSelection with these changes to the proposal. */
  public void finalise(Run run, String changes) {
    Task task = selectionTask(run);
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), testData.organiser());
    }
    taskService.complete(task.getId(), Map.of(CohortProcess.FIELD_SELECTION_CHANGES, changes));
    drive(run);
  }

  /** Every applicant with an open offer accepts it through their link. */
  public void acceptAllOffers(Run run) {
    for (Application a : applications.findByCohortIdAndStatus(run.cohortId(), ApplicationStatus.OFFERED)) {
      offers.answer(Mailbox.offerToken(a.getEmail()), true);
    }
    drive(run);
  }

  /** An approved volunteer with a Camunda account in the role's group; evenings UTC unless said otherwise. */
  public Volunteer volunteer(Run run, VolunteerRole role, int capacity, List<String> projects, List<String> slots) {
    return volunteer(run, role, capacity, projects, WeeklyAvailability.of(slots));
  }

  /** An approved volunteer with a sign-in, whose weekly hours are given on their own clock in their own zone. */
  public Volunteer volunteer(Run run, VolunteerRole role, int capacity, List<String> projects,
      WeeklyAvailability availability) {
    String userId = TestData.uniqueUserId(role == VolunteerRole.NAVIGATOR ? "navigator" : "captain");
    Volunteer volunteer = new Volunteer(run.cohortId(), "Vol " + userId, userId + "@example.org", role, projects,
        availability, capacity, "I like helping", ClockUtil.getCurrentTime().toInstant());
    accounts.ensureUser(userId, userId, "Vol", userId, userId + "@example.org", role.group());
    volunteer.approve(userId);
    return volunteers.save(volunteer);
  }

  /**
   * Moves the engine clock to week 0, the team lead time before the start, and lets the process close the waitlist
   * and form the teams.
   */
  public void formTeams(Run run) {
    ClockUtil.setCurrentTime(Date.from(run.cohort().teamsFormAt().plusSeconds(60)));
    drive(run);
  }

  /**
   * Moves the engine clock to the cohort's start and runs what is due: the waitlist closed and the teams formed (a
   * week late, when {@link #formTeams} was not called), or the first week begun once the teams are confirmed.
   */
  public void startCohort(Run run) {
    ClockUtil.setCurrentTime(Date.from(run.cohort().startsAt().plusSeconds(60)));
    drive(run);
  }

  /** The organiser confirms the proposed teams as they are; the welcome emails go out. */
  public void confirmTeams(Run run) {
    Task task = taskService.createTaskQuery().processInstanceId(run.process().getId())
        .taskDefinitionKey(CohortProcess.TASK_CONFIRM_TEAMS).singleResult();
    taskService.claim(task.getId(), testData.organiser());
    taskService.complete(task.getId());
    drive(run);
  }

  /** The open tasks with this key of the cohort's process and of its teams' processes. */
  public List<Task> openTasks(Run run, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceIdIn(cohortAndTeams(run).toArray(String[]::new))
        .taskDefinitionKey(taskDefinitionKey).list();
  }

  /** The running {@code team.bpmn} instances the cohort's process started, one per team. */
  public List<ProcessInstance> teamProcesses(Run run) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(run.process().getId()).list();
  }

  private List<String> cohortAndTeams(Run run) {
    List<String> ids = new ArrayList<>();
    ids.add(run.process().getId());
    teamProcesses(run).forEach(pi -> ids.add(pi.getId()));
    return ids;
  }

  public ProcessInstance refreshed(Run run) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(run.process().getId()).singleResult();
  }

  private Task selectionTask(Run run) {
    return taskService.createTaskQuery().processInstanceId(run.process().getId())
        .taskDefinitionKey(CohortProcess.TASK_FINALISE_SELECTION).singleResult();
  }

  /** Executes the due jobs of the cohort's process, its teams' and its applications' until none is left. */
  public void drive(Run run) {
    for (int round = 0; round < 100; round++) {
      if (executeDueJobs(run, false) == 0) {
        return;
      }
    }
    throw new IllegalStateException("The jobs of " + run.cohort().getSlug() + " keep coming");
  }

  /**
   * As {@link #drive}, but a job that fails is left to its retries, as the job executor would: the engine clock moves
   * on five minutes at a time (the diagrams' retry cycle, R5/PT5M) until every failed job has used up its retries
   * and raised an incident.
   *
   * @return how many times a job failed
   */
  public int driveThroughFailures(Run run) {
    int failures = 0;
    for (int round = 0; round < 50; round++) {
      int[] failed = {0};
      while (executeDueJobs(run, true, failed) > 0) {
        // until nothing is due
      }
      failures += failed[0];
      boolean retrying = instances(run).stream().anyMatch(instance -> managementService.createJobQuery()
          .processInstanceId(instance).withException().withRetriesLeft().count() > 0);
      if (!retrying) {
        return failures;
      }
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000 + 1_000));
    }
    throw new IllegalStateException("The jobs of " + run.cohort().getSlug() + " keep failing");
  }

  private int executeDueJobs(Run run, boolean tolerateFailures) {
    return executeDueJobs(run, tolerateFailures, new int[1]);
  }

  private int executeDueJobs(Run run, boolean tolerateFailures, int[] failed) {
    List<Job> due = new ArrayList<>();
    for (String instance : instances(run)) {
      due.addAll(managementService.createJobQuery().processInstanceId(instance).executable().list());
    }
    for (Job job : due) {
      // A job executed before it in this round may have removed it (an interrupting timer removes the reminder
      // timer of the same task), as the job executor would simply not find it.
      if (managementService.createJobQuery().jobId(job.getId()).count() == 0) {
        continue;
      }
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException e) {
        if (!tolerateFailures) {
          throw e;
        }
        failed[0]++;
      }
    }
    return due.size();
  }

  /** The cohort's process, its teams' and its applications'. */
  private List<String> instances(Run run) {
    List<String> instances = cohortAndTeams(run);
    for (Application application : applications.findByCohortIdOrderBySubmittedAt(run.cohortId())) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
          .processInstanceBusinessKey(application.getId().toString()).list()
          .forEach(pi -> instances.add(pi.getId()));
    }
    return instances;
  }

}
