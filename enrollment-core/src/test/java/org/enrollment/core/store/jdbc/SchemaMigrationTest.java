package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema scripts split into statements as the databases would read them. */
class SchemaMigrationTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndDollarQuotesAndDropsComments() {
        String script = """
                -- header; with a semicolon
                CREATE TABLE t (a VARCHAR(9) DEFAULT 'x;y'); -- trailing; comment
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'no; never';
                END;
                $$;
                CREATE FUNCTION g() RETURNS int AS $body$ SELECT 1; $body$;
                SELECT "odd;name" FROM t
                """;

        List<String> statements = SchemaMigration.statements(script);

        assertThat(statements).containsExactly(
                "CREATE TABLE t (a VARCHAR(9) DEFAULT 'x;y')",
                "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    RAISE EXCEPTION 'no; never';\nEND;\n$$",
                "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 1; $body$",
                "SELECT \"odd;name\" FROM t");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shipsAFirstVersionWhoseStatementsAreAllDefinitions(Dialect dialect) {
        String script = SchemaMigration.script(dialect, 1);

        assertThat(script).isNotNull();
        assertThat(SchemaMigration.statements(script)).isNotEmpty()
                .allSatisfy(s -> assertThat(s).matches("(?s)(CREATE|INSERT|DROP) .*"))
                .anySatisfy(s -> assertThat(s).contains("registration_one_active_per_child"));
        assertThat(SchemaMigration.script(dialect, 0)).isNull();
    }
}
