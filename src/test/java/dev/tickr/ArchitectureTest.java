package dev.tickr;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packages follow the flow in {@code DESIGN.md} (STYLE rule 12):
 *
 * <pre>
 * config ─► schedule ─► check ─► assertion ─► incident ─► alert / store ─► api / web / ui
 * </pre>
 *
 * A package may use what comes before it in the flow, never what comes after it. Only the
 * composition root ({@link Tickr}) and {@code cli} know every package. The table below is today's
 * code with the arrows against the flow taken out; widen a row when code needs an arrow along the
 * flow, never add one against it.
 */
@AnalyzeClasses(packages = "dev.tickr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Small helpers every package may use. They use nothing of Tickr's. */
  private static final List<String> SHARED = List.of("time", "text");

  /**
   * What each top-level package {@code dev.tickr.X..} may depend on, besides itself and {@link
   * #SHARED}. Rows follow the flow: a row names only rows above it. {@code cli} and the composition
   * root (the classes of {@code dev.tickr} itself) may depend on everything and have no row. {@code
   * check} observes and knows nothing of the config; the monitor types ({@code types}) read their
   * own settings from the config and hand them to their check.
   */
  private static final String MAY_DEPEND_ON =
      """
      log:
      check:
      assertion:    check
      report:       check assertion
      config:       check assertion
      affiliate:    check assertion config
      schedule:
      types:        config check assertion
      heartbeat:
      connectivity: config check
      incident:     check
      cluster:      config incident
      store:        check incident
      impact:       check config affiliate incident store
      alert:        config schedule check connectivity incident store
      auth:         store
      documents:    config check assertion store auth
      metrics:      check connectivity incident alert store
      daemon:       config schedule check types heartbeat assertion connectivity incident alert store impact auth
      subscription: config schedule heartbeat incident store alert auth
      web:          config heartbeat incident store auth metrics subscription
      api:          config check assertion report affiliate incident store impact alert auth documents daemon web
      ui:           config check affiliate incident store impact alert auth documents daemon web
      importer:     assertion
      simulator:
      """;

  /**
   * Arrows against the flow that exist today. Each one is being taken out; when it is gone, {@link
   * #every_arrow_in_the_allow_list_still_exists} fails until its line here is deleted. Do not add
   * to this list: widen {@link #MAY_DEPEND_ON} along the flow, or move the code.
   */
  private static final List<Arrow> KNOWN_ARROWS_TO_REMOVE = List.of();

  @ArchTest static final ArchRule top_level_packages_have_no_cycles = noCycles();

  @ArchTest static final ArchRule each_package_depends_only_on_its_row_of_the_table = table();

  @ArchTest
  static void each_row_of_the_table_names_only_rows_above_it(JavaClasses unused) {
    List<String> above = new ArrayList<>(SHARED);
    for (Row row : rows()) {
      assertThat(above)
          .as("MAY_DEPEND_ON: what %s may depend on must be a row above it", row.name())
          .containsAll(row.mayUse());
      above.add(row.name());
    }
  }

  @ArchTest
  static void every_arrow_in_the_allow_list_still_exists(JavaClasses classes) {
    List<String> gone = new ArrayList<>();
    for (Arrow arrow : KNOWN_ARROWS_TO_REMOVE) {
      boolean exists =
          classes.stream()
              .filter(resideInAPackage(pkg(arrow.from())))
              .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
              .anyMatch(d -> resideInAPackage(pkg(arrow.to())).test(d.getTargetClass()));
      if (!exists) {
        gone.add(arrow.from() + " -> " + arrow.to());
      }
    }
    if (!gone.isEmpty()) {
      throw new AssertionError(
          "No longer in the code, delete from ArchitectureTest.KNOWN_ARROWS_TO_REMOVE: " + gone);
    }
  }

  private static SliceRule noCycles() {
    SliceRule rule =
        slices()
            .matching("dev.tickr.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .as("dev.tickr's top-level packages have no cycles");
    for (Arrow arrow : KNOWN_ARROWS_TO_REMOVE) {
      rule =
          rule.ignoreDependency(
              resideInAPackage(pkg(arrow.from())), resideInAPackage(pkg(arrow.to())));
    }
    return rule;
  }

  private static LayeredArchitecture table() {
    LayeredArchitecture table =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Tickr")
            .definedBy("dev.tickr")
            .layer("cli")
            .definedBy(pkg("cli"));
    for (String name : names()) {
      table = table.layer(name).definedBy(pkg(name));
    }
    for (String name : SHARED) {
      table = table.whereLayer(name).mayNotAccessAnyLayer();
    }
    for (Row row : rows()) {
      table =
          table
              .whereLayer(row.name())
              .mayOnlyAccessLayers(
                  Stream.concat(row.mayUse().stream(), SHARED.stream()).toArray(String[]::new));
    }
    for (Arrow arrow : KNOWN_ARROWS_TO_REMOVE) {
      table =
          table.ignoreDependency(
              resideInAPackage(pkg(arrow.from())), resideInAPackage(pkg(arrow.to())));
    }
    return table
        .ensureAllClassesAreContainedInArchitecture()
        .as(
            "dev.tickr's packages depend only along the flow in DESIGN.md"
                + " (a new package needs its row in ArchitectureTest.MAY_DEPEND_ON)");
  }

  private static List<String> names() {
    return Stream.concat(SHARED.stream(), rows().stream().map(Row::name)).toList();
  }

  private static String pkg(String name) {
    return "dev.tickr." + name + "..";
  }

  private static List<Row> rows() {
    return MAY_DEPEND_ON
        .lines()
        .map(
            line -> {
              String[] nameAndUses = line.split(":", 2);
              List<String> uses = List.of(nameAndUses[1].trim().split(" +"));
              return new Row(nameAndUses[0], uses.equals(List.of("")) ? List.of() : uses);
            })
        .toList();
  }

  private record Row(String name, List<String> mayUse) {}

  private record Arrow(String from, String to, String why) {}
}
