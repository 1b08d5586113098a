package com.helpdesk.export.rest.web.request;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Authorization: Bearer <key>} (scheme case-insensitive, RFC 7235). Anything else is no key. */
public final class BearerToken {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+) *");

    private BearerToken() {}

    public static Optional<String> from(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = BEARER.matcher(authorization);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
