package org.enrollment.core.registry;

import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;

/**
 * Builds a {@link Registry} (登记系统): the season and policies it judges by, then the store, clock, clock bound,
 * child key, validator and the log's signing key, each with a default; not thread-safe (build on one thread, then share the registry).
 */
public final class RegistryBuilder {

    private static final Duration DEFAULT_CLOCK_BOUND = Duration.ofSeconds(5);

    final Season season;
    final PolicyEngine policies;
    RegistrationStore store;
    Clock clock = Clock.systemUTC();
    Duration clockBound = DEFAULT_CLOCK_BOUND;
    String changeBy;
    byte[] childKey;
    Validator validator;
    SigningKey logKey;
    CheckpointSchedule schedule;

    RegistryBuilder(Season season, PolicyEngine policies) {
        this.season = Objects.requireNonNull(season, "season");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The store; the in-memory one by default. */
    public RegistryBuilder store(RegistrationStore value) {
        this.store = Objects.requireNonNull(value, "store");
        return this;
    }

    /** The clock commands are judged by; the system clock by default. */
    public RegistryBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * On a store shared by several nodes (the JDBC store), how far this node's clock may be from the store's
     * before the node refuses to act ({@link ClockSkewException}); 5 seconds by default. A host replaying a
     * past season with a clock of its own (a scenario file, a test) gives {@code ChronoUnit.FOREVER.getDuration()}.
     */
    public RegistryBuilder clockBound(Duration value) {
        this.clockBound = Objects.requireNonNull(value, "clockBound");
        if (value.isNegative()) {
            throw new IllegalArgumentException("clockBound must not be negative, was " + value + ".");
        }
        return this;
    }

    /**
     * Replaces, on a shared store, the season it holds with this registry's, as a deliberate act of the city
     * recorded in the audit log with the operator and the differences; without it, a registry whose season
     * is not the one held refuses to build ({@link SeasonMismatchException}). Every other node then stops
     * acting until started with the new season.
     */
    public RegistryBuilder changeSeason(String operator) {
        this.changeBy = Objects.requireNonNull(operator, "operator");
        return this;
    }

    /**
     * The child key, at least 16 bytes: the key of the audit log's child references (HMAC-SHA256) and of its
     * sealed state ({@link StateSeal}). A store that outlives the process needs it, the same every time: the
     * registry refuses to build without one, or with another than the log's entries name. For a store that
     * ends with the process a random one is made by default.
     */
    public RegistryBuilder childKey(byte[] value) {
        this.childKey = Objects.requireNonNull(value, "childKey").clone();
        return this;
    }

    /**
     * The log's key (its name is the log's origin) and when to sign checkpoints of the audit log's tree by itself:
     * then {@link Registry#checkpoint()} signs one on demand, and the registry signs as the schedule says, after
     * the command whose entry makes one due (never inside the store's commit); the store keeps them
     * ({@link org.enrollment.core.audit.AuditTrail#checkpoints()}). Without it the registry signs nothing.
     */
    public RegistryBuilder checkpoints(SigningKey key, CheckpointSchedule when) {
        this.logKey = Objects.requireNonNull(key, "key");
        this.schedule = Objects.requireNonNull(when, "when");
        return this;
    }

    /** The Bean Validation validator; by default one from the provider on the class path. */
    public RegistryBuilder validator(Validator value) {
        this.validator = Objects.requireNonNull(value, "validator");
        return this;
    }

    /** The registry; on a shared store, {@link SeasonMismatchException} or {@link ClockSkewException} as said above. */
    public Registry build() {
        if (store == null) {
            store = new InMemoryRegistrationStore();
        }
        if (childKey == null && store.outlivesProcess()) {
            throw new IllegalStateException("The store outlives the process, so the registry needs the child key its log is"
                    + " written under, the same every time.\nMaybe give it: Registry.builder(season, policies).childKey(key);"
                    + " see the README on who holds it.");
        }
        if (childKey == null) {
            childKey = new byte[32];
            new SecureRandom().nextBytes(childKey);
        }
        KeyCheck.refuseOtherKey(store.audit(), StateSeal.keyId(childKey));
        if (validator == null) {
            validator = DefaultValidator.INSTANCE;
        }
        return new Registry(this);
    }
}
