package space.djangonaut.missioncontrol.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine under a class of diagram tests: Camunda's {@link ProcessEngineExtension} on an in-memory H2 engine
 * ({@code diagram-engine.cfg.xml}), shared by all such classes, with everything else a test of one diagram needs.
 *
 * <ul>
 *   <li>Before the class, it deploys {@code bpmn/*.bpmn} and {@code forms/*.form} from the classpath, as
 *       {@code config/ProcessDeployer} does; after it, it deletes that deployment with its instances and history.
 *   <li>Before each test, it sets the engine clock to {@link #START} and registers the {@link StepStubs} of the
 *       diagram's steps; after it, it resets the clock and the stubs and deletes the instances still running (their
 *       history stays, for the coverage).
 *   <li>After the class, it prints the {@link DiagramCoverage} of the diagram and fails the class when it is below the
 *       floor, or when a step never ran. A class run only in part (one test picked in an IDE) prints its coverage
 *       without failing on it.
 * </ul>
 *
 * <p>Usage: {@code @RegisterExtension static final DiagramEngine engine = DiagramEngine.of(ApplicationProcess.KEY,
 * ApplicationSteps.class);} then camunda-bpm-assert's {@code BpmnAwareTests} as usual.
 */
public class DiagramEngine extends ProcessEngineExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

  /** The engine's configuration, on the test classpath. */
  public static final String CONFIGURATION = "diagram-engine.cfg.xml";
  /** The engine clock when each test begins: a Monday morning, UTC. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String processKey;
  private final StepStubs steps;
  private double flowNodeFloor = 1.0;
  private double sequenceFlowFloor = 0.95;

  private String diagramsDeploymentId;
  private ProcessDefinition definition;
  private int testsFinished;

  private DiagramEngine(String processKey, StepStubs steps) {
    this.processKey = processKey;
    this.steps = steps;
    configurationResource(CONFIGURATION);
    build();
  }

  /**
   * The engine for the tests of one diagram.
   *
   * @param processKey the diagram's process id, whose coverage the class answers for
   * @param stepsConfiguration its {@code *Steps} configuration: each of its beans gets a recording stand-in
   */
  public static DiagramEngine of(String processKey, Class<?> stepsConfiguration) {
    return new DiagramEngine(processKey, StepStubs.of(stepsConfiguration));
  }

  /**
   * The least coverage the class must reach (by default all flow nodes and 95% of the sequence flows).
   *
   * @param flowNodes the share of flow nodes that must run, from 0 to 1
   * @param sequenceFlows the share of sequence flows that must be taken, from 0 to 1
   */
  public DiagramEngine coverageFloor(double flowNodes, double sequenceFlows) {
    this.flowNodeFloor = flowNodes;
    this.sequenceFlowFloor = sequenceFlows;
    return this;
  }

  /** The stand-ins of the diagram's steps, for a test to tell them what to do and to read what they saw. */
  public StepStubs steps() {
    return steps;
  }

  // Lifecycle

  @Override
  public void beforeAll(ExtensionContext context) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name("diagrams for " + context.getRequiredTestClass().getSimpleName());
    for (String folder : List.of("bpmn", "forms")) {
      for (Resource resource : resources(folder)) {
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(folder + "/" + resource.getFilename(), in);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    diagramsDeploymentId = deployment.deploy().getId();
    definition = repositoryService.createProcessDefinitionQuery().deploymentId(diagramsDeploymentId)
        .processDefinitionKey(processKey).singleResult();
    if (definition == null) {
      throw new IllegalStateException("No diagram of bpmn/ has the process id " + processKey);
    }
    testsFinished = 0;
    steps.resetClass();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ClockUtil.setCurrentTime(Date.from(START));
    AbstractAssertions.init(processEngine);
    steps.register();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // Deleting an instance deletes the instances it called: only the top-level ones are deleted here.
    List<String> running = runtimeService.createProcessInstanceQuery().deploymentId(diagramsDeploymentId)
        .rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "end of test", true, true);
    }
    steps.reset();
    Mocks.reset();
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    testsFinished++;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    testsFinished++;
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    testsFinished++;
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    testsFinished++;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (definition == null) {
      super.afterAll(context);
      return;
    }
    List<String> failures = new ArrayList<>();
    try {
      DiagramCoverage coverage = DiagramCoverage.of(processEngine, definition);
      System.out.println(coverage.report());
      long declared = Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(Test.class)).count();
      if (testsFinished < declared) {
        System.out.printf("Coverage floor of %s not checked: %d of its %d tests ran%n",
            context.getRequiredTestClass().getSimpleName(), testsFinished, declared);
      } else {
        if (coverage.flowNodeRatio() < flowNodeFloor) {
          failures.add(String.format(Locale.ROOT, "flow nodes %.1f%% < %.1f%%, not run: %s",
              100 * coverage.flowNodeRatio(), 100 * flowNodeFloor, coverage.flowNodesMissed()));
        }
        if (coverage.sequenceFlowRatio() < sequenceFlowFloor) {
          failures.add(String.format(Locale.ROOT, "sequence flows %.1f%% < %.1f%%, not taken: %s",
              100 * coverage.sequenceFlowRatio(), 100 * sequenceFlowFloor, coverage.sequenceFlowsMissed()));
        }
        if (!steps.neverRan().isEmpty()) {
          failures.add("steps that never ran: " + steps.neverRan());
        }
      }
    } finally {
      repositoryService.deleteDeployment(diagramsDeploymentId, true, true);
      FlowRecorder.forget(definition.getId());
      super.afterAll(context);
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("Coverage of " + definition.getResourceName() + " below its floor: "
          + String.join("; ", failures));
    }
  }

  // Clock

  /** The engine clock's time. */
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Sets the engine clock: timers due by then become executable. */
  public void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Moves the engine clock on. */
  public void clockForward(Duration duration) {
    clockAt(now().plus(duration));
  }

  // Jobs

  /** The timers of a process instance, due or not, earliest first. */
  public List<Job> timers(ProcessInstance processInstance) {
    return managementService.createJobQuery().processInstanceId(processInstance.getId()).timers()
        .orderByJobDuedate().asc().list();
  }

  /** The timers of a process instance that are due at the engine clock's time, earliest first. */
  public List<Job> dueTimers(ProcessInstance processInstance) {
    return managementService.createJobQuery().processInstanceId(processInstance.getId()).timers().executable()
        .orderByJobDuedate().asc().list();
  }

  /**
   * The one timer of a process instance due at the engine clock's time.
   *
   * @throws AssertionError if none or several are due
   */
  public Job dueTimer(ProcessInstance processInstance) {
    List<Job> due = dueTimers(processInstance);
    if (due.size() != 1) {
      throw new AssertionError("Expected one timer due at " + now() + ", found " + due.size() + " among "
          + timers(processInstance).stream().map(this::describe).toList());
    }
    return due.get(0);
  }

  /** The timer of a process instance at one element, due or not. */
  public Job timerAt(ProcessInstance processInstance, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  private String describe(Job timer) {
    String activityId = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
        .singleResult().getActivityId();
    return activityId + " due " + timer.getDuedate().toInstant();
  }

  // Forms

  /** The id of the Camunda Form a user task shows, read from the deployment it travels with. */
  public String deployedFormId(Task task) {
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      return JSON.readTree(form).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of the Camunda Form that starts the diagram, read from its deployment. */
  public String deployedStartFormId() {
    try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
      return JSON.readTree(form).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Resource> resources(String folder) {
    String extension = folder.equals("bpmn") ? "bpmn" : "form";
    try {
      List<Resource> found = new ArrayList<>(List.of(new PathMatchingResourcePatternResolver()
          .getResources("classpath*:" + folder + "/*." + extension)));
      found.sort(Comparator.comparing(Resource::getFilename));
      if (found.isEmpty()) {
        throw new IllegalStateException("No " + folder + "/*." + extension + " on the classpath");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
