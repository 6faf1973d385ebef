package org.enrollment.core.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * This node's clock differs from the shared store's (the city database's) by more than the registry's clock
 * bound, so the node refuses to act: judged by its clock, it would open or close the window, or date a step,
 * differently from every other node. Broken infrastructure, not a refusal: nothing was judged or written.
 */
public final class ClockSkewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClockSkewException(Instant node, Instant store, Duration bound) {
        super("This node's clock says " + node + " but the database's says " + store + ": they differ by "
                + Duration.between(store, node).abs() + ", more than the bound of " + bound + ". Nothing was judged.\n"
                + "Maybe synchronise this node's clock (NTP); a host replaying a past season gives "
                + "clockBound(ChronoUnit.FOREVER.getDuration()).");
    }
}
