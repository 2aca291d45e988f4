package space.djangonaut.missioncontrol.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of {@code docs/architecture.md}: feature packages import each other in one direction only,
 * and never the process layer or the configuration; the process layer calls the features.
 */
@AnalyzeClasses(packages = "space.djangonaut.missioncontrol", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  private static final String BASE = "space.djangonaut.missioncontrol";
  private static final String[] FEATURES = {BASE + ".common..", BASE + ".mail..", BASE + ".cohort..",
      BASE + ".application..", BASE + ".volunteer..", BASE + ".team..", BASE + ".mentorship..", BASE + ".survey..",
      BASE + ".privacy..", BASE + ".calendar.."};

  @ArchTest
  static final ArchRule topLevelPackagesHaveNoCycles =
      slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule featuresNeverUseTheProcessLayer =
      noClasses().that().resideInAnyPackage(FEATURES).should().dependOnClassesThat()
          .resideInAnyPackage(BASE + ".process..")
          .because("the process layer calls the features; a feature asks for a process through its own interface");

  @ArchTest
  static final ArchRule featuresNeverUseTheConfiguration =
      noClasses().that().resideInAnyPackage(FEATURES).should().dependOnClassesThat()
          .resideInAnyPackage(BASE + ".config..");

  @ArchTest
  static final ArchRule theProcessLayerNeverUsesTheConfiguration =
      noClasses().that().resideInAPackage(BASE + ".process..").should().dependOnClassesThat()
          .resideInAnyPackage(BASE + ".config..");

  /**
   * The compiler copies {@code static final String} constants into the classes that use them, so the bytecode
   * ArchUnit reads does not show a feature that uses, say, {@code ApplicationProcess.KEY}. The source does.
   */
  @Test
  void noFeatureImportsTheProcessLayerOrTheConfigurationInItsSource() throws IOException {
    Path sources = Path.of("src/main/java", BASE.split("\\."));
    List<String> offending = new ArrayList<>();
    for (String feature : FEATURES) {
      Path folder = sources.resolve(feature.substring(BASE.length() + 1, feature.length() - 2));
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Files.readAllLines(file).stream()
              .filter(line -> line.matches("import (static )?" + BASE.replace(".", "\\.") + "\\.(process|config)\\..*"))
              .forEach(line -> offending.add(sources.relativize(file) + ": " + line));
        }
      }
    }
    assertThat(offending).isEmpty();
  }
}
