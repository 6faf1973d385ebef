/**
 * Logging of the library's dependencies (依赖库的日志), routed to SLF4J: JBoss Logging (Hibernate Validator's)
 * through {@link org.enrollment.rules.logging.QuietBannerLoggerProvider}, Apache POI's Log4j API through
 * {@code log4j-to-slf4j}. Nothing here binds SLF4J to a backend; the host chooses one.
 */
package org.enrollment.rules.logging;
