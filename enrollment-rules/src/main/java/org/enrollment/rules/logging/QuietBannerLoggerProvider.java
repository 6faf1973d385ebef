package org.enrollment.rules.logging;

import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;

/**
 * JBoss Logging to SLF4J, as JBoss Logging itself routes it, except that a dependency's start-up banner (启动横幅)
 * is logged at DEBUG rather than INFO: Hibernate Validator announces its version at INFO when the registry makes
 * its validator, which a host whose SLF4J backend logs INFO would see on every start. Found by JBoss Logging
 * through {@code META-INF/services/org.jboss.logging.LoggerProvider}; {@code -Dorg.jboss.logging.provider}
 * still overrides it.
 */
public final class QuietBannerLoggerProvider implements LoggerProvider {

    /** The loggers whose INFO is only a banner. */
    static final Set<String> BANNERS = Set.of("org.hibernate.validator.internal.util.Version");

    private final LoggerProvider slf4j = new Slf4jLoggerProvider();

    @Override
    public Logger getLogger(String name) {
        Logger logger = slf4j.getLogger(name);
        return BANNERS.contains(name) ? new BannerLogger(name, logger) : logger;
    }

    @Override
    public void clearMdc() {
        slf4j.clearMdc();
    }

    @Override
    public Object putMdc(String key, Object value) {
        return slf4j.putMdc(key, value);
    }

    @Override
    public Object getMdc(String key) {
        return slf4j.getMdc(key);
    }

    @Override
    public void removeMdc(String key) {
        slf4j.removeMdc(key);
    }

    @Override
    public Map<String, Object> getMdcMap() {
        return slf4j.getMdcMap();
    }

    @Override
    public void clearNdc() {
        slf4j.clearNdc();
    }

    @Override
    public String getNdc() {
        return slf4j.getNdc();
    }

    @Override
    public int getNdcDepth() {
        return slf4j.getNdcDepth();
    }

    @Override
    public String popNdc() {
        return slf4j.popNdc();
    }

    @Override
    public String peekNdc() {
        return slf4j.peekNdc();
    }

    @Override
    public void pushNdc(String message) {
        slf4j.pushNdc(message);
    }

    @Override
    public void setNdcMaxDepth(int maxDepth) {
        slf4j.setNdcMaxDepth(maxDepth);
    }

    /** A logger whose INFO goes to DEBUG; every other level as it is. */
    private static final class BannerLogger extends Logger {

        private static final long serialVersionUID = 1L;

        private final transient Logger delegate;

        BannerLogger(String name, Logger delegate) {
            super(name);
            this.delegate = delegate;
        }

        private static Level quieter(Level level) {
            return level == Level.INFO ? Level.DEBUG : level;
        }

        @Override
        public boolean isEnabled(Level level) {
            return delegate.isEnabled(quieter(level));
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
            delegate.log(loggerClassName, quieter(level), message, parameters, thrown);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
            delegate.logf(loggerClassName, quieter(level), thrown, format, parameters);
        }
    }
}
