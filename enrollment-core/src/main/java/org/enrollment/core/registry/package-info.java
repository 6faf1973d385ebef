/**
 * The registry (登记系统): the entry point a host calls. It judges each command (input, authority,
 * lifecycle, policies), writes what is accepted through the store, and records everything in the audit log.
 */
package org.enrollment.core.registry;
