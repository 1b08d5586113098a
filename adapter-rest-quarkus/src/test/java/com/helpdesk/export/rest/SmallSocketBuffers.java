package com.helpdesk.export.rest;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In tests the server's socket send buffer is small (instead of the kernel's auto-tuned megabytes), so that an
 * export that does not fit in it must really stream under back-pressure: a server that buffered whole exports
 * would show it, and a test can hold a stream half-way.
 */
@ApplicationScoped
public class SmallSocketBuffers implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(32 * 1024);
    }
}
