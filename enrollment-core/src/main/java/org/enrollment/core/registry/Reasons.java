package org.enrollment.core.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Step;

/**
 * The reasons the registry itself gives, at steps 1 to 3 of judging and when the store refuses a change:
 * each with the check's name and a message in Chinese and English that names the field and value.
 */
final class Reasons {

    private Reasons() {
    }

    static Reason invalidInput(String field, Object value, Problem problem) {
        String shown = shown(field, value);
        return new Reason(ReasonCode.INVALID_INPUT, "input: " + field,
                "输入无效：字段 " + field + " 的值 " + shown + " 不符合要求（" + problem.zh() + "）。",
                field + ": " + problem.en() + " (was " + shown + ").");
    }

    static Reason invalidResidentId(String field, String value) {
        Problem problem = value == null ? new Problem("缺失", "missing") : ResidentId.problemWith(value);
        String shown = escaped(ResidentId.mask(value), 40);
        return new Reason(ReasonCode.INVALID_RESIDENT_ID, "input: " + field,
                "身份证号无效：字段 " + field + " 的值 " + shown + " 不符合 GB 11643-1999（" + problem.zh() + "）。",
                field + ": " + shown + " is not a valid resident ID (" + problem.en() + ").");
    }

    static Reason unknownDistrict(String field, String code) {
        return new Reason(ReasonCode.UNKNOWN_DISTRICT, "input: " + field,
                "区县代码 " + shown(field, code) + " 不存在（字段 " + field + "）。",
                field + ": no district has the code " + shown(field, code) + ".\nMaybe use one of the 6-digit codes of the catalog, e.g. 110108.");
    }

    static Reason unknownSchool(String field, String code) {
        return new Reason(ReasonCode.UNKNOWN_SCHOOL, "input: " + field,
                "学校代码 " + shown(field, code) + " 在本年度不存在（字段 " + field + "）。",
                field + ": no school has the code " + shown(field, code) + " this season.");
    }

    static Reason unknownRegistration(ResidentId child) {
        return new Reason(ReasonCode.UNKNOWN_REGISTRATION, "input: child",
                "儿童 " + child + " 没有登记记录。",
                "child: " + child + " has no registration.");
    }

    static Reason notOnWaitingList(String school, ResidentId child) {
        return new Reason(ReasonCode.UNKNOWN_REGISTRATION, "input: children",
                "学校 " + school + " 没有待选择的共建名单，或儿童 " + child + " 不在名单上。",
                "children: school " + school + " has no co-build list waiting, or " + child + " is not on it.");
    }

    static Reason notAuthorized(Actor actor, CommandKind kind, String jurisdictionZh, String jurisdictionEn) {
        String who = escaped(ResidentId.maskAll(actor.toString()), 80);
        return new Reason(ReasonCode.NOT_AUTHORIZED, "authority: " + kind.text(),
                "操作者 " + who + " 无权执行命令 " + kind.text() + "：" + jurisdictionZh + "。",
                who + " may not " + kind.text() + " here: " + jurisdictionEn + ".");
    }

    static Reason illegalTransition(Registration r, Step step, CommandKind kind) {
        String allowed = Arrays.stream(RegistrationState.values()).filter(s -> s.allows(step))
                .map(Enum::name).collect(Collectors.joining(", "));
        return new Reason(ReasonCode.ILLEGAL_TRANSITION, "lifecycle: " + kind.text(),
                "登记 " + r.number() + " 当前状态为 " + r.state() + "，不能执行 " + kind.text() + "（需处于 " + allowed + "）。",
                "Registration " + r.number() + " is " + r.state() + "; " + kind.text() + " needs " + allowed + ".");
    }

    static Reason notBoardingRoute(Registration r) {
        return new Reason(ReasonCode.ILLEGAL_TRANSITION, "lifecycle: boarding-decide",
                "登记 " + r.number() + " 不是寄宿申请（" + r.route() + "），寄宿学校不能对其作决定。",
                "Registration " + r.number() + " is on the " + r.route() + " route, not BOARDING: there is no boarding decision to take.");
    }

    static Reason duplicateInStore(ResidentId child) {
        return new Reason(ReasonCode.DUPLICATE_REGISTRATION, "store: one active registration per child",
                "儿童 " + child + " 已有一个有效登记（并发登记被数据库拒绝）。",
                "Child " + child + " already holds a registration that is not withdrawn (a concurrent registration won).");
    }

    static Reason planFullInStore(String detail) {
        return new Reason(ReasonCode.PLAN_FULL, "store: school plan",
                "学校招生计划已满：" + detail + "。",
                "The school's plan is full: " + detail + ".");
    }

    /**
     * The value as a message may show it: IDs masked, control characters, line separators and lone surrogates
     * escaped, long text cut.
     */
    static String shown(String field, Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (field.startsWith("child")) {
            return escaped(ResidentId.mask(text), 40);
        }
        return ResidentId.maskAll("'" + escaped(text, 40) + "'");
    }

    /**
     * The first {@code limit} characters of the text, cut with an ellipsis; control characters, line separators
     * and lone surrogates escaped (backslash, u, four hex digits), so that a message stays one clean line.
     */
    private static String escaped(String text, int limit) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > limit) {
            b.append("…");
        }
        return b.toString();
    }
}
