package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.evaluate;
import static dev.tickr.assertion.Responses.json;
import static dev.tickr.assertion.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions on the body: JSON paths, len, has, pat, any; each with the actual value shown. */
class JsonConditionsTest {

  @ParameterizedTest(name = "{1} on {0} holds: {2}, actual: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # Gatus's documented examples
          {"user":{"name":"john"}}             | [BODY].user.name == john          | true  | john
          {"data":[{"id":1}]}                  | [BODY].data[0].id == 1            | true  | 1
          {"age":1,"id":1}                     | [BODY].age == [BODY].id           | true  | 1 vs 1
          {"age":2,"id":1}                     | [BODY].age == [BODY].id           | false | 2 vs 1
          {"data":[{"id":1}]}                  | len([BODY].data) < 5              | true  | 1
          {"name":"john.doe"}                  | len([BODY].name) == 8             | true  | 8
          {"name":"bob"}                       | len([BODY].name) == 8             | false | 3
          {"name":"john.doe"}                  | has([BODY].errors) == false       | true  | false
          {"errors":[]}                        | has([BODY].errors) == false       | false | true
          {"users":[]}                         | has([BODY].users) == true         | true  | true
          {}                                   | has([BODY].users) == true         | false | false
          {"name":"john.doe"}                  | [BODY].name == pat(john*)         | true  | john.doe
          {"name":"bob"}                       | [BODY].name == pat(john*)         | false | bob
          {"id":1}                             | [BODY].id == any(1, 2)            | true  | 1
          {"id":3}                             | [BODY].id == any(1, 2)            | false | 3
          {"ip":"::1"}                         | [BODY].ip == any(127.0.0.1, ::1)  | true  | ::1
          {"status":"UP"}                      | [BODY].status == UP               | true  | UP
          {"price":24.99}                      | [BODY].price == 24.99             | true  | 24.99
          {"id":"abc"}                         | len([BODY].id) > 0                | true  | 3
          # Paths
          [{"name":"a"},{"name":"b"}]          | [BODY][0].name == a               | true  | a
          [{"name":"a"},{"name":"b"}]          | [BODY][-1].name == b              | true  | b
          {"a":{"b":[[1,2],[3,4]]}}            | [BODY].a.b[1][0] == 3             | true  | 3
          {"@numpages":3}                      | [BODY].@numpages > 1              | true  | 3
          {"my-key":"x"}                       | [BODY].my-key == x                | true  | x
          # Numbers compare numerically, text exactly
          {"amount":1.0}                       | [BODY].amount == 1                | true  | 1.0
          {"amount":1.50}                      | [BODY].amount == 1.5              | true  | 1.50
          {"big":12345678901234567890}         | [BODY].big == 12345678901234567891 | false | 12345678901234567890
          {"code":"200"}                       | [BODY].code == 200                | true  | 200
          {"version":"1.1"}                    | [BODY].version == 1.10            | false | 1.1
          {"name":"John"}                      | [BODY].name == john               | false | John
          {"ok":true}                          | [BODY].ok == true                 | true  | true
          {"v":null}                           | [BODY].v == null                  | true  | null
          {"a":{"b":[1,2]}}                    | [BODY].a == {"b":[1,2]}           | true  | {"b":[1,2]}
          {"a":[1, 2, 3]}                      | [BODY].a == [1,2,3]               | true  | [1,2,3]
          {"msg":"two words"}                  | [BODY].msg == "two words"         | true  | two words
          {"msg":"say \\"hi\\""}               | [BODY].msg == "say \\"hi\\""      | true  | say "hi"
          {"msg":""}                           | [BODY].msg == ""                  | true  | '""'
          {"ttl":2000}                         | [BODY].ttl == 2s                  | true  | 2000
          # Examples from docs/conditions.md
          {"tags":["a","b"]}                   | [BODY].tags == ["a","b"]          | true  | ["a","b"]
          {"msg":"a < b"}                      | [BODY].msg == a < b               | true  | a < b
          {"msg":"[ERROR] quota"}              | [BODY].msg == "[ERROR] quota"     | true  | [ERROR] quota
          {"state":"in progress"}              | [BODY].state == any("in progress", done) | true | in progress
          {"note":" OK then"}                  | [BODY].note == pat(" OK *")       | true  | ' OK then'
          {"note":"OK then"}                   | [BODY].note == pat(" OK *")       | false | OK then
          {"my-key":"x"}                       | [BODY].my-key == x                | true  | x
          # Every operator
          {"n":5}                              | [BODY].n == 5                     | true  | 5
          {"n":5}                              | [BODY].n != 5                     | false | 5
          {"n":5}                              | [BODY].n != 6                     | true  | 5
          {"n":5}                              | [BODY].n < 5                      | false | 5
          {"n":5}                              | [BODY].n <= 5                     | true  | 5
          {"n":5}                              | [BODY].n > 4.9                    | true  | 5
          {"n":5}                              | [BODY].n >= 6                     | false | 5
          {"n":-1}                             | [BODY].n < 0                      | true  | -1
          {"n":1e999999999}                    | [BODY].n > 1                      | true  | 1E+999999999
          {"n":1e-999999999}                   | [BODY].n < 1                      | true  | 1E-999999999
          {"n":"10"}                           | [BODY].n > 9                      | true  | 10
          {"min":1,"max":2}                    | [BODY].min < [BODY].max           | true  | 1 vs 2
          {"name":"bob"}                       | [BODY].name != pat(j*)            | true  | bob
          {"id":2}                             | [BODY].id != any(1, 2)            | false | 2
          # len counts elements, fields and code points
          {"s":"日本語"}                        | len([BODY].s) == 3                | true  | 3
          {"s":"😀"}                           | len([BODY].s) == 1                | true  | 1
          {"o":{"a":1,"b":2}}                  | len([BODY].o) == 2                | true  | 2
          {"n":12345}                          | len([BODY].n) == 5                | true  | 5
          {"a":1,"b":2,"c":3}                  | len([BODY]) == 19                 | true  | 19
          [1,2,3,4]                            | len([BODY]) == 4                  | true  | 4
          # has() holds for anything present, even null
          {"v":null}                           | has([BODY].v) == true             | true  | true
          {"a":{}}                             | has([BODY].a.b.c) == false        | true  | false
          """)
  void judges_json_bodies(String body, String condition, boolean holds, String actual) {
    ConditionResult result = evaluate(json(body).build(), condition);
    assertThat(result.success()).as(result.actual()).isEqualTo(holds);
    assertThat(result.actual()).isEqualTo(actual);
    assertThat(result.condition()).isEqualTo(condition);
  }

  @ParameterizedTest(name = "{1} on {0}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {"data":{}}        | [BODY].data.x == 1       | no field "x" at [BODY].data.x
          {"data":[1]}       | [BODY].data.x == 1       | no field "x" at [BODY].data.x ([BODY].data is an array)
          {"data":"s"}       | [BODY].data.x.y == 1     | no field "x" at [BODY].data.x ([BODY].data is a string)
          {"data":{"a":1}}   | [BODY].data[0] == 1      | no element 0 at [BODY].data[0] ([BODY].data is an object)
          {"items":[1,2]}    | [BODY].items[3] == 1     | index 3 out of range (size 2) at [BODY].items[3]
          {"items":[1,2]}    | [BODY].items[-3] == 1    | index -3 out of range (size 2) at [BODY].items[-3]
          [1]                | [BODY].a == 1            | no field "a" at [BODY].a ([BODY] is an array)
          {"a":1}            | [BODY].a == [BODY].b     | 1 vs no field "b" at [BODY].b
          {"a":1}            | [BODY].b != 1            | no field "b" at [BODY].b
          {"a":1}            | len([BODY].b) == 0       | no field "b" at [BODY].b
          {"n":"abc"}        | [BODY].n > 9             | not a number: "abc"
          {"n":{"a":1}}      | [BODY].n > 9             | not a number: "{"a":1}"
          {"a":1,"b":"x"}    | [BODY].a < [BODY].b      | 1 vs not a number: "x"
          <html>oops</html>  | [BODY].a == 1            | body is not JSON (starts with "<html>oops</html>")
          {"a":1} {"b":2}    | [BODY].a == 1            | body is not valid JSON (line 1, column 9)
          {"a":             | [BODY].a == 1            | body is not valid JSON (line 1, column 6)
          """)
  void explains_values_that_cannot_be_resolved(String body, String condition, String actual) {
    ConditionResult result = evaluate(json(body).build(), condition);
    assertThat(result.success()).isFalse();
    assertThat(result.actual()).isEqualTo(actual);
  }

  @ParameterizedTest(name = "{1} on \"{0}\" holds: {2}, actual: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          1                                   | [BODY] == 1                   | true  | 1
          2                                   | [BODY] == 1                   | false | 2
          {}                                  | [BODY] == 1                   | false | {}
          '  OK\\n'                            | [BODY] == OK                  | true  | OK
          <html><title>Hi</title></html>      | [BODY] == pat(*<title>*)      | true  | <html><title>Hi</title></html>
          <h1>Example Domain</h1>             | [BODY] == pat(*<h1>Example Domain</h1>*) | true | <h1>Example Domain</h1>
          hello                               | len([BODY]) == 5              | true  | 5
          3                                   | [BODY] < 5                    | true  | 3
          abc                                 | [BODY] < 5                    | false | not a number: "abc"
          ''                                  | [BODY] == ""                  | true  | '""'
          ''                                  | has([BODY]) == false          | true  | false
          '  \\n'                              | has([BODY]) == false          | true  | false
          x                                   | has([BODY]) == true           | true  | true
          ''                                  | [BODY].a == 1                 | false | body is empty
          'line one\\nline two'                | [BODY] == pat(*two)           | true  | line one line two
          """)
  void judges_text_bodies(String body, String condition, boolean holds, String actual) {
    String unescaped = body.replace("\\n", "\n");
    ConditionResult result = evaluate(text(unescaped).build(), condition);
    assertThat(result.success()).as(result.actual()).isEqualTo(holds);
    assertThat(result.actual()).isEqualTo(actual);
  }
}
