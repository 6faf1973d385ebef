/**
 * Where registrations live: the {@link org.enrollment.core.store.RegistrationStore} SPI, the change sets
 * written through it, and the in-memory default. The store, not the rules, has the last word on
 * uniqueness, versions and plans. {@link org.enrollment.core.store.StoreCheck} compares a store with the
 * replay of its audit log, naming every registration that differs.
 */
package org.enrollment.core.store;
