package org.enrollment.examples.simulation;

/**
 * One simulated child and the family's plan for the season: who the child is, where the family lives, which
 * mistakes it will make, and where it stands now.
 */
final class Child {

    /** How the child comes to school. */
    enum Way {
        /** Registers online and goes the ordinary way. */
        ONLINE,
        /** Applies to a boarding school. */
        BOARDING,
        /** Is named on a co-build unit's list; may also register online as a fallback. */
        CO_BUILD
    }

    final String id;
    final String name;
    final String household;
    final int home;
    final boolean beijing;
    final Way way;
    /** Born after the cut-off: every registration is refused. */
    final boolean tooYoung;

    /** The school the child's registration names now, or -1. */
    int school = -1;
    /** The district of that registration, or -1. */
    int district = -1;
    /** Bumped whenever the plan changes course: events scheduled before are dropped. */
    int generation;
    /** The verification of this registration has failed once already. */
    boolean failedOnce;

    Child(String id, String name, String household, int home, boolean beijing, Way way, boolean tooYoung) {
        this.id = id;
        this.name = name;
        this.household = household;
        this.home = home;
        this.beijing = beijing;
        this.way = way;
        this.tooYoung = tooYoung;
    }
}
