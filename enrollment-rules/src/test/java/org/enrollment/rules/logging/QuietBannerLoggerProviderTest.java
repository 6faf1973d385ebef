package org.enrollment.rules.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.junit.jupiter.api.Test;

/** Under slf4j-simple's default level (INFO), Hibernate Validator's version banner is not logged; the rest is. */
class QuietBannerLoggerProviderTest {

    private static final String BANNER = "org.hibernate.validator.internal.util.Version";

    @Test
    void jbossLoggingFindsTheProviderThroughTheServiceFile() {
        assertThat(ServiceLoader.load(LoggerProvider.class)).hasAtLeastOneElementOfType(QuietBannerLoggerProvider.class);
        assertThat(QuietBannerLoggerProvider.BANNERS).contains(BANNER);
    }

    @Test
    void theVersionBannerIsDebugWhileOtherLoggersKeepTheirInfoAndEveryLoggerItsWarnings() {
        Logger banner = Logger.getLogger(BANNER);
        Logger other = Logger.getLogger("org.hibernate.validator.internal.engine.ValidatorFactoryImpl");

        assertThat(banner.isInfoEnabled()).isFalse();
        assertThat(banner.isEnabled(Logger.Level.WARN)).isTrue();
        assertThat(other.isInfoEnabled()).isTrue();
        assertThat(other.getClass()).isNotEqualTo(banner.getClass());
    }
}
