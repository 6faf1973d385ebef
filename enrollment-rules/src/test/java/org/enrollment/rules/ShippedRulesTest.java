package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.enrollment.core.policy.PolicyQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule files shipped in the jar: listed by the index, readable by staff, exportable as a starting point. */
class ShippedRulesTest {

    private static final List<String> POLICIES = List.of("district-uniqueness.drl", "boarding-withdrawal.drl",
            "co-build-exemption.drl", "eligibility.drl", "eligibility-documents.drl.xlsx", "school-plan.drl");

    private static Path shippedFolder() throws URISyntaxException {
        URL index = ShippedRulesTest.class.getClassLoader().getResource(RuleSource.SHIPPED_FOLDER + "index.txt");
        assertThat(index).isNotNull();
        return Path.of(index.toURI()).getParent();
    }

    @Test
    void theIndexListsEveryPolicyFileOfTheShippedFolderAndNothingElse() throws Exception {
        try (Stream<Path> files = Files.list(shippedFolder())) {
            List<String> ruleFiles = files.map(p -> p.getFileName().toString()).filter(RuleFile::isRuleFile).toList();
            assertThat(DroolsPolicyEngine.shippedRuleFiles()).containsExactlyInAnyOrderElementsOf(ruleFiles)
                    .containsExactlyInAnyOrderElementsOf(POLICIES);
        }
    }

    @Test
    void everyShippedFileOpensWithAPlainLanguageHeaderInChineseAndEnglishNamingItsSource() throws Exception {
        for (String name : DroolsPolicyEngine.shippedRuleFiles()) {
            boolean table = name.endsWith(".xlsx");
            String header = table
                    ? DocumentTableWorkbook.cells(Files.readAllBytes(shippedFolder().resolve(name))).stream()
                            .filter(r -> r.get(0).equals("Notes")).map(r -> "Notes " + r.get(1)).findFirst().orElse("")
                    : Files.readString(shippedFolder().resolve(name), StandardCharsets.UTF_8);
            header = table ? header : header.substring(0, Math.max(0, header.indexOf("*/")));
            assertThat(header).as("header of %s", name).startsWith(table ? "Notes" : "/*")
                    .containsPattern("\\p{IsHan}{4,}").containsPattern("[A-Za-z]+ [a-z]+ [a-z]+ [a-z]+").contains("Source");
            if (!table) {
                assertThat(header).contains("政策", "Policy:", "来源");
            }
        }
    }

    @Test
    void everyReasonInTheDrlFilesComesWithAMessageInChineseAndEnglish() throws Exception {
        for (String name : DroolsPolicyEngine.shippedRuleFiles()) {
            if (name.endsWith(".drl")) {
                String text = Files.readString(shippedFolder().resolve(name), StandardCharsets.UTF_8);
                List<String> calls = text.lines().filter(l -> l.contains("verdict.refuse(") || l.contains("verdict.advise(")).toList();
                long messages = text.lines().filter(l -> l.strip().matches("\"[^\"]*\\p{IsHan}.*\",")).count();
                assertThat(messages).as("Chinese messages in %s", name).isEqualTo(calls.size());
            }
        }
    }

    @Test
    void exportedShippedFilesLoadAsTheShippedRulesAndAreNeverOverwritten(@TempDir Path folder) throws IOException {
        List<Path> written = DroolsPolicyEngine.exportShippedRules(folder.resolve("my-rules"));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(DroolsPolicyEngine.shippedRuleFiles());
        DroolsPolicyEngine fromCopy = DroolsPolicyEngine.fromFolder(folder.resolve("my-rules"));
        assertThat(fromCopy.ruleNames()).isEqualTo(FiredRules.shipped().ruleNames());

        Files.writeString(written.get(0), "// edited");
        assertThatThrownBy(() -> DroolsPolicyEngine.exportShippedRules(folder.resolve("my-rules")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(written.get(0))).isEqualTo("// edited");
    }

    @Test
    void theShippedRulesComeFromTheModelPrecompiledByTheBuildAndJudgeAsTheFilesCompiledNow() {
        CompiledRules precompiled = FiredRules.shipped().inForce();
        CompiledRules compiledNow = RuleCompiler.compile(RuleSource.shipped().read(), "the shipped files", true);
        try {
            assertThat(precompiled.precompiled()).as("loaded from the build's model").isTrue();
            assertThat(compiledNow.precompiled()).isFalse();
            assertThat(precompiled.ruleNames()).isEqualTo(compiledNow.ruleNames());
            assertThat(precompiled.derivations()).isEqualTo(compiledNow.derivations());
            for (PolicyQuestion q : SmokeCheck.questions()) {
                VerdictAssert.assertThat(compiledNow.judge(q, JudgingBudget.DEFAULT).verdict()).as(q.kind().text())
                        .judgesAs(precompiled.judge(q, JudgingBudget.DEFAULT).verdict());
            }
        } finally {
            compiledNow.release();
        }
    }

    @Test
    void theRulesThatGiveNoReasonAreTheDerivations() {
        assertThat(FiredRules.shipped().derivationRuleNames()).containsExactlyInAnyOrder("Boarding grace period",
                "Withdraw a boarding rejection at any time", "Documents for 京籍 children", "Documents for 非京籍 children");
        assertThat(FiredRules.shipped().ruleNames()).hasSize(20).containsAll(FiredRules.shipped().derivationRuleNames());
    }
}
