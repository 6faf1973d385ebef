package org.enrollment.core.command;

/**
 * A school submits its ticked list (上报名单) to the district: every PRE_ADMITTED registration naming it goes UNDER_REVIEW, frozen.
 *
 * <p>It has no fields: the list is whatever the school has ticked.
 */
public record SubmitList() implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.SUBMIT_LIST;
    }
}
