package org.enrollment.examples.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.ChildCommand;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;

/**
 * The fields of each {@code do}, as SCENARIOS.md lists them, read into the core's command records and
 * written back. Values are taken as they are: a well-typed but bad value is for the registry to refuse.
 */
final class CommandCodec {

    private CommandCodec() {
    }

    /** The command a line describes. */
    static Command read(CommandKind kind, JsonFields f) {
        return switch (kind) {
            case REGISTER -> new Register(f.text("child"), f.text("name"), f.text("household"), f.text("district"),
                    f.text("school"), f.text("route"));
            case AMEND -> new Amend(f.text("child"), f.text("name"), f.text("household"), f.text("school"));
            case WITHDRAW -> new Withdraw(f.text("child"));
            case VERIFY -> new Verify(f.text("child"), f.text("result"), f.texts("documents"), f.text("reason"));
            case TICK -> new Tick(f.text("child"));
            case UNTICK -> new Untick(f.text("child"));
            case SUBMIT_LIST -> new SubmitList();
            case APPROVE -> new Approve(f.text("school"), f.text("child"));
            case RETURN -> new ReturnEntry(f.text("child"), f.text("reason"));
            case RELEASE -> new Release(f.text("child"), f.text("reason"));
            case ADMIT -> new Admit(f.text("child"));
            case FILE -> new FileStudentRecord(f.text("child"));
            case BOARDING_DECIDE -> new BoardingDecide(f.text("child"), f.text("result"));
            case COBUILD_LIST -> {
                List<JsonFields> listed = f.objects("children");
                yield new CoBuildListing(f.text("school"), listed == null ? null
                        : listed.stream().map(c -> new ListedChildText(c.text("child"), c.text("name"), c.text("household"))).toList());
            }
            case COBUILD_SELECT -> new CoBuildSelect(f.texts("children"));
        };
    }

    /**
     * Writes the command's fields (not {@code at}, {@code as}, {@code do}) into the line and returns it; absent
     * fields are left out.
     */
    static ObjectNode write(Command command, ObjectNode line) {
        Fields f = new Fields(line);
        Fields written = switch (command.kind()) {
            case REGISTER -> {
                Register c = (Register) command;
                yield f.put("child", c.child()).put("name", c.name()).put("household", c.household())
                        .put("district", c.district()).put("school", c.school()).put("route", c.route());
            }
            case AMEND -> {
                Amend c = (Amend) command;
                yield f.put("child", c.child()).put("name", c.name()).put("household", c.household()).put("school", c.school());
            }
            case VERIFY -> {
                Verify c = (Verify) command;
                yield f.put("child", c.child()).put("result", c.result()).putAll("documents", c.documents())
                        .put("reason", c.reason());
            }
            case APPROVE -> {
                Approve c = (Approve) command;
                yield f.put("school", c.school()).put("child", c.child());
            }
            case RETURN -> f.put("child", ((ReturnEntry) command).child()).put("reason", ((ReturnEntry) command).reason());
            case RELEASE -> f.put("child", ((Release) command).child()).put("reason", ((Release) command).reason());
            case BOARDING_DECIDE -> f.put("child", ((BoardingDecide) command).child())
                    .put("result", ((BoardingDecide) command).result());
            case WITHDRAW, TICK, UNTICK, ADMIT, FILE -> f.put("child", ((ChildCommand) command).child());
            case SUBMIT_LIST -> f;
            case COBUILD_LIST -> {
                CoBuildListing c = (CoBuildListing) command;
                f.put("school", c.school());
                if (c.children() != null) {
                    ArrayNode children = line.putArray("children");
                    for (ListedChildText l : c.children()) {
                        new Fields(children.addObject()).put("child", l.child()).put("name", l.name())
                                .put("household", l.household());
                    }
                }
                yield f;
            }
            case COBUILD_SELECT -> f.putAll("children", ((CoBuildSelect) command).children());
        };
        return written.object();
    }

    /**
     * The children whose registrations a {@code state} expectation looks at: the command's {@code child}, or its
     * {@code children} (listed or selected); empty when it names neither, and the registrations it acted on count.
     */
    static Optional<List<String>> probedChildren(Command command) {
        if (command instanceof ChildCommand c) {
            return Optional.ofNullable(c.child()).map(List::of);
        }
        return switch (command.kind()) {
            case COBUILD_LIST -> Optional.ofNullable(((CoBuildListing) command).children())
                    .map(l -> l.stream().map(ListedChildText::child).toList());
            case COBUILD_SELECT -> Optional.ofNullable(((CoBuildSelect) command).children());
            case SUBMIT_LIST -> Optional.empty();
            case REGISTER, AMEND, WITHDRAW, VERIFY, TICK, UNTICK, APPROVE, RETURN, RELEASE, ADMIT, FILE, BOARDING_DECIDE ->
                    throw new IllegalStateException(command.kind() + " names one child and is a ChildCommand.");
        };
    }

    /** Puts the fields that are given into a JSON object, leaving out those that are {@code null}. */
    private record Fields(ObjectNode object) {

        Fields put(String name, String value) {
            if (value != null) {
                object.put(name, value);
            }
            return this;
        }

        Fields putAll(String name, List<String> values) {
            if (values != null) {
                ArrayNode array = object.putArray(name);
                values.forEach(array::add);
            }
            return this;
        }
    }
}
