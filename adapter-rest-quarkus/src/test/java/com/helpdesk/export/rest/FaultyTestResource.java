package com.helpdesk.export.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only route that fails like a bug would, to see what a server fault answers. */
@Path("/test-only/fault")
public class FaultyTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("simulated bug with a secret detail: sk_live_DoNotLeakThis0123456789");
    }
}
