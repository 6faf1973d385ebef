package org.enrollment.examples;

import java.util.regex.Pattern;

/**
 * A JDBC URL as messages may show it: without its password, in any of the forms the PostgreSQL and H2 drivers
 * take ({@code password=…} as a query or semicolon parameter, {@code user:password@} before the host).
 */
final class JdbcUrls {

    private static final Pattern PARAMETER = Pattern.compile("(?i)((?:^|[?&;])(?:password|sslpassword|sslkey|cipher)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?;]*?:)[^/@?;]*@");

    private JdbcUrls() {
    }

    /** The URL with every password replaced by {@code ***}. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "null";
        }
        String shown = PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(shown).replaceAll("$1***@");
    }
}
