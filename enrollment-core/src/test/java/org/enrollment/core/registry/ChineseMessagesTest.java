package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Verify;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile form's refusals in Chinese are Chinese entirely: the only Latin words in a reason's Chinese message
 * are codes (upper case: {@code INVALID_INPUT}, {@code SCHOOL:<code>}, document codes), the command's field
 * names and the field's path, the values a field takes ({@code pass}, {@code admit}, ...), and the value
 * given, quoted.
 */
class ChineseMessagesTest {

    private static final String T = "2014-05-06T09:00:00+08:00";
    private static final String CHILD = ChildIds.eligible("110108", 1);

    /** A Latin word; codes, quoted values and masked IDs are taken out first. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern QUOTED_OR_CODE = Pattern.compile("'[^']*'|[A-Z][A-Z0-9_]*(:<[a-z]+>)?|\\d[\\d*X]*");
    private static final Set<String> VALUES = Set.of("pass", "fail", "admit", "reject", "null", "as", "input",
            "register", "verify", "approve", "amend");

    static Stream<Arguments> hostileForms() {
        return Stream.of(
                arguments("GUARDIAN", named("ID too short", new Register("11010820080101001", "王小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("ID not digits", new Register("1101082008010100AX", "王小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("ID birth date", new Register("110108200802300013", "王小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("ID check", new Register(CHILD.substring(0, 17) + (CHILD.endsWith("1") ? "2" : "1"),
                        "王小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("ID missing", new Register(null, "王小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("empty name", new Register(CHILD, "", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("name with a bell", new Register(CHILD, "王\u0007小明", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("name of spaces", new Register(CHILD, "  ", "110108", "110108", "HD001", null))),
                arguments("GUARDIAN", named("household", new Register(CHILD, "王小明", "beijing", "110108", "HD001", null))),
                arguments("GUARDIAN", named("route", new Register(CHILD, "王小明", "110108", "110108", "HD001", "WALK"))),
                arguments("GUARDIAN", named("long district", new Register(CHILD, "王小明", "110108", "1".repeat(65), "HD001", null))),
                arguments("janitor", named("actor", new Register(CHILD, "王小明", "110108", "110108", "HD001", null))),
                arguments("SCHOOL:HD001", named("result", new Verify(CHILD, "maybe", List.of(), null))),
                arguments("SCHOOL:HD001", named("document", new Verify(CHILD, "pass", List.of("PASSPORT"), null))),
                arguments("SCHOOL:HD001", named("fail without reason", new Verify(CHILD, "fail", List.of(), null))),
                arguments("SCHOOL:HD001", named("boarding result", new BoardingDecide(CHILD, "perhaps"))),
                arguments("DISTRICT:110108", named("approve both", new Approve("HD001", CHILD))),
                arguments("GUARDIAN", named("empty amendment", new Amend(CHILD, null, null, null))),
                arguments("SCHOOL:HD001", named("empty selection", new CoBuildSelect(List.of()))),
                arguments("COBUILD:U1", named("listed twice", new CoBuildListing("HD001",
                        List.of(new ListedChildText(CHILD, "王小明", "110108"), new ListedChildText(CHILD, "王小明", "110108"))))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void hostileForms(String actor, Command command) {
        Desk desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        desk.register(CHILD, "110108", "110108", "HD001");
        Decision d = desk.at(T, actor, command);

        assertThat(d.isAccepted()).isFalse();
        assertThat(d.reasonCodes()).as(d.reasons().toString()).doesNotContain(ReasonCode.UNKNOWN_REGISTRATION);
        Set<String> fields = fieldNames(command);
        for (Reason reason : d.reasons()) {
            String field = reason.rule().substring(reason.rule().indexOf(':') + 1).trim();
            assertThat(latinWords(reason.messageZh().replace(field, " ")).stream().filter(w -> !fields.contains(w) && !VALUES.contains(w)))
                    .as(reason.messageZh()).isEmpty();
            assertThat(reason.messageEn().replaceAll("'[^']*'", " ")).as("the English, the value given aside")
                    .doesNotContainPattern("\\p{IsHan}");
        }
    }

    private static List<String> latinWords(String message) {
        Matcher words = WORD.matcher(QUOTED_OR_CODE.matcher(message).replaceAll(" "));
        return words.results().map(MatchResult::group).toList();
    }

    private static Set<String> fieldNames(Command command) {
        Stream<RecordComponent> own = Arrays.stream(command.getClass().getRecordComponents());
        Stream<RecordComponent> listed = Arrays.stream(ListedChildText.class.getRecordComponents());
        return Stream.concat(own, listed).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
