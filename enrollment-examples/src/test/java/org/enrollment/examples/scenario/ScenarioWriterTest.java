package org.enrollment.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioWriterTest {

    private static final String ID = "110108200801010013";

    @TempDir
    Path dir;

    @Test
    void readsBackTheSeasonAndEveryKindOfCommandItWrote() throws IOException {
        Season season = new Season(2014, Instant.parse("2014-05-04T16:00:00Z"), Instant.parse("2014-05-31T16:00:00Z"), 3,
                DistrictCatalog.beijing(), List.of(new School("HD001", "海淀实验小学", "110108", 3, false),
                        new School("XC900", "北京小学", "110102", 1, true)), List.of(new CoBuildAgreement("U-ACAD", "HD001", 1)));
        List<Command> commands = List.of(
                new Register(ID, "王小明", "NB:130000", "110108", "HD001", "BOARDING"), new Amend(ID, null, "110108", "HD001"),
                new Withdraw(ID), new Verify(ID, "fail", List.of("HUKOU", "BIRTH"), "原因 reason"), new Tick(ID), new Untick(ID),
                new SubmitList(), new Approve("HD001", null), new Approve(null, ID), new ReturnEntry(ID, "退回"),
                new Release(ID, "释放"), new Admit(null), new Admit(ID), new FileStudentRecord(ID), new BoardingDecide(ID, "reject"),
                new CoBuildListing("HD001", List.of(new ListedChildText(ID, "钱多", "110108"))), new CoBuildSelect(List.of(ID)));
        assertThat(commands).extracting(Command::kind).containsExactlyInAnyOrder(withApproveAndAdmitTwice());
        OffsetDateTime at = OffsetDateTime.parse("2014-05-06T09:00:00+08:00");
        List<ScenarioCommand> written = new ArrayList<>();
        Path file = dir.resolve("all.jsonl");
        try (ScenarioWriter w = new ScenarioWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), season, "every kind")) {
            for (int i = 0; i < commands.size(); i++) {
                Expectation e = i % 2 == 0 ? Expectation.nothing()
                        : new Expectation(Outcome.REFUSED, EnumSet.of(ReasonCode.PLAN_FULL, ReasonCode.NOT_AUTHORIZED), "NONE");
                ScenarioCommand c = new ScenarioCommand(0, at.plusMinutes(i), i == 3 ? "SCHOOL:HD001" : "GUARDIAN", commands.get(i), e);
                w.write(c);
                written.add(c);
            }
        }

        List<ScenarioCommand> read = new ArrayList<>();
        try (ScenarioReader r = ScenarioReader.open(file)) {
            assertThat(SeasonCodec.write(r.season())).isEqualTo(SeasonCodec.write(season));
            for (ScenarioCommand c = r.next(); c != null; c = r.next()) {
                read.add(c);
            }
        }

        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).line()).isEqualTo(i + 3);
            assertThat(read.get(i).expecting(written.get(i).expect())).isEqualTo(new ScenarioCommand(i + 3, written.get(i).at(),
                    written.get(i).actor(), written.get(i).command(), written.get(i).expect()));
            assertThat(read.get(i).expect()).isEqualTo(written.get(i).expect());
        }
    }

    private static CommandKind[] withApproveAndAdmitTwice() {
        List<CommandKind> kinds = new ArrayList<>(List.of(CommandKind.values()));
        kinds.add(CommandKind.APPROVE);
        kinds.add(CommandKind.ADMIT);
        return kinds.toArray(CommandKind[]::new);
    }
}
