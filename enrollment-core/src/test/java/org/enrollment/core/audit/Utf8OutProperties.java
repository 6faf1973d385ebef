package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

/** The body buffer writes the bytes {@link String#getBytes} writes, for any text: a lone surrogate as '?'. */
class Utf8OutProperties {

    @Property(tries = 2000)
    void writesWhatGetBytesWritesOfAnyPartOfAnyText(@ForAll @CharRange(from = '\u0000', to = '\uffff') String text,
                                                    @ForAll @IntRange(min = 0, max = 40) int cut) {
        int from = Math.min(cut, text.length());
        Utf8Out out = new Utf8Out(1);
        out.ascii("{").text(text, from, text.length()).ascii('}');

        byte[] expected = ("{" + text.substring(from) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(out.bytes(), out.size())).isEqualTo(expected);
        assertThat(out.toString()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void writesSurrogatePairsAsFourBytesAndLoneOnesAsQuestionMarks(@ForAll @CharRange(from = '\ud800', to = '\udfff') String surrogates) {
        Utf8Out out = new Utf8Out(4);
        out.text(surrogates, 0, surrogates.length());

        assertThat(Arrays.copyOf(out.bytes(), out.size())).isEqualTo(surrogates.getBytes(StandardCharsets.UTF_8));
    }
}
