package org.enrollment.examples;

import java.nio.file.Path;

/**
 * Where the command line gets its policies: the rules the library ships, or a folder of rule files policy
 * staff edited.
 */
public interface PolicySource {

    /** The shipped rules. */
    RuleSet shipped();

    /**
     * The rules in a folder.
     *
     * @throws RulesNotLoadedException naming each problem when the folder's rules do not compile
     */
    RuleSet fromFolder(Path folder);
}
