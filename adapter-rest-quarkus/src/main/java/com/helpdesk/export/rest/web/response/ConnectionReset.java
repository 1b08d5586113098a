package com.helpdesk.export.rest.web.response;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Resets an HTTP/1.x connection (TCP RST, not FIN): the one place that reaches below Vert.x's public API.
 *
 * <p>Vert.x 4.5's public {@link HttpConnection} offers only a graceful close, and {@code response.reset()} on
 * HTTP/1.x closes with a FIN too, which ends a close-delimited HTTP/1.0 body as if it were complete. Only the Netty
 * channel can send an RST (SO_LINGER 0, then close), and only Vert.x's {@code ConnectionBase} hands it out. If a
 * Vert.x upgrade moves that class, this file stops compiling, and {@code FaultToleranceTest} checks that an HTTP/1.0
 * transfer that failed still ends in a reset. The architecture tests keep every other class off Vert.x's
 * {@code impl} packages.
 */
public final class ConnectionReset {

    private ConnectionReset() {}

    /** Resets the connection if it can; false if it is not a connection this Vert.x can reset. */
    public static boolean reset(HttpConnection connection) {
        if (!(connection instanceof ConnectionBase base)) {
            return false;
        }
        Channel channel = base.channel();
        try {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException ignored) {
            // the socket may be gone already; closing it is all that is left to do
        }
        channel.close();
        return true;
    }
}
