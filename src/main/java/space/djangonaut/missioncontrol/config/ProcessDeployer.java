package space.djangonaut.missioncontrol.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams and decision tables of {@code bpmn/} and the forms of {@code forms/} under stable resource
 * names ({@code bpmn/application.bpmn}, {@code bpmn/selection-proposal.dmn}, {@code forms/review-application.form}),
 * whatever the launch mode.
 *
 * <p>Spring Boot's auto-deployment names resources by absolute path under {@code spring-boot:run} and by bare name in
 * the jar, so that switching launch mode would redeploy everything. With duplicate filtering, a start with unchanged
 * files deploys nothing; a changed file deploys all of them together, so that forms bound by
 * {@code camunda:formRefBinding="deployment"} travel with their diagram.
 */
@Component
public class ProcessDeployer {

  public static final String DEPLOYMENT_NAME = "mission-control";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

  private final RepositoryService repositoryService;

  ProcessDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * Deploys what changed since the last deployment; returns the names of the resources deployed.
   *
   * @throws org.camunda.bpm.engine.ParseException listing each problem of a diagram that {@link DeploymentChecks}
   *     refuses (a form, bean or message that cannot be resolved, no history time to live); nothing is deployed and
   *     the application does not start
   * @throws org.camunda.bpm.engine.ProcessEngineException if a decision table cannot be read (the engine's DMN
   *     parser names the table and the problem) or {@link DecisionTableChecks} refuses it; nothing is deployed
   */
  public List<String> deploy() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      for (Resource resource : resources(folder, folder.equals("bpmn") ? List.of("bpmn", "dmn") : List.of("form"))) {
        String name = folder + "/" + resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read " + name, e);
        }
        names.add(name);
      }
    }
    var result = deployment.deployWithResult();
    LOG.info("Deployed {} as deployment {} ({} process definitions, {} decision definitions)", names,
        result.getId(),
        result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
        result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size());
    return names;
  }

  private static List<Resource> resources(String folder, List<String> extensions) {
    try {
      List<Resource> sorted = new ArrayList<>();
      for (String extension : extensions) {
        sorted.addAll(List.of(new PathMatchingResourcePatternResolver()
            .getResources("classpath*:" + folder + "/*." + extension)));
      }
      sorted.sort(Comparator.comparing(Resource::getFilename));
      return sorted;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + folder + "/", e);
    }
  }
}
