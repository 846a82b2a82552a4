package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.check.dns.DnsCheck;
import dev.tickr.testing.Markdown;
import dev.tickr.testing.Markdown.Table;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition written in docs/check-types.md parses, and what the page says a DNS check's body
 * looks like for each record type is what a check against a loopback server reports.
 */
class CheckTypesDocTest {
  private static final Path DOC =
      Path.of(System.getProperty("basedir", ".")).resolve("docs/check-types.md");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern CONDITION_START = Pattern.compile("^(\\[|(len|has|age)\\()");
  private static final Pattern OPERATOR = Pattern.compile("==|!=|<|>");
  private static final Pattern YAML_ITEM = Pattern.compile("^\\s*-\\s*\"(.*)\"\\s*$");

  static Stream<String> documentedConditions() throws IOException {
    List<String> found = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher item = YAML_ITEM.matcher(line);
      if (fenced && item.matches()) {
        found.add(item.group(1));
        continue;
      }
      Matcher code = CODE.matcher(line);
      while (!fenced && code.find()) {
        String text = code.group(1);
        if (CONDITION_START.matcher(text).find() && OPERATOR.matcher(text).find()) {
          found.add(text);
        }
      }
    }
    assertThat(found).as("conditions found in %s", DOC).hasSizeGreaterThan(15);
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedConditions")
  void every_documented_condition_parses(String condition) throws ConditionSyntaxException {
    assertThat(ConditionParser.parse(condition).text()).isEqualTo(condition);
  }

  static Stream<Arguments> dnsLines() {
    Table table = Markdown.table(DOC, "Type", "A line looks like");
    List<Arguments> rows = new ArrayList<>();
    for (List<String> row : table.rows()) {
      String line = Markdown.code(row.get(1)).get(0);
      for (String type : Markdown.code(row.get(0))) {
        rows.add(Arguments.of(type, line));
      }
    }
    assertThat(rows).extracting(a -> a.get()[0]).contains("A", "AAAA", "CNAME", "MX", "TXT", "NS");
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("dnsLines")
  void each_dns_answer_line_looks_as_the_page_shows(String type, String line) {
    String name = "api.example.test";
    try (TestDnsServer dns = TestDnsServer.start()) {
      switch (type) {
        case "A" -> dns.a(name, line);
        case "AAAA" -> dns.aaaa(name, expandedIpv6(line));
        case "CNAME" -> dns.cname(name, withoutDot(line));
        case "NS" -> dns.ns(name, withoutDot(line));
        case "MX" -> {
          String[] parts = line.split(" ", 2);
          dns.mx(name, Integer.parseInt(parts[0]), withoutDot(parts[1]));
        }
        case "TXT" -> {
          // a record of two strings: the page says they are joined
          int cut = line.indexOf(' ') + 1;
          dns.txt(name, line.substring(0, cut), line.substring(cut));
        }
        default ->
            throw new AssertionError("the page shows a type this test does not know: " + type);
      }
      Ticker ticker = Ticker.system();
      Observation o =
          new DnsCheck(ticker)
              .observe(
                  new DnsTarget(name, type, dns.nameserver()),
                  Deadline.after(Duration.ofSeconds(10), ticker));

      assertThat(o.failure()).isNull();
      assertThat(o.body().text()).isEqualTo(line);
    }
  }

  private static String withoutDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * The page shows the short form; the server is given the long one, to see the check shorten it.
   */
  private static String expandedIpv6(String address) {
    try {
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < bytes.length; i += 2) {
        out.append(i == 0 ? "" : ":")
            .append(String.format("%04x", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      }
      return out.toString();
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
