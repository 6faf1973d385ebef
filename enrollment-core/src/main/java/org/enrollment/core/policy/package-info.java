/**
 * The policy port: the facts the registry gives the rules about a command, and the verdict it gets back.
 * The core never sees a rule engine; rules never see the registry.
 */
package org.enrollment.core.policy;
