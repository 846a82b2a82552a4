package dev.tickr.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The build's gate against skipped tests: run by {@code ./mvnw verify} after the unit and
 * integration tests (the {@code no-skipped-tests} execution in {@code pom.xml}), it reads the
 * surefire and failsafe reports ({@code TEST-*.xml}) this build wrote and lists every test that was
 * skipped, whatever skipped it (an assumption, {@code @Disabled}, a condition). On CI ({@link
 * RequiredTool#onCi()}: {@code CI=true}) it then fails the build; elsewhere it only warns.
 *
 * <p>Arguments: the build's start ({@code ${maven.build.timestamp}}, an ISO instant; reports older
 * than that are left from an earlier build and not read), then the report directories.
 */
public final class SkippedTests {
  /** One skipped test: its class, its name and the reason the report gives. */
  record Skipped(String className, String name, String reason) {
    @Override
    public String toString() {
      return className + "." + name + (reason.isEmpty() ? "" : ": " + reason);
    }
  }

  private SkippedTests() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SkippedTests BUILD_START REPORT_DIR...");
      System.exit(2);
    }
    List<Path> dirs = Stream.of(args).skip(1).map(Path::of).toList();
    List<Skipped> skipped = find(since(args[0]), dirs);
    System.exit(judge(skipped, RequiredTool.onCi(), System.out, System.err));
  }

  /** Prints the skipped tests; the exit status: 1 when there are some on CI, else 0. */
  static int judge(List<Skipped> skipped, boolean onCi, PrintStream out, PrintStream err) {
    if (skipped.isEmpty()) {
      out.println("[INFO] No test was skipped.");
      return 0;
    }
    PrintStream to = onCi ? err : out;
    to.printf(
        "[%s] %d test%s skipped%s:%n",
        onCi ? "ERROR" : "WARNING",
        skipped.size(),
        skipped.size() == 1 ? " was" : "s were",
        onCi
            ? " on CI (CI=true), where every test must run"
            : " (with CI=true this build would fail)");
    for (Skipped s : skipped) {
      to.println("[" + (onCi ? "ERROR" : "WARNING") + "]   " + s);
    }
    return onCi ? 1 : 0;
  }

  /** {@code ${maven.build.timestamp}} as an instant; the epoch when it is not one. */
  static Instant since(String buildStart) {
    try {
      return Instant.parse(buildStart);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** Every skipped test case in the {@code TEST-*.xml} reports of {@code dirs} newer than since. */
  static List<Skipped> find(Instant since, List<Path> dirs)
      throws IOException, ParserConfigurationException, SAXException {
    DocumentBuilder xml = parser();
    List<Skipped> skipped = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> reports;
      try (Stream<Path> files = Files.list(dir)) {
        reports =
            files
                .filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                .sorted()
                .toList();
      }
      for (Path report : reports) {
        if (Files.getLastModifiedTime(report).toInstant().isBefore(since)) {
          continue;
        }
        NodeList cases = xml.parse(report.toFile()).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element testCase = (Element) cases.item(i);
          NodeList marks = testCase.getElementsByTagName("skipped");
          if (marks.getLength() > 0) {
            skipped.add(
                new Skipped(
                    testCase.getAttribute("classname"),
                    testCase.getAttribute("name"),
                    reason((Element) marks.item(0))));
          }
        }
      }
    }
    return skipped;
  }

  /**
   * Why: the {@code message} attribute ({@code @Disabled}'s reason), else the first line of the
   * stack trace inside (an aborted test's exception) without the exception's class name.
   */
  private static String reason(Element skipped) {
    String message = skipped.getAttribute("message").strip();
    if (!message.isEmpty()) {
      return message;
    }
    String first = skipped.getTextContent().strip().lines().findFirst().orElse("");
    return first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
  }

  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder();
  }
}
