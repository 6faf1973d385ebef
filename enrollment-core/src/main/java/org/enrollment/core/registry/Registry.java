package org.enrollment.core.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.ChildReference;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.audit.SealedState;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogCheckpointer;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.season.Season;
import org.enrollment.core.season.SeasonTerms;
import org.enrollment.core.store.CommitResult;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.StoreCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point a host calls: one season's registrations, judged by the policies, kept by a store, every
 * command in the audit log.
 *
 * <pre>{@code
 * Season season = Season.builder(2014).window(opens, closes).school(new School("HD001", "海淀实验小学", "110108", 120, false)).build();
 * Registry registry = Registry.builder(season, policies).clock(clock).childKey(key).build();
 * Decision d = registry.handle(Actor.guardian(),
 *         Register.online(ResidentId.of("110108200801010013"), "王小明", Household.of("110108"), "110108", "HD001"));
 * }</pre>
 *
 * <p>The clock is the system clock unless the host gives one: a host replaying a past season gives a clock of
 * that time, or every guardian command is outside the window. The key names children in the audit log; a host
 * whose store outlives the process gives the same one every start.
 *
 * <p>Every command is judged in the same order: input, authority, lifecycle, policies. A refused command
 * changes nothing and is still recorded. The registry is safe for many threads: it takes no global lock;
 * the store settles races (a lost race for a child is {@code DUPLICATE_REGISTRATION}, for a school's last
 * place {@code PLAN_FULL}).
 */
public final class Registry {

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final int MAX_ATTEMPTS = 64;

    private final Season season;
    private final RegistrationStore store;
    private final Clock clock;
    private final ChildReference childReference;
    private final StateSeal seal;
    private final PolicyEngine policies;
    private final String seasonPrint;
    private final CommandJudge judge;
    private final SharedGuard guard;
    private final LogCheckpointer signer;
    /** Whether the store's trail keeps records; when not, none is built ({@link AuditRecord#UNKEPT}). */
    private final boolean keepsRecords;

    Registry(RegistryBuilder b) {
        this.season = b.season;
        this.store = b.store;
        this.clock = b.clock;
        this.childReference = new ChildReference(b.childKey);
        this.seal = new StateSeal(b.childKey);
        this.policies = b.policies;
        this.seasonPrint = b.season.fingerprint();
        this.judge = new CommandJudge(b.season, b.policies, b.store, new InputCheck(b.validator));
        this.guard = b.store.shared().map(s -> SharedGuard.start(s, b.clock, b.clockBound, SeasonTerms.of(b.season), b.changeBy))
                .orElse(null);
        this.signer = b.logKey == null ? null
                : new LogCheckpointer(b.store.audit().tree(), b.logKey, b.schedule, b.clock, b.store.audit().checkpoints());
        this.keepsRecords = b.store.audit().keepsRecords();
    }

    /**
     * Starts building a registry for a season, judged by these policies; by default with the in-memory store,
     * the system clock and a random key for the audit log's child references.
     */
    public static RegistryBuilder builder(Season season, PolicyEngine policies) {
        return new RegistryBuilder(season, policies);
    }

    /**
     * Judges and, when accepted, carries out a command, and records it in the audit log. When a concurrent
     * command changes what the judgement read before it is written, the command is judged again on what the
     * store holds then (each such loss means another command went through).
     *
     * @return the decision; a refusal is a decision, never an exception
     * @throws IllegalStateException when the command was overtaken 64 times in a row, which
     *         takes a storm of concurrent changes to the same registrations or school; nothing was written for it
     * @throws ClockSkewException on a shared store, when this node's clock is off the store's by more than the bound
     * @throws SeasonMismatchException on a shared store, when another node has changed the season since the start
     */
    public Decision handle(Actor actor, Command command) {
        return handle(actor, null, command);
    }

    /**
     * Judges and carries out a command as {@link #handle(Actor, Command)} does, recording who at the school or
     * district acted: the host's operator id, kept in the audit entry. An operator id that the log may not keep
     * (see {@code README}: 1 to 64 letters, digits or {@code ._:@-}, never a resident ID) refuses the command
     * with {@code INVALID_INPUT}.
     *
     * @param operator the host's id of the person acting, or {@code null}
     */
    public Decision handle(Actor actor, String operator, Command command) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        String shownActor = ResidentId.maskAll(actor.toString());
        if (operator != null && !CommandFacts.isOperator(operator)) {
            String masked = ResidentId.mask(operator);
            Reason reason = Reasons.invalidInput("operator", masked, new Problem("须为 1 到 64 个字母、数字或 ._:@-，且不能是身份证号",
                    "must be 1 to 64 letters, digits or ._:@-, and never a resident ID"));
            return refusedUnjudged(shownActor, command, reason, "operator=" + Reasons.shown("operator", masked));
        }
        String facts = keepsRecords ? CommandFacts.of(command) : "";
        for (int attempt = 1; ; attempt++) {
            Instant at = now();
            Judgement j = judge.judge(actor, command, at);
            AuditRecord record = record(at, shownActor, operator, command, facts, j, j.reasons(), j.outcome());
            if (j.outcome() == Outcome.REFUSED || j.changes().isEmpty()) {
                return decided(j.outcome(), j.reasons(), j.rulesFired(), j.concerned(), store.record(record), shownActor, command);
            }
            CommitResult result = store.commit(j.changes(), record);
            if (result instanceof CommitResult.Committed done) {
                return decided(Outcome.ACCEPTED, j.reasons(), j.rulesFired(), done.registrations(), done.sequence(), shownActor, command);
            }
            CommitResult.Conflict conflict = (CommitResult.Conflict) result;
            Reason lost = switch (conflict.kind()) {
                // A co-build change names many children, and one registered meanwhile is the policies' to
                // decide on (a selection supersedes a fallback): judged again. Any other register lost its race.
                case DUPLICATE_REGISTRATION -> j.changes().coBuildCount() != null ? null : Reasons.duplicateInStore(j.children().get(0));
                case PLAN_FULL -> Reasons.planFullInStore(conflict.detail());
                case STALE -> null;
            };
            if (lost != null) {
                AuditRecord refused = record(at, shownActor, operator, command, facts, j, List.of(lost), Outcome.REFUSED);
                return decided(Outcome.REFUSED, List.of(lost), j.rulesFired(), j.concerned(), store.record(refused), shownActor, command);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Gave up on " + command.kind().text() + " by " + shownActor + " after " + attempt
                        + " attempts, each overtaken by a concurrent change (" + conflict.detail() + ").");
            }
            LOG.debug("{} by {} overtaken by a concurrent change ({}); judging again", command.kind().text(), shownActor, conflict.detail());
        }
    }

    /**
     * Judges a command whose actor is still text, as a scenario file or a form gives it: an actor of none of
     * the forms {@code GUARDIAN}, {@code SCHOOL:<code>}, {@code DISTRICT:<code>}, {@code CITY},
     * {@code COBUILD:<unit>} is refused with {@code INVALID_INPUT} before anything else is looked at.
     */
    public Decision handle(String actor, Command command) {
        Objects.requireNonNull(command, "command");
        Actor parsed = null;
        try {
            parsed = actor == null ? null : Actor.parse(actor); // once: it is parsed for every command
        } catch (IllegalArgumentException e) {
            // none of the forms: refused below
        }
        if (parsed != null) {
            return handle(parsed, command);
        }
        Reason reason = Reasons.invalidInput("as", actor,
                new Problem("须为 GUARDIAN、SCHOOL:<code>、DISTRICT:<code>、CITY 或 COBUILD:<unit>",
                        "must be GUARDIAN, SCHOOL:<code>, DISTRICT:<code>, CITY or COBUILD:<unit>"));
        return refusedUnjudged("INVALID", command, reason, "as=" + Reasons.shown("as", actor));
    }

    /** Records and returns the refusal of a command refused before it was judged. */
    private Decision refusedUnjudged(String actor, Command command, Reason reason, String detail) {
        Judgement j = Judgement.refused(reason, List.of(), List.of(), detail);
        long sequence = appended(store.record(record(now(), actor, null, command, "", j, j.reasons(), Outcome.REFUSED)));
        LOG.debug("{} refused before judging: {}", command.kind().text(), reason.messageEn());
        return new Decision(Outcome.REFUSED, List.of(reason), List.of(), List.of(), sequence);
    }

    private Instant now() {
        Instant at = clock.instant();
        if (guard != null) {
            guard.check(at);
        }
        return at;
    }

    private AuditRecord record(Instant at, String actor, String operator, Command command, String facts, Judgement j,
                               List<Reason> reasons, Outcome outcome) {
        if (!keepsRecords) {
            return AuditRecord.UNKEPT;
        }
        List<String> targets = j.concerned().stream().map(r -> r.number().value()).toList();
        List<String> children = j.children().stream().map(childReference::of).toList();
        return new AuditRecord(at, actor, operator == null ? "" : operator, command.kind().text(), targets, children, outcome.name(),
                reasons.stream().map(r -> r.code().name()).toList(), j.rulesFired(), j.detail(), facts,
                j.ruleSet().isEmpty() ? policies.fingerprint() : j.ruleSet(),
                seasonPrint, seal, SealedState.NONE);
    }

    /**
     * Checks the store against its audit log: replays the log ({@link LogReplay}) and compares every
     * registration the store holds with what the log says, naming each one that differs.
     */
    public StoreCheck checkAgainstLog() {
        return StoreCheck.of(store, LogReplay.of(store.audit(), seal));
    }

    /** Signs the checkpoints this entry makes due, if the registry has the log's key. */
    private long appended(long sequence) {
        if (signer != null) {
            signer.appended(sequence + 1);
        }
        return sequence;
    }

    /**
     * Signs a checkpoint of the audit log's whole tree now, and keeps it with the log.
     *
     * @throws IllegalStateException when the registry was built without the log's key
     */
    public SignedNote checkpoint() {
        if (signer == null) {
            throw new IllegalStateException("The registry has no log key to sign checkpoints with.\nMaybe build it with "
                    + "Registry.builder(season, policies).checkpoints(key, schedule).");
        }
        return signer.checkpoint();
    }

    /** The checkpoints signed of the audit log and kept with it, smallest tree first. */
    public CheckpointStore checkpoints() {
        return store.audit().checkpoints();
    }

    /** The id of the child key (see {@link StateSeal#keyId}), recorded with every entry. */
    public String childKeyId() {
        return seal.keyId();
    }

    private Decision decided(Outcome outcome, List<Reason> reasons, List<String> rules, List<Registration> registrations,
                             long sequence, String actor, Command command) {
        appended(sequence);
        if (LOG.isDebugEnabled()) {
            LOG.debug("#{} {} by {}: {} {} {}", sequence, command.kind().text(), actor, outcome,
                    reasons.stream().map(r -> r.code().name()).toList(), registrations);
        }
        return new Decision(outcome, reasons, rules, registrations, sequence);
    }

    /** The child's registration that is not WITHDRAWN or, when there is none, the latest one. */
    public Optional<Registration> registrationOf(ResidentId child) {
        List<Registration> all = store.ofChild(child);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** All of the child's registrations, oldest first. */
    public List<Registration> registrationsOf(ResidentId child) {
        return store.ofChild(child);
    }

    /** The registration with this pre-registration number. */
    public Optional<Registration> find(RegistrationNumber number) {
        return store.find(number);
    }

    /** All registrations naming the school. */
    public List<Registration> registrationsAt(String school) {
        return store.ofSchool(school);
    }

    /** The audit log. */
    public AuditTrail audit() {
        return store.audit();
    }

    /** The store, for reports that read every registration. */
    public RegistrationStore store() {
        return store;
    }

    /** The season. */
    public Season season() {
        return season;
    }
}
