package io.ledger.app.cluster;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's address for its peers, {@code host:port}: a name or IPv4 address, or an IPv6 address in brackets
 * ({@code [::1]:7800}), and a port from 1 to 65535. Host names compare without regard to case.
 */
record HostAndPort(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):([0-9]{1,5})");

    static Optional<HostAndPort> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(text.trim());
        if (!form.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(form.group(2));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        String host = form.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(new HostAndPort(host.toLowerCase(Locale.ROOT), port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
