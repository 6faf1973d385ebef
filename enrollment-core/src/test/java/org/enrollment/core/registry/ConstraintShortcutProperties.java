package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.ScenarioSeason;

/**
 * The shortcut past the validator ({@link ConstraintShortcut}) says "none broken" exactly when the validator finds
 * nothing, for commands of every kind it covers whose fields hold values at and around every constraint's edge
 * (lengths, patterns, resident IDs, names, plain text, nulls, lists with bad elements); so a command it lets by
 * is one the validator would have let by, and the validator still words every refusal.
 */
class ConstraintShortcutProperties {

    private static final Validator VALIDATOR = DefaultValidator.INSTANCE;
    private static final String ID = ChildIds.eligible(ScenarioSeason.HAIDIAN, 1);

    /** Values at and around the edges of the commands' constraints, and hostile ones. */
    private static Arbitrary<String> text() {
        String badCheck = ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0');
        return Arbitraries.of(Arrays.asList(null, "", " ", "a", "李雷", "李\u0301雷", "e\u0301", "\u200b", "a\u0000b", "a\nb",
                "\ud800", "x".repeat(64), "x".repeat(65), "x".repeat(200), "x".repeat(201), "字".repeat(200), "字".repeat(201),
                ID, ID.toLowerCase(), badCheck, ID.substring(1), ID + "0", "李" + ID, "110108", "11010", "NB:130000", "NB:13000",
                "nb:130000", "HD001", "pass", "fail", "PASS", "admit", "reject", "ONLINE", "BOARDING", "online", "HUKOU",
                "BIRTH", "hukou", "'; DROP TABLE registration; --"));
    }

    private static Arbitrary<List<String>> texts() {
        return text().list().ofMaxSize(3).injectNull(0.1).map(l -> l == null ? null : new ArrayList<>(l));
    }

    @Provide
    Arbitrary<Command> commands() {
        return Arbitraries.oneOf(
                Combinators.combine(text(), text(), text(), text(), text(), text()).as(Register::new),
                Combinators.combine(text(), text(), texts(), text()).as(Verify::new),
                Combinators.combine(text(), text(), text(), text()).as(Amend::new),
                Combinators.combine(text(), text()).as(BoardingDecide::new),
                Combinators.combine(text(), text()).as(Release::new),
                Combinators.combine(text(), text()).as(Approve::new),
                text().map(Admit::new),
                text().map(Tick::new),
                texts().map(CoBuildSelect::new));
    }

    @Property(tries = 3000)
    void noneBrokenExactlyWhenTheValidatorFindsNothing(@ForAll("commands") Command command) {
        ConstraintShortcut shortcut = ConstraintShortcut.of(VALIDATOR, command.getClass()).orElseThrow();
        assertThat(shortcut.noneBroken(command)).as("%s", command).isEqualTo(VALIDATOR.validate(command).isEmpty());
    }

    @Example
    void aCascadeIsLeftToTheValidator() {
        assertThat(ConstraintShortcut.of(VALIDATOR, CoBuildListing.class)).isEmpty();
    }

    @Example
    void aConstraintTheHostMapsOnTopCountsAndIsWordedByTheValidator() {
        String mapping = """
                <constraint-mappings xmlns="https://jakarta.ee/xml/ns/validation/mapping" version="3.0">
                  <bean class="org.enrollment.core.command.Tick">
                    <field name="child">
                      <constraint annotation="jakarta.validation.constraints.Size"><element name="max">3</element></constraint>
                    </field>
                  </bean>
                </constraint-mappings>
                """;
        Validator hosts = Validation.byDefaultProvider().configure()
                .addMapping(new ByteArrayInputStream(mapping.getBytes(StandardCharsets.UTF_8)))
                .buildValidatorFactory().getValidator();
        Tick tick = new Tick(ID);

        assertThat(ConstraintShortcut.of(VALIDATOR, Tick.class).orElseThrow().noneBroken(tick)).isTrue();
        assertThat(ConstraintShortcut.of(hosts, Tick.class).orElseThrow().noneBroken(tick)).isFalse();
        assertThat(new InputCheck(hosts).violations(tick)).containsOnlyKeys("child");
        assertThat(new InputCheck(hosts).violations(tick).get("child").messageEn()).contains("between 0 and 3");
    }
}
