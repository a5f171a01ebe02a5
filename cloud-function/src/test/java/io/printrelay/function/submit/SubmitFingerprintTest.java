package io.printrelay.function.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.http.JsonBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which submits count as the same request for an Idempotency-Key (docs/api.md#idempotency). */
class SubmitFingerprintTest {
  private static final JsonBody BODY = new JsonBody(JsonMapper.createDefault());
  private static final String BASE =
      "{'printerId':'line-1','reference':'MO/1','template':'^XA^FD{{n}}^FS^XZ',"
          + "'labels':[{'data':{'n':1.5,'b':true}},{'zpl':'^XA^XZ'}]}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "keys in another order and white space |"
            + " { 'labels' : [ { 'data' : { 'b' : true , 'n' : 1.5 } } , { 'zpl' : '^XA^XZ' } ] ,"
            + " 'template':'^XA^FD{{n}}^FS^XZ', 'reference':'MO/1', 'printerId':'line-1' }",
        "a number written otherwise |"
            + " {'printerId':'line-1','reference':'MO/1','template':'^XA^FD{{n}}^FS^XZ',"
            + "'labels':[{'data':{'n':1.50,'b':true}},{'zpl':'^XA^XZ'}]}",
        "null for an absent field and unknown fields |"
            + " {'printerId':'line-1','reference':'MO/1','template':'^XA^FD{{n}}^FS^XZ',"
            + "'priority':null,'zplDocument':null,'sentAt':'09:15','labels':"
            + "[{'data':{'n':1.5,'b':true},'note':'x'},{'zpl':'^XA^XZ','raw':null}]}"
      })
  void theSameRequestWrittenOtherwiseHasTheSameFingerprint(String what, String body) {
    assertThat(fingerprint(body)).as(what).isEqualTo(fingerprint(BASE));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "another printer | line-1 | line-2",
        "another reference | MO/1 | MO/2",
        "another value | 1.5 | 2.5",
        "another value type | true | 'true'",
        "labels in another order | [{'data':{'n':1.5,'b':true}},{'zpl':'^XA^XZ'}]"
            + " | [{'zpl':'^XA^XZ'},{'data':{'n':1.5,'b':true}}]",
        "another priority | 'reference' | 'priority':'low','reference'"
      })
  void anotherRequestHasAnotherFingerprint(String what, String from, String to) {
    assertThat(fingerprint(BASE.replace(from.strip(), to.strip())))
        .as(what)
        .isNotEqualTo(fingerprint(BASE));
  }

  private static String fingerprint(String body) {
    try {
      JsonNode tree = JsonMapper.createDefault().readValue(body.replace('\'', '"'), JsonNode.class);
      return SubmitFingerprint.of(BODY.bind(tree, SubmitRequest.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
