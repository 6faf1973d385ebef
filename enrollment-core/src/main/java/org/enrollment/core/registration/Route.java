package org.enrollment.core.registration;

/** How a registration came about. */
public enum Route {
    /** Registered online by the guardian (网上登记). */
    ONLINE,
    /** Registered online for a boarding school (寄宿), which decides before the window closes. */
    BOARDING,
    /** Named on a co-build unit's list (共建) and selected; no online registration needed. */
    CO_BUILD
}
