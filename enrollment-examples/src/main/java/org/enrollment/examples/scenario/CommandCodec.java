package org.enrollment.examples.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChild;
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
        switch (kind) {
            case REGISTER:
                return new Register(f.text("child"), f.text("name"), f.text("household"), f.text("district"),
                        f.text("school"), f.text("route"));
            case AMEND:
                return new Amend(f.text("child"), f.text("name"), f.text("household"), f.text("school"));
            case WITHDRAW:
                return new Withdraw(f.text("child"));
            case VERIFY:
                return new Verify(f.text("child"), f.text("result"), f.texts("documents"), f.text("reason"));
            case TICK:
                return new Tick(f.text("child"));
            case UNTICK:
                return new Untick(f.text("child"));
            case SUBMIT_LIST:
                return new SubmitList();
            case APPROVE:
                return new Approve(f.text("school"), f.text("child"));
            case RETURN:
                return new ReturnEntry(f.text("child"), f.text("reason"));
            case RELEASE:
                return new Release(f.text("child"), f.text("reason"));
            case ADMIT:
                return new Admit(f.text("child"));
            case FILE:
                return new FileStudentRecord(f.text("child"));
            case BOARDING_DECIDE:
                return new BoardingDecide(f.text("child"), f.text("result"));
            case COBUILD_LIST:
                List<JsonFields> listed = f.objects("children");
                return new CoBuildListing(f.text("school"), listed == null ? null
                        : listed.stream().map(c -> new ListedChild(c.text("child"), c.text("name"), c.text("household"))).toList());
            case COBUILD_SELECT:
                return new CoBuildSelect(f.texts("children"));
            default:
                throw new IllegalArgumentException("No fields known for " + kind + ".");
        }
    }

    /** Writes the command's fields (not {@code at}, {@code as}, {@code do}) into the line; absent fields are left out. */
    static void write(Command command, ObjectNode line) {
        if (command instanceof Register c) {
            put(line, "child", c.child());
            put(line, "name", c.name());
            put(line, "household", c.household());
            put(line, "district", c.district());
            put(line, "school", c.school());
            put(line, "route", c.route());
        } else if (command instanceof Amend c) {
            put(line, "child", c.child());
            put(line, "name", c.name());
            put(line, "household", c.household());
            put(line, "school", c.school());
        } else if (command instanceof Verify c) {
            put(line, "child", c.child());
            put(line, "result", c.result());
            if (c.documents() != null) {
                ArrayNode docs = line.putArray("documents");
                c.documents().forEach(docs::add);
            }
            put(line, "reason", c.reason());
        } else if (command instanceof Approve c) {
            put(line, "school", c.school());
            put(line, "child", c.child());
        } else if (command instanceof ReturnEntry c) {
            put(line, "child", c.child());
            put(line, "reason", c.reason());
        } else if (command instanceof Release c) {
            put(line, "child", c.child());
            put(line, "reason", c.reason());
        } else if (command instanceof BoardingDecide c) {
            put(line, "child", c.child());
            put(line, "result", c.result());
        } else if (command instanceof CoBuildListing c) {
            put(line, "school", c.school());
            if (c.children() != null) {
                ArrayNode children = line.putArray("children");
                for (ListedChild l : c.children()) {
                    ObjectNode o = children.addObject();
                    put(o, "child", l.child());
                    put(o, "name", l.name());
                    put(o, "household", l.household());
                }
            }
        } else if (command instanceof CoBuildSelect c) {
            if (c.children() != null) {
                ArrayNode children = line.putArray("children");
                c.children().forEach(children::add);
            }
        } else {
            oneChild(command).ifPresent(child -> line.put("child", child));
        }
    }

    /**
     * The children whose registrations a {@code state} expectation looks at: the command's {@code child}, or its
     * {@code children} (listed or selected); empty when it names neither, and the registrations it acted on count.
     */
    static Optional<List<String>> probedChildren(Command command) {
        if (command instanceof CoBuildListing c) {
            return Optional.ofNullable(c.children()).map(l -> l.stream().map(ListedChild::child).toList());
        } else if (command instanceof CoBuildSelect c) {
            return Optional.ofNullable(c.children());
        }
        return oneChild(command).map(List::of);
    }

    /** The {@code child} field of a command that has one and gives it. */
    private static Optional<String> oneChild(Command command) {
        String child = null;
        if (command instanceof Register c) {
            child = c.child();
        } else if (command instanceof Amend c) {
            child = c.child();
        } else if (command instanceof Withdraw c) {
            child = c.child();
        } else if (command instanceof Verify c) {
            child = c.child();
        } else if (command instanceof Tick c) {
            child = c.child();
        } else if (command instanceof Untick c) {
            child = c.child();
        } else if (command instanceof Approve c) {
            child = c.child();
        } else if (command instanceof ReturnEntry c) {
            child = c.child();
        } else if (command instanceof Release c) {
            child = c.child();
        } else if (command instanceof Admit c) {
            child = c.child();
        } else if (command instanceof FileStudentRecord c) {
            child = c.child();
        } else if (command instanceof BoardingDecide c) {
            child = c.child();
        }
        return Optional.ofNullable(child);
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
