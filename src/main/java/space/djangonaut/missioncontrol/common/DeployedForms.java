package space.djangonaut.missioncontrol.common;

import java.time.Instant;
import java.util.Optional;

/**
 * The Camunda Forms deployed to the engine, by form id and version (implemented by the process layer; a feature
 * never reads the engine's repository itself).
 */
public interface DeployedForms {

  /**
   * One deployed version of a form.
   *
   * @param deployedAt when its deployment was made (engine time, UTC)
   * @param json the schema as deployed
   */
  record Deployed(String formId, int version, Instant deployedAt, byte[] json) {}

  /** The latest deployed version of the form, or empty if none is deployed. */
  Optional<Deployed> latest(String formId);

  /** A version deployed before, or empty if there is none (or its deployment was deleted). */
  Optional<Deployed> version(String formId, int version);

  /**
   * A deployed version's schema read with these rules ({@link FormSchema#parse}): parsed the first time it is asked
   * for and kept, for a deployed version never changes.
   *
   * @param deployed as {@link #latest} or {@link #version} gave it
   * @throws IllegalArgumentException if it is not JSON
   */
  FormSchema schema(Deployed deployed, FormSchema.Rules rules);
}
