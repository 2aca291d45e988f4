package space.djangonaut.missioncontrol.application;

import java.util.Optional;

/**
 * Where the public application form's schema comes from: the Camunda Form {@code apply} deployed to the engine
 * (implemented by the process layer). A feature never reads the engine's repository itself.
 */
public interface ApplyForms {

  /**
   * The latest deployed version of {@code forms/apply.form}.
   *
   * @throws IllegalStateException if no form {@code apply} is deployed (Mission Control deploys one at start-up)
   */
  ApplyFormSchema latest();

  /** A version deployed before (for the answers stored with it), or empty if its deployment was deleted. */
  Optional<ApplyFormSchema> version(int version);
}
