package dev.tickr.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

  @ParameterizedTest(name = "{0} looks at {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [STATUS] == 200                               | STATUS
          [STATUS] < 300                                | STATUS
          [STATUS] <= 299                               | STATUS
          [STATUS] > 400                                | STATUS
          [STATUS] >= 200                               | STATUS
          [STATUS] != 500                               | STATUS
          [STATUS] == any(200, 429)                     | STATUS
          [STATUS] == pat(2*)                           | STATUS
          [CONNECTED] == true                           | CONNECTED
          [RESPONSE_TIME] < 500                         | RESPONSE_TIME
          [IP] == 127.0.0.1                             | IP
          [IP] == pat(192.168.*)                        | IP
          [BODY] == 1                                   | BODY
          [BODY].user.name == john                      | BODY
          [BODY].data[0].id == 1                        | BODY
          [BODY].age == [BODY].id                       | BODY
          len([BODY].data) < 5                          | BODY
          len([BODY].name) == 8                         | BODY
          len([BODY].username) > 8                      | BODY
          has([BODY].errors) == false                   | BODY
          has([BODY].users) == true                     | BODY
          [BODY].name == pat(john*)                     | BODY
          [BODY].id == any(1, 2)                        | BODY
          [BODY].ip == any(127.0.0.1, ::1)              | BODY
          [CERTIFICATE_EXPIRATION] > 48h                | CERTIFICATE
          [BODY] == pat(*<title>*)                      | BODY
          [BODY] == pat(*<h1>Example Domain</h1>*)      | BODY
          [BODY].status == UP                           | BODY
          [HEADER].Content-Type == pat(*json*)          | HEADER
          [HEADER].X-RateLimit-Remaining > [BODY].min   | HEADER BODY
          age([BODY].data.updated_at) < 2h              | BODY FRESHNESS
          age([HEADER].Last-Modified) < 1d              | HEADER FRESHNESS
          has([CERTIFICATE_EXPIRATION]) == true         | CERTIFICATE
          [STATUS] == [BODY].expected_status            | STATUS BODY
          [BODY][0].name == a                           | BODY
          [BODY].@numpages >= 1                         | BODY
          [BODY].msg == "a == b"                        | BODY
          [BODY].items[-1] == x                         | BODY
          """)
  void parses(String text, String subjects) throws ConditionSyntaxException {
    Condition condition = ConditionParser.parse(text);
    Set<Subject> expected =
        Arrays.stream(subjects.split(" "))
            .map(Subject::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Subject.class)));
    assertThat(condition.text()).isEqualTo(text);
    assertThat(condition.subjects()).isEqualTo(expected);
  }

  @Test
  void keeps_the_text_without_surrounding_space() throws ConditionSyntaxException {
    Condition condition = ConditionParser.parse("  [STATUS] == 200\t");
    assertThat(condition.text()).isEqualTo("[STATUS] == 200");
    assertThat(condition).hasToString("[STATUS] == 200");
    assertThat(condition).isEqualTo(ConditionParser.parse("[STATUS] == 200"));
    assertThat(condition.subjects()).isUnmodifiable();
  }

  @Test
  void parses_the_default() throws ConditionSyntaxException {
    assertThat(ConditionParser.parse(Conditions.DEFAULT).subjects())
        .containsExactly(Subject.STATUS);
  }

  @ParameterizedTest(name = "\"{0}\" fails at column {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ''                             | 1  | empty condition
          '   '                          | 1  | empty condition
          [STATU] == 200                 | 1  | unknown placeholder [STATU] (known: [STATUS], [RESPONSE_TIME], [BODY], [HEADER].Name, [CERTIFICATE_EXPIRATION], [CONNECTED], [IP], [URL], [REDIRECTS], [HOP].N.status, [SOFT_404]), did you mean [STATUS]?
          [status] == 200                | 1  | unknown placeholder [status] (known: [STATUS], [RESPONSE_TIME], [BODY], [HEADER].Name, [CERTIFICATE_EXPIRATION], [CONNECTED], [IP], [URL], [REDIRECTS], [HOP].N.status, [SOFT_404]), did you mean [STATUS]?
          [FOO] == 1                     | 1  | unknown placeholder [FOO] (known: [STATUS], [RESPONSE_TIME], [BODY], [HEADER].Name, [CERTIFICATE_EXPIRATION], [CONNECTED], [IP], [URL], [REDIRECTS], [HOP].N.status, [SOFT_404])
          [DNS_RCODE] == NOERROR         | 1  | placeholder [DNS_RCODE] is not supported by Tickr (known: [STATUS], [RESPONSE_TIME], [BODY], [HEADER].Name, [CERTIFICATE_EXPIRATION], [CONNECTED], [IP], [URL], [REDIRECTS], [HOP].N.status, [SOFT_404])
          [STATUS] == [STATU]            | 13 | unknown placeholder [STATU] (known: [STATUS], [RESPONSE_TIME], [BODY], [HEADER].Name, [CERTIFICATE_EXPIRATION], [CONNECTED], [IP], [URL], [REDIRECTS], [HOP].N.status, [SOFT_404]), did you mean [STATUS]?
          foo([BODY]) == 1               | 1  | unknown function foo() (known: len, has, pat, any, age, sum, min, max, count, avg, baseline)
          LEN([BODY]) == 1               | 1  | unknown function LEN() (known: len, has, pat, any, age, sum, min, max, count, avg, baseline), did you mean len()?
          [STATUS] == bar(1)             | 13 | unknown function bar() (known: len, has, pat, any, age, sum, min, max, count, avg, baseline)
          [STATUS] 200                   | 10 | expected an operator (==, !=, <, <=, >, >=) after [STATUS], found 200
          [STATUS]                       | 9  | missing operator after [STATUS]: expected one of ==, !=, <, <=, >, >=
          len([BODY].data)               | 17 | missing operator after len([BODY].data): expected one of ==, !=, <, <=, >, >=
          [STATUS] = 200                 | 10 | = is not an operator, use == to compare
          [STATUS] ==                    | 12 | missing right operand after ==
          '[STATUS] <=   '               | 12 | missing right operand after <=
          == 200                         | 1  | missing left operand before ==, e.g. [STATUS]
          len([BODY].data < 5            | 4  | unclosed (: no matching )
          [BODY.name == x                | 1  | unclosed [: no matching ]
          [BODY].name == "john           | 16 | unclosed ": no matching "
          [BODY] == pat(*abc             | 14 | unclosed (: no matching )
          [STATUS] == any(200, 429       | 16 | unclosed (: no matching )
          [STATUS] == [BODY              | 13 | unclosed [: no matching ]
          [BODY]) == 1                   | 7  | unexpected ) without a matching (
          pat(2*) == pat(3*)             | 12 | pat() and any() go on one side only; the other side is the value they match, e.g. [BODY].name == pat(john*)
          any(200) < [STATUS]            | 1  | any() only works with == and !=, not <
          [STATUS] < pat(2*)             | 12 | pat() only works with == and !=, not <
          [STATUS] >= any(200, 201)      | 13 | any() only works with == and !=, not >=
          len(200) > 1                   | 5  | len() takes a placeholder such as [BODY].data, got 200, e.g. len([BODY].data)
          has(errors) == false           | 5  | has() takes a placeholder such as [BODY].data, got errors, e.g. has([BODY].data)
          age(now) < 1h                  | 5  | age() takes a placeholder such as [BODY].data, got now, e.g. age([BODY].data)
          len(len([BODY])) > 1           | 5  | len() takes a placeholder such as [BODY].data, got len([BODY]), e.g. len([BODY].data)
          len() > 1                      | 5  | len() needs a placeholder, e.g. len([BODY].data)
          len([BODY], 2) > 1             | 11 | unexpected , in len(): it takes one placeholder
          len([STATUS]) > 1              | 5  | len() counts [BODY], [BODY].path or [HEADER].Name, not [STATUS]
          age([RESPONSE_TIME]) < 1h      | 5  | age() reads a timestamp from [BODY], [BODY].path or [HEADER].Name, not [RESPONSE_TIME]
          [HEADER] == x                  | 1  | [HEADER] needs a header name, e.g. [HEADER].Content-Type
          [HEADER]. == x                 | 10 | expected a header name after [HEADER]., e.g. [HEADER].Content-Type
          [HEADER].X-Foo[0] == 1         | 15 | [HEADER].Name takes no path; only [BODY] does
          [STATUS].code == 200           | 9  | [STATUS] takes no path; only [BODY] does
          [IP][0] == x                   | 5  | [IP] takes no path; only [BODY] does
          [BODY].items[x] == 1           | 14 | bad index [x]: expected a whole number such as [0], or [-1] for the last element
          [BODY].items[] == 1            | 14 | bad index []: expected a whole number such as [0], or [-1] for the last element
          [BODY].items[1.5] == 1         | 14 | bad index [1.5]: expected a whole number such as [0], or [-1] for the last element
          [BODY]..a == 1                 | 7  | expected a field name after .
          [BODY]. == 1                   | 7  | expected a field name after .
          [BODY].a b == 1                | 10 | unexpected b after [BODY].a
          STATUS == 200                  | 1  | STATUS is not a placeholder, did you mean [STATUS]? (quote it to compare the text itself)
          RESPONSE_TIM < 1s              | 1  | RESPONSE_TIM is not a placeholder, did you mean [RESPONSE_TIME]? (quote it to compare the text itself)
          abc < 1                        | 1  | < compares numbers, but abc is text; use == or !=
          1 < abc                        | 5  | < needs a number or a duration on the right, got "abc"
          [CONNECTED] < 1                | 1  | < compares numbers, but [CONNECTED] is true or false; use == or !=
          [IP] > 1                       | 1  | > compares numbers, but [IP] is text; use == or !=
          has([BODY].x) >= 1             | 1  | >= compares numbers, but has([BODY].x) is true or false; use == or !=
          [STATUS] < abc                 | 12 | < needs a number or a duration on the right, got "abc"
          [STATUS] < [IP]                | 12 | < needs a number or a duration on the right, not text
          [STATUS] == OK                 | 13 | [STATUS] is a number, got "OK"
          [STATUS] == any(200, OK)       | 13 | [STATUS] is a number, got "OK"
          [CONNECTED] == yes             | 16 | [CONNECTED] is true or false, got "yes"
          [RESPONSE_TIME] == fast        | 20 | [RESPONSE_TIME] is a duration, got "fast"
          [STATUS] == any()              | 17 | any() needs at least one value, e.g. any(200, 204)
          [STATUS] == any(200, )         | 22 | empty value in any()
          [BODY].a == "x" y              | 17 | unexpected y after the quoted text
          [BODY] == pat("x" y)           | 19 | unexpected y after the quoted pattern
          [BODY].a == [BODY].b c         | 22 | unexpected c after [BODY].b
          [BODY].ok == true && [STATUS] == 200 | 19 | conditions cannot be combined with &&: give each condition its own line (quote the text if it is meant literally)
          """)
  void rejects_with_the_column_of_the_offending_token(String text, int column, String message) {
    ConditionSyntaxException e =
        catchThrowableOfType(ConditionSyntaxException.class, () -> ConditionParser.parse(text));
    assertThat(e).as("parsing %s", text).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.column()).as(e.pointer()).isEqualTo(column);
    assertThat(e.condition()).isEqualTo(text);
  }

  @Test
  void rejects_conditions_combined_with_or_but_takes_quoted_text() throws ConditionSyntaxException {
    assertThatThrownBy(() -> ConditionParser.parse("[BODY].a == x || y"))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> {
              assertThat(e.column()).isEqualTo(15);
              assertThat(e.getMessage()).startsWith("conditions cannot be combined with ||");
            });
    assertThat(ConditionParser.parse("[BODY].a == \"x || y\"").text())
        .isEqualTo("[BODY].a == \"x || y\"");
  }

  @Test
  void points_at_the_column_under_the_condition() {
    assertThatThrownBy(() -> ConditionParser.parse("len([BODY].data < 5"))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> assertThat(e.pointer()).isEqualTo("len([BODY].data < 5\n   ^"));
    assertThatThrownBy(() -> ConditionParser.parse("\t[STATU] == 1"))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> assertThat(e.pointer()).isEqualTo("\t[STATU] == 1\n\t^"));
    assertThatThrownBy(() -> ConditionParser.parse("[STATUS] =="))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> assertThat(e.pointer()).isEqualTo("[STATUS] ==\n           ^"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          [BODY].name == "a \\"quoted\\" word"   | a "quoted" word
          [BODY].name == "back\\\\slash"          | back\\slash
          [BODY].name == "  spaced  "             | '  spaced  '
          [BODY].name == "<= not an operator"     | <= not an operator
          [BODY].name == plain text, verbatim     | plain text, verbatim
          [BODY].name == ok (done)                | ok (done)
          [BODY].name == 5" tall                  | 5" tall
          """)
  void reads_literals_as_written(String condition, String expected) {
    String body = "{\"name\":" + quoteJson(expected) + "}";
    ConditionResult result = Responses.evaluate(Responses.json(body).build(), condition);
    assertThat(result.success()).as(result.actual()).isTrue();
  }

  private static String quoteJson(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
