package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.policy.PolicyQuestion;

/**
 * A co-build unit's list given to a school, or a school's selection from the list waiting (共建): the
 * agreement, the quota left, and how many children the command selects. The children are
 * {@link ListedChildFact}s.
 */
public final class CoBuildFact {

    private final String unit;
    private final String school;
    private final boolean agreementValid;
    private final int quota;
    private final int quotaLeft;
    private final boolean selectedNow;
    private final int selectedCount;

    /**
     * The co-build facts of the question.
     *
     * @param coBuild the list or selection
     * @param school the code of the school the list is given to
     */
    public CoBuildFact(PolicyQuestion.CoBuild coBuild, String school) {
        this.unit = coBuild.unit();
        this.school = Objects.requireNonNull(school, "school");
        this.agreementValid = coBuild.agreement() != null;
        this.quota = coBuild.agreement() == null ? 0 : coBuild.agreement().quota();
        this.quotaLeft = coBuild.quotaLeft();
        this.selectedNow = coBuild.selectedNow();
        this.selectedCount = (int) coBuild.selectedCount();
    }

    /** The co-build unit's id. */
    public String getUnit() {
        return unit;
    }

    /** The code of the school the list is given to. */
    public String getSchool() {
        return school;
    }

    /** Whether the unit has an agreement (共建协议) with the school this season. */
    public boolean isAgreementValid() {
        return agreementValid;
    }

    /** The agreed quota for the whole season; 0 without an agreement. */
    public int getQuota() {
        return quota;
    }

    /** The quota less the unit's co-build registrations at the school that are not WITHDRAWN. */
    public int getQuotaLeft() {
        return quotaLeft;
    }

    /** Whether children get registrations with this command: a list within the quota left, or a selection. */
    public boolean isSelectedNow() {
        return selectedNow;
    }

    /** How many children get registrations with this command. */
    public int getSelectedCount() {
        return selectedCount;
    }

    @Override
    public String toString() {
        return "CoBuildFact[" + unit + " at " + school + (agreementValid ? ", quota " + quota + ", left " + quotaLeft : ", no agreement")
                + (selectedNow ? ", selecting " + selectedCount : ", waiting") + "]";
    }
}
