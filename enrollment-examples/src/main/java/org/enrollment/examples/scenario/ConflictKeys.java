package org.enrollment.examples.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Register;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * What each command of a file may read or write (冲突键), told command by command in the file's order, so that
 * commands that can affect each other are played in that order and the others at once
 * ({@link InOrderPlay}). Three kinds of key:
 * <ul>
 *   <li>a child's: every command naming the child (its {@code child}, a co-build list's or selection's children,
 *   and for a selection also the children of the lists given to its school before, whose registrations its advice
 *   reads): the child's registrations, the one-active-registration rule, a withdrawal then a registration
 *   elsewhere, boarding;</li>
 *   <li>a school's: the places taken (every policy question sees them), its lists by state, its waiting co-build
 *   list and co-build counts. Read by a command at the school; written (exclusively) by one that moves a
 *   registration into, out of or between the states those count ({@code tick}, {@code untick},
 *   {@code withdraw}, {@code boarding-decide}, {@code submit-list}, {@code approve}, {@code return},
 *   {@code release}, {@code admit}, the co-build commands). A command about a child concerns every school the
 *   file named for that child before (by a registration, an amendment, a co-build list, a school acting on it):
 *   the child's registration, whatever came of those commands, is at one of them;</li>
 *   <li>a district's number counter: every command that may create a registration in the district
 *   ({@code register}, the co-build commands), so that numbers are issued in the file's order.</li>
 * </ul>
 * Keys over-approximate: a command the registry refuses early still holds its keys.
 */
final class ConflictKeys {

    private final Map<String, String> districtOf = new HashMap<>();
    /** The schools the file named so far for each child: its registration is at one of them. */
    private final Map<String, Set<String>> schoolsOf = new HashMap<>();
    /** The children of the co-build lists given to each school so far. */
    private final Map<String, Set<String>> listedAt = new HashMap<>();

    /** Keys for the commands of a file of this season. */
    ConflictKeys(Season season) {
        for (School s : season.schools()) {
            districtOf.put(s.code(), s.district());
        }
    }

    /**
     * A key and how it is held.
     *
     * @param name what it guards
     * @param shared whether others holding it shared may run at once (a reader), or none may (a writer)
     */
    record Key(String name, boolean shared) {
    }

    /**
     * What a kind of command touches beyond its children.
     *
     * @param writes whether it moves a registration into, out of or between the states a school's counts and lists see
     * @param school the school it names, if it names one ({@code null} otherwise)
     * @param numbers whether it may create a registration, so takes a number from the school's district
     */
    private record Reach(boolean writes, String school, boolean numbers) {
    }

    /** Every kind named, so that a new kind is a compile error here until its keys are decided. */
    private static Reach reachOf(Command command) {
        return switch (command.kind()) {
            case REGISTER -> new Reach(false, ((Register) command).school(), true);
            case AMEND -> new Reach(false, ((Amend) command).school(), false);
            case VERIFY, FILE -> new Reach(false, null, false);
            case APPROVE -> new Reach(true, ((Approve) command).school(), false);
            case COBUILD_LIST -> new Reach(true, ((CoBuildListing) command).school(), true);
            case COBUILD_SELECT -> new Reach(true, null, true);
            case WITHDRAW, TICK, UNTICK, SUBMIT_LIST, RETURN, RELEASE, ADMIT, BOARDING_DECIDE -> new Reach(true, null, false);
        };
    }

    /** The keys of the next command of the file; then remembers the schools it names for its children. */
    List<Key> of(ScenarioCommand sc) {
        Command command = sc.command();
        Reach reach = reachOf(command);
        String actingSchool = sc.actor().startsWith("SCHOOL:") ? sc.actor().substring("SCHOOL:".length()) : null;
        Set<String> children = new LinkedHashSet<>(ScenarioPlayer.childrenNamed(command));
        Set<String> schools = new LinkedHashSet<>();
        if (actingSchool != null) {
            schools.add(actingSchool);
            if (command.kind() == CommandKind.COBUILD_SELECT) {
                children.addAll(listedAt.getOrDefault(actingSchool, Set.of()));
            }
        }
        if (reach.school() != null) {
            schools.add(reach.school());
        }
        String numberedAt = reach.school() != null ? reach.school() : actingSchool;
        List<Key> keys = new ArrayList<>();
        children.remove(null);
        for (String child : children) {
            String id = child.toUpperCase(Locale.ROOT);
            keys.add(new Key("child " + id, false));
            schools.addAll(schoolsOf.getOrDefault(id, Set.of()));
        }
        schools.forEach(s -> keys.add(new Key("school " + s, !reach.writes())));
        if (reach.numbers()) {
            String district = command instanceof Register r ? r.district() : numberedAt == null ? null : districtOf.get(numberedAt);
            if (district != null) {
                keys.add(new Key("counter " + district, false));
            }
        }
        remember(command, children, numberedAt);
        return keys;
    }

    /** The school the command names becomes one its children's registrations may be at; a list's children are kept. */
    private void remember(Command command, Set<String> children, String school) {
        if (school == null) {
            return;
        }
        for (String child : children) {
            schoolsOf.computeIfAbsent(child.toUpperCase(Locale.ROOT), k -> new LinkedHashSet<>(2)).add(school);
        }
        if (command.kind() == CommandKind.COBUILD_LIST) {
            listedAt.computeIfAbsent(school, k -> new LinkedHashSet<>()).addAll(children);
        }
    }
}
