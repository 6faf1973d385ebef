package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.season.CoBuildAgreement;

/**
 * A co-build unit's list given to a school, or a school's selection from the list waiting (共建): the
 * agreement, the quota left, and how many children the command selects. The children are
 * {@link ListedChildFact}s.
 *
 * @param unit the co-build unit's id
 * @param school the code of the school the list is given to
 * @param agreementValid whether the unit has an agreement (共建协议) with the school this season
 * @param quota the agreed quota for the whole season; 0 without an agreement
 * @param quotaLeft the quota less the unit's co-build registrations at the school that are not WITHDRAWN
 * @param selectedNow whether children get registrations with this command: a list within the quota left, or a
 *                    selection
 * @param selectedCount how many children get registrations with this command
 */
public record CoBuildFact(String unit, String school, boolean agreementValid, int quota, int quotaLeft,
                          boolean selectedNow, int selectedCount) {

    /** Validates the fields. */
    public CoBuildFact {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(school, "school");
    }

    /** The co-build facts of a question, at the question's school. */
    public static CoBuildFact of(PolicyQuestion.CoBuild coBuild, String school) {
        return new CoBuildFact(coBuild.unit(), school, coBuild.agreement().isPresent(),
                coBuild.agreement().map(CoBuildAgreement::quota).orElse(0), coBuild.quotaLeft(), coBuild.selectedNow(),
                (int) coBuild.selectedCount());
    }
}
