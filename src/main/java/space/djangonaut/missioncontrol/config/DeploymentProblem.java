package space.djangonaut.missioncontrol.config;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason a deployment is refused, as the REST API and the Modeler list it under the resource: reported by the id
 * of the element at fault, or by the resource itself when {@code mainElementId} is null (line and column unknown).
 */
record DeploymentProblem(String mainElementId, String message) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return 0;
  }

  @Override
  public int getColumn() {
    return 0;
  }

  @Override
  public String getMainElementId() {
    return mainElementId;
  }

  @Override
  public List<String> getElementIds() {
    return mainElementId == null ? List.of() : List.of(mainElementId);
  }
}
