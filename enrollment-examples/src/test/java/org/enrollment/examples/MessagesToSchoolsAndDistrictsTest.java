package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.rules.DroolsPolicyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a school or a district is told about a child, by the registry judging with the shipped rules: the
 * child's resident ID in its masked form only ({@code 110108********0013}), in Chinese and in English.
 */
class MessagesToSchoolsAndDistrictsTest {

    private static final String CHILD = ResidentId.compose("110108", LocalDate.of(2008, 1, 1), 1).value();
    private static final String SIBLING = ResidentId.compose("110108", LocalDate.of(2008, 1, 1), 3).value();

    private final Registry registry = Registry.builder(new Season(2014, Instant.parse("2014-05-05T00:00:00+08:00"),
                    Instant.parse("2014-06-01T00:00:00+08:00"), 3, DistrictCatalog.beijing(),
                    List.of(new School("HD001", "海淀实验小学", "110108", 120, false)), List.of()), DroolsPolicyEngine.shipped())
            .clock(Clock.fixed(Instant.parse("2014-05-06T09:00:00+08:00"), ZoneOffset.ofHours(8)))
            .build();

    static Stream<Arguments> aSchoolOrDistrictActsOnAChildWithoutRegistration() {
        return Stream.of(
                arguments("SCHOOL:HD001", named("verify", new Verify(CHILD, "pass", List.of("HUKOU", "BIRTH", "HOME"), null))),
                arguments("SCHOOL:HD001", named("tick", new Tick(CHILD))),
                arguments("SCHOOL:HD001", named("cobuild-select", new CoBuildSelect(List.of(CHILD)))),
                arguments("DISTRICT:110108", named("approve", new Approve("HD001", CHILD))),
                arguments("DISTRICT:110108", named("return", new ReturnEntry(CHILD, "证件不全"))),
                arguments("DISTRICT:110108", named("release", new Release(CHILD, "重复登记"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void aSchoolOrDistrictActsOnAChildWithoutRegistration(String actor, Command command) {
        Decision d = registry.handle(actor, command);

        assertThat(d.reasonCodes()).containsExactly(ReasonCode.UNKNOWN_REGISTRATION);
        assertThat(List.of(d.reasons().get(0).messageZh(), d.reasons().get(0).messageEn()))
                .allSatisfy(m -> assertThat(m).contains(ResidentId.mask(CHILD)).doesNotContain(CHILD));
    }

    @Test
    void aDistrictsReleaseNoteNamingAnotherChildReachesTheSchoolMasked() {
        assertThat(registry.handle("GUARDIAN", new Register(CHILD, "王小明", "110108", "110108", "HD001", null)).isAccepted()).isTrue();

        Decision d = registry.handle("DISTRICT:110108", new Release(CHILD, "与 " + SIBLING + " 重复登记"));

        assertThat(d.isAccepted()).as(d.reasons().toString()).isTrue();
        List<RegistrationEvent> history = registry.registrationsAt("HD001").get(0).history();
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("与 " + ResidentId.mask(SIBLING) + " 重复登记");
    }
}
