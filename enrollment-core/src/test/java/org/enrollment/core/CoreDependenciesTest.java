package org.enrollment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.enrollment.core.registry.Registry;
import org.junit.jupiter.api.Test;

/** The core stays free of any rule engine: no Drools or KIE type on its class path or in its classes. */
class CoreDependenciesTest {

    @Test
    void hasNoRuleEngineOnItsClassPath() {
        assertThatThrownBy(() -> Class.forName("org.kie.api.KieServices")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.drools.core.common.InternalAgenda")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noCoreClassRefersToDroolsOrKie() throws IOException, URISyntaxException {
        Path classes = Path.of(Registry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(constants).as(file.toString()).doesNotContain("org/drools/").doesNotContain("org/kie/");
        }
    }
}
