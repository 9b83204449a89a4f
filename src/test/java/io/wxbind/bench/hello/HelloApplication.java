package io.wxbind.bench.hello;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS root at {@code /api}, as in the app, so both WARs boot the same JAX-RS runtime. */
@ApplicationPath("/api")
public class HelloApplication extends Application {
}
