package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Verify;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;

/**
 * What a command costs the database on PostgreSQL, in round trips (each statement executed, each commit): counted
 * by a data source that wraps the driver's, so that a change adding a statement to every command shows here.
 */
class RoundTripsIT {

    private static final String HAIDIAN = "110108";
    private static final Instant NOW = Instant.now();
    private static final int YEAR = NOW.atOffset(ZoneOffset.UTC).getYear() + 1;

    /** A registry on a fresh PostgreSQL store whose statements are added to {@code sent} as they go to the server. */
    private static Registry countedRegistry(List<String> sent) {
        return Registry.builder(season(), new ReferencePolicies())
                .store(JdbcRegistrationStore.open(counting(TestDatabase.POSTGRESQL.fresh(), sent))).childKey(new byte[16]).build();
    }

    /**
     * The statements one command sends, without the clock's (the registry reads it once a second), after checking
     * that it was accepted or refused as expected.
     */
    private static List<String> sentFor(Registry registry, List<String> sent, Actor actor, Command command, boolean accepted) {
        sent.clear();
        assertThat(registry.handle(actor, command).isAccepted()).as("%s accepted", command).isEqualTo(accepted);
        return sent.stream().filter(s -> !s.startsWith("SELECT CURRENT_TIMESTAMP")).toList();
    }

    @Test
    void aRegisterAfterTheFirstIsTheRegistrysTwoReadsTheCounterTwoWritesAndTheCommit() {
        List<String> sent = new CopyOnWriteArrayList<>();
        Registry registry = countedRegistry(sent);
        assertThat(registry.handle(Actor.guardian(), register(1)).isAccepted()).isTrue();

        List<String> work = sentFor(registry, sent, Actor.guardian(), register(2), true);
        assertThat(work).as("round trips of one register: %s", work).hasSize(6);
        assertThat(work.get(work.size() - 2)).as("the audit append, one statement").startsWith("WITH h AS (UPDATE audit_head");
        assertThat(work.get(work.size() - 1)).isEqualTo("COMMIT");
    }

    @Test
    void aStepOnOneRegistrationWritesItsRowAndEventInOneStatementWithoutLockingItFirst() {
        List<String> sent = new CopyOnWriteArrayList<>();
        Registry registry = countedRegistry(sent);
        Register first = register(1);
        assertThat(registry.handle(Actor.guardian(), first).isAccepted()).isTrue();

        List<String> work = sentFor(registry, sent, Actor.school("HD001"), new Verify(first.child(), "fail", null, "户口簿未带"), true);
        assertThat(work).as("round trips of one verify: %s", work).noneMatch(s -> s.contains("FOR UPDATE"));
        assertThat(work.subList(work.size() - 3, work.size())).as("round trips of one verify: %s", work)
                .satisfiesExactly(s -> assertThat(s).startsWith("WITH u AS (UPDATE registration r SET"),
                        s -> assertThat(s).startsWith("WITH h AS (UPDATE audit_head"), s -> assertThat(s).isEqualTo("COMMIT"));
        assertThat(registry.registrationOf(ResidentId.of(first.child())).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aRefusalIsTheRegistrysReadsAndItsAppendAutoCommittedInOneStatement() {
        List<String> sent = new CopyOnWriteArrayList<>();
        Registry registry = countedRegistry(sent);
        assertThat(registry.handle(Actor.guardian(), register(1)).isAccepted()).isTrue();

        List<String> work = sentFor(registry, sent, Actor.guardian(), register(1), false);
        assertThat(work).as("round trips of one refusal: %s", work).doesNotContain("COMMIT");
        assertThat(work.get(work.size() - 1)).as("round trips of one refusal: %s", work).startsWith("WITH h AS (UPDATE audit_head");
        assertThat(registry.audit().head().count()).isEqualTo(2);
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    @Test
    void fourThreadsOfOneNodeAppendEachInOneStatementWithoutLockingTheHeadFirst() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        Registry registry = countedRegistry(sent);
        assertThat(registry.handle(Actor.guardian(), register(1)).isAccepted()).isTrue();
        sent.clear();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> accepted = new ArrayList<>();
            for (int i = 2; i <= 61; i++) {
                Register r = register(i);
                accepted.add(threads.submit(() -> registry.handle(Actor.guardian(), r).isAccepted()));
            }
            for (Future<Boolean> a : accepted) {
                assertThat(a.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(sent.stream().filter(s -> s.startsWith("WITH h AS (UPDATE audit_head"))).as("one-statement appends").hasSize(60);
        assertThat(sent.stream().filter(s -> s.contains("FROM audit_head WHERE id = 1 FOR UPDATE")))
                .as("appends that found another head and locked it first").isEmpty();
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    /** The data source, each statement it executes (its SQL) and each commit ({@code COMMIT}) added to {@code sent}. */
    private static DataSource counting(DataSource real, List<String> sent) {
        return wrap(DataSource.class, real, (method, args, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result, sent) : result);
    }

    private static Connection connection(Connection real, List<String> sent) {
        return wrap(Connection.class, real, (method, args, result) -> {
            switch (method.getName()) {
                case "commit" -> sent.add("COMMIT");
                case "prepareStatement" -> {
                    return statement(PreparedStatement.class, (PreparedStatement) result, (String) args[0], sent);
                }
                case "createStatement" -> {
                    return statement(Statement.class, (Statement) result, null, sent);
                }
                default -> {
                }
            }
            return result;
        });
    }

    private static <T extends Statement> T statement(Class<T> type, T real, String prepared, List<String> sent) {
        return wrap(type, real, (method, args, result) -> result, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                sent.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
        });
    }

    /** What a wrapper does with a call's result. */
    private interface OnResult {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    /** What a wrapper notes of a call before it is made. */
    private interface OnCall {
        void note(Method method, Object[] args);
    }

    private static <T> T wrap(Class<T> type, T real, OnResult onResult) {
        return wrap(type, real, onResult, (method, args) -> { });
    }

    private static <T> T wrap(Class<T> type, T real, OnResult onResult, OnCall onCall) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            onCall.note(method, args);
            try {
                return onResult.apply(method, args, method.invoke(real, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static Season season() {
        return new Season(YEAR, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)), 3, DistrictCatalog.beijing(),
                List.of(new School("HD001", "海淀实验小学", HAIDIAN, 100, false)), List.of(new CoBuildAgreement("U-ACAD", "HD001", 3)));
    }

    private static Register register(int i) {
        return new Register(ResidentId.compose(HAIDIAN, LocalDate.of(YEAR - 6, 1, 1), i).value(), "王小明", HAIDIAN, HAIDIAN, "HD001", null);
    }
}
