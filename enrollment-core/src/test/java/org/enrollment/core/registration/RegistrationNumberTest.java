package org.enrollment.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.enrollment.core.child.Mod11Check;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.junit.jupiter.api.Test;

/** The pre-registration number (预登记号): district, year, sequence and check character; unique and never reused. */
class RegistrationNumberTest {

    @Test
    void writesDistrictYearSequenceAndTheCheckCharacterOfTheirDigits() {
        RegistrationNumber n = RegistrationNumber.of("110108", 2014, 123);

        char check = Mod11Check.of("110108" + "2014" + "000123");
        assertThat(n.value()).isEqualTo("110108-2014-000123-" + check);
        assertThat(n.district()).isEqualTo("110108");
        assertThat(new RegistrationNumber(n.value())).isEqualTo(n);
    }

    @Test
    void padsTheSequenceWithZerosToSixDigitsFromOneToTheLargest() {
        assertThat(RegistrationNumber.of("110105", 2014, 1).value()).startsWith("110105-2014-000001-");
        assertThat(RegistrationNumber.of("110105", 2014, 45_678).value()).startsWith("110105-2014-045678-");
        assertThat(RegistrationNumber.of("110105", 2014, 999_999).value()).startsWith("110105-2014-999999-");
    }

    @Test
    void refusesANumberWithAnyOtherCheckCharacter() {
        String body = RegistrationNumber.of("110102", 2014, 42).value().substring(0, 19);
        char right = RegistrationNumber.of("110102", 2014, 42).value().charAt(19);
        int refused = 0;
        for (char c : "0123456789X".toCharArray()) {
            if (c != right) {
                assertThatThrownBy(() -> new RegistrationNumber(body + c))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check character");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(10);
    }

    @Test
    void refusesAnyOtherShapeAndSequencesOutOfRange() {
        for (String bad : List.of("", "110108-2014-123-5", "1101082014000123X", "110108-2014-000123-x", "110108-14-000123-5")) {
            assertThatThrownBy(() -> new RegistrationNumber(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("110108-2014-000123-5");
        }
        assertThatThrownBy(() -> RegistrationNumber.of("110108", 2014, 0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> RegistrationNumber.of("110108", 2014, 1_000_000)).hasMessageContaining("was 1000000");
    }

    @Test
    void givesEveryRegistrationANewNumberEvenAfterWithdrawals() {
        Desk desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        String child = "110108200801010013";
        Set<RegistrationNumber> issued = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            desk.accepted("2014-05-06T09:0" + round + ":00+08:00", "GUARDIAN",
                    new Register(child, "王小明", "110108", round % 2 == 0 ? "110108" : "110102", round % 2 == 0 ? "HD001" : "XC001", null));
            assertThat(issued.add(desk.registrationOf(child).number())).as("round %d", round).isTrue();
            desk.accepted("2014-05-06T09:0" + round + ":30+08:00", "GUARDIAN", new Withdraw(child));
        }

        List<Registration> all = desk.registry().registrationsOf(ResidentId.of(child));
        assertThat(all).hasSize(5).allSatisfy(r -> assertThat(r.state()).isEqualTo(RegistrationState.WITHDRAWN));
        assertThat(all).extracting(Registration::number).containsExactlyInAnyOrderElementsOf(issued);
        assertThat(issued).allSatisfy(n -> assertThat(desk.registry().find(n)).isPresent());
    }
}
