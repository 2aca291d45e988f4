package space.djangonaut.missioncontrol.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;

/**
 * A check the engine runs on every deployment before its own deployers, whatever door the deployment comes through
 * (Camunda Modeler and the REST API, the Java API, {@link ProcessDeployer}): a subclass's {@link #deploy} throws to
 * refuse it, and nothing of the deployment is stored. Registered beside any others as a custom pre-deployer.
 */
abstract class DeploymentCheck extends AbstractCamundaConfiguration implements Deployer {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this);
    configuration.setCustomPreDeployers(deployers);
  }
}
