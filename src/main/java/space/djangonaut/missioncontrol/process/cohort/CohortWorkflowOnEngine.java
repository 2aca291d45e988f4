package space.djangonaut.missioncontrol.process.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.cohort.CohortWaits;
import space.djangonaut.missioncontrol.cohort.CohortWorkflow;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.process.team.TeamProcess;

/**
 * The cohort feature's requests as a start and messages of {@code cohort.bpmn}, and what its processes wait for as
 * the engine's runtime, job and task queries see it.
 */
@Component
class CohortWorkflowOnEngine implements CohortWorkflow {

  /** The timers the cohort page lists (grouped by activity and minute); the count says how many there are in all. */
  static final int TIMERS_SHOWN = 12;
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final TaskForms forms;
  private final Clock clock;

  CohortWorkflowOnEngine(RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, RepositoryService repositoryService, IdentityService identityService, TaskForms forms,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.forms = forms;
    this.clock = clock;
  }

  /** The variables are what {@code forms/open-cohort.form} would submit: its keys are {@link CohortForm}'s properties. */
  @Override
  public void open(CohortForm form) {
    runtimeService.startProcessInstanceByKey(CohortProcess.KEY, form.getSlug(), forms.variablesOf(form));
  }

  @Override
  public boolean closeApplicationsEarly(String slug) {
    return correlate(CohortProcess.MESSAGE_CLOSE_APPLICATIONS, slug);
  }

  @Override
  public boolean requestSelection(String slug) {
    return correlate(CohortProcess.MESSAGE_SELECTION_REQUESTED, slug);
  }

  private boolean correlate(String message, String slug) {
    try {
      runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(slug).correlate();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }

  /**
   * Reads the cohort's process (business key = slug) and its teams' processes (called by it: the same root process
   * instance), and its applications' processes (the cohort's tenant). Counts rather than lists what may be many
   * (10,000 applications have 20,000 open reviews): the page costs a few dozen queries whatever the cohort's size.
   */
  @Override
  public CohortWaits waitingFor(Cohort cohort) {
    Instant now = clock.instant();
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(CohortProcess.KEY)
        .processInstanceBusinessKey(cohort.getSlug()).list().stream().findFirst().orElse(null);
    String tenant = CohortReviewers.tenantId(cohort.getId());
    Names names = new Names();

    List<CohortWaits.Step> steps = new ArrayList<>();
    List<String> cohortAndTeams = new ArrayList<>();
    if (process != null) {
      ActivityInstance tree = runtimeService.getActivityInstance(process.getId());
      if (tree != null) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        leaves(tree, process.getProcessDefinitionId(), names, counts);
        counts.forEach((name, count) -> steps.add(new CohortWaits.Step(name, count[0])));
      }
      cohortAndTeams.add(process.getId());
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(process.getId()).list()
          .forEach(team -> cohortAndTeams.add(team.getId()));
    }

    List<Job> timers = new ArrayList<>();
    if (process != null) {
      timers.addAll(managementService.createJobQuery().timers().rootProcessInstanceId(process.getId()).list());
    }
    timers.addAll(managementService.createJobQuery().timers().tenantIdIn(tenant).list());

    List<Supplier<TaskQuery>> scopes = new ArrayList<>();
    if (!cohortAndTeams.isEmpty()) {
      String[] ids = cohortAndTeams.toArray(String[]::new);
      scopes.add(() -> taskService.createTaskQuery().processInstanceIdIn(ids));
    }
    scopes.add(() -> taskService.createTaskQuery().tenantIdIn(tenant));

    return new CohortWaits(now, steps, timers(timers, names), timers.size(), tasks(scopes, Date.from(now), names));
  }

  /** The activity instance tree's leaves (activities and async continuations waiting), by name, in tree order. */
  private static void leaves(ActivityInstance instance, String definitionId, Names names, Map<String, int[]> counts) {
    boolean leaf = instance.getChildActivityInstances().length == 0
        && instance.getChildTransitionInstances().length == 0;
    if (leaf && instance.getParentActivityInstanceId() != null) {
      counts.computeIfAbsent(names.activity(definitionId, instance.getActivityId(), instance.getActivityName()),
          name -> new int[1])[0]++;
    }
    for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
      counts.computeIfAbsent(names.activity(definitionId, waiting.getActivityId(), waiting.getActivityName()),
          name -> new int[1])[0]++;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      leaves(child, definitionId, names, counts);
    }
  }

  /** The timers by activity and minute, the earliest first; a team's timers with their week. */
  private List<CohortWaits.Timer> timers(List<Job> jobs, Names names) {
    record Key(String definitionId, String activityId, Instant minute) {}
    Map<Key, List<Job>> grouped = new TreeMap<>(Comparator.comparing(Key::minute)
        .thenComparing(Key::definitionId).thenComparing(Key::activityId));
    Map<String, String> activityOfJobDefinition = new HashMap<>();
    for (Job job : jobs) {
      if (job.getDuedate() == null) {
        continue;
      }
      String activityId = activityOfJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id ->
          managementService.createJobDefinitionQuery().jobDefinitionId(id).list().stream().findFirst()
              .map(definition -> definition.getActivityId()).orElse(""));
      Instant minute = job.getDuedate().toInstant().truncatedTo(ChronoUnit.MINUTES);
      grouped.computeIfAbsent(new Key(job.getProcessDefinitionId(), activityId, minute), key -> new ArrayList<>())
          .add(job);
    }
    List<CohortWaits.Timer> timers = new ArrayList<>();
    for (Map.Entry<Key, List<Job>> group : grouped.entrySet()) {
      if (timers.size() == TIMERS_SHOWN) {
        break;
      }
      Key key = group.getKey();
      Job first = group.getValue().stream().min(Comparator.comparing(Job::getDuedate)).orElseThrow();
      Integer week = null;
      if (TeamProcess.KEY.equals(first.getProcessDefinitionKey())
          && runtimeService.getVariable(first.getExecutionId(), TeamProcess.WEEK.name()) instanceof Number number) {
        week = number.intValue();
      }
      boolean anywhereOnEarth = CohortProcess.KEY.equals(first.getProcessDefinitionKey())
          && CohortProcess.EVENT_APPLICATIONS_CLOSE.equals(key.activityId());
      timers.add(new CohortWaits.Timer(names.activity(key.definitionId(), key.activityId(), null),
          names.process(key.definitionId()), week, first.getDuedate().toInstant(), anywhereOnEarth,
          group.getValue().size()));
    }
    return timers;
  }

  /**
   * Open tasks by person: assigned ones by assignee, listed; unassigned ones by candidate group, counted per user
   * task of the diagrams (a task with two candidate groups counts under both: either may take it).
   */
  private List<CohortWaits.PersonTasks> tasks(List<Supplier<TaskQuery>> scopes, Date now, Names names) {
    Map<String, Map<String, long[]>> assigned = new TreeMap<>();
    Map<String, Map<String, Instant>> assignedEarliest = new HashMap<>();
    for (Supplier<TaskQuery> scope : scopes) {
      for (Task task : scope.get().taskAssigned().list()) {
        String name = names.activity(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), null);
        long[] counts = assigned.computeIfAbsent(task.getAssignee(), person -> new LinkedHashMap<>())
            .computeIfAbsent(name, n -> new long[2]);
        counts[0]++;
        if (task.getDueDate() != null) {
          if (task.getDueDate().before(now)) {
            counts[1]++;
          }
          assignedEarliest.computeIfAbsent(task.getAssignee(), person -> new HashMap<>())
              .merge(name, task.getDueDate().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    }
    List<CohortWaits.PersonTasks> people = new ArrayList<>();
    assigned.forEach((person, byName) -> {
      List<CohortWaits.OpenTasks> lines = new ArrayList<>();
      byName.forEach((name, counts) -> lines.add(new CohortWaits.OpenTasks(name, counts[0], counts[1],
          assignedEarliest.getOrDefault(person, Map.of()).get(name))));
      people.add(new CohortWaits.PersonTasks(person, false, lines));
    });

    Map<String, String> userTasks = names.userTasks();
    for (String group : identityService.createGroupQuery().orderByGroupId().asc().list().stream()
        .map(Group::getId).toList()) {
      Map<String, CohortWaits.OpenTasks> lines = new LinkedHashMap<>();
      for (Supplier<TaskQuery> scope : scopes) {
        if (scope.get().taskUnassigned().taskCandidateGroup(group).count() == 0) {
          continue;
        }
        userTasks.forEach((key, name) -> {
          long open = scope.get().taskUnassigned().taskCandidateGroup(group).taskDefinitionKey(key).count();
          if (open == 0) {
            return;
          }
          long overdue = scope.get().taskUnassigned().taskCandidateGroup(group).taskDefinitionKey(key)
              .dueBefore(now).count();
          Instant earliest = scope.get().taskUnassigned().taskCandidateGroup(group).taskDefinitionKey(key)
              .dueAfter(new Date(0)).orderByDueDate().asc().listPage(0, 1).stream().findFirst()
              .map(task -> task.getDueDate().toInstant()).orElse(null);
          lines.merge(name, new CohortWaits.OpenTasks(name, open, overdue, earliest), (a, b) ->
              new CohortWaits.OpenTasks(name, a.open() + b.open(), a.overdue() + b.overdue(),
                  a.earliestDue() == null || (b.earliestDue() != null && b.earliestDue().isBefore(a.earliestDue()))
                      ? b.earliestDue() : a.earliestDue()));
        });
      }
      if (!lines.isEmpty()) {
        people.add(new CohortWaits.PersonTasks(group, true, List.copyOf(lines.values())));
      }
    }
    // Unclaimed tasks offered to no group: to people by name (a cohort's named reviewers), or to nobody yet (a
    // second review, offered once the first is claimed).
    unoffered(people, "(offered to named people, not claimed)", scopes, userTasks,
        query -> query.withoutCandidateGroups().withCandidateUsers());
    unoffered(people, "(not offered to anyone yet)", scopes, userTasks,
        query -> query.withoutCandidateGroups().withoutCandidateUsers());
    return people;
  }

  private static void unoffered(List<CohortWaits.PersonTasks> people, String who, List<Supplier<TaskQuery>> scopes,
      Map<String, String> userTasks, java.util.function.UnaryOperator<TaskQuery> offered) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (Supplier<TaskQuery> scope : scopes) {
      userTasks.forEach((key, name) -> {
        long open = offered.apply(scope.get().taskUnassigned().taskDefinitionKey(key)).count();
        if (open > 0) {
          counts.computeIfAbsent(name, n -> new long[1])[0] += open;
        }
      });
    }
    if (!counts.isEmpty()) {
      List<CohortWaits.OpenTasks> lines = new ArrayList<>();
      counts.forEach((name, open) -> lines.add(new CohortWaits.OpenTasks(name, open[0], 0, null)));
      people.add(new CohortWaits.PersonTasks(who, false, lines));
    }
  }

  /** The diagrams' names of processes and activities, read from the deployed models (cached by the engine). */
  private final class Names {

    private final Map<String, org.camunda.bpm.model.bpmn.BpmnModelInstance> models = new HashMap<>();

    String activity(String definitionId, String activityId, String given) {
      if (given != null && !given.isBlank()) {
        return given;
      }
      String id = activityId.endsWith(MULTI_INSTANCE_BODY)
          ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
      FlowElement element = model(definitionId).getModelElementById(id);
      return element != null && element.getName() != null ? element.getName() : id;
    }

    String process(String definitionId) {
      ProcessDefinition definition = repositoryService.getProcessDefinition(definitionId);
      return Objects.requireNonNullElse(definition.getName(), definition.getKey());
    }

    /** Every user task of every deployed diagram, id to name; the latest version's name wins. */
    Map<String, String> userTasks() {
      Map<String, String> tasks = new TreeMap<>();
      for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
          .orderByProcessDefinitionVersion().asc().list()) {
        for (UserTask task : model(definition.getId()).getModelElementsByType(UserTask.class)) {
          tasks.put(task.getId(), task.getName() != null ? task.getName() : task.getId());
        }
      }
      return tasks;
    }

    private org.camunda.bpm.model.bpmn.BpmnModelInstance model(String definitionId) {
      return models.computeIfAbsent(definitionId, repositoryService::getBpmnModelInstance);
    }
  }
}
