package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log's JSON strings: plain text as it is, the rest escaped so that an entry stays one line, in UTF-8. */
class JsonTest {

    @Test
    void writesPlainTextIncludingChineseAsItIs() {
        Utf8Out out = new Utf8Out(8);
        Json.string(out, "王小明 HD001 window: register online");
        assertThat(out).hasToString("\"王小明 HD001 window: register online\"");
    }

    @Test
    void escapesQuotesBackslashesLineBreaksAndControlCharactersWhereverTheyAre() {
        Utf8Out out = new Utf8Out(8);
        Json.string(out, "say \"hi\"\\\n\r\t\u0001\u007f\u2028end");
        assertThat(out).hasToString("\"say \\\"hi\\\"\\\\\\n\\r\\t\\u0001\\u007f\\u2028end\"");
    }

    @Test
    void escapesACharacterThatComesFirst() {
        Utf8Out out = new Utf8Out(8);
        Json.strings(out, List.of("\"a", "b"));
        assertThat(out).hasToString("[\"\\\"a\",\"b\"]");
    }
}
