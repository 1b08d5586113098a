package com.helpdesk.export.rest.web.request;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;

/** Request ids: {@code req_} and 24 random characters, made once per request by the first route handler. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "export.requestId";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private RequestIds() {}

    static String newId() {
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "req_" + new String(id);
    }

    /** The id of the request, made now if no handler has made it yet. */
    public static String of(RoutingContext context) {
        String id = context.get(KEY);
        if (id == null) {
            id = newId();
            context.put(KEY, id);
            if (!context.response().headWritten()) {
                context.response().putHeader(HEADER, id);
            }
        }
        return id;
    }
}
