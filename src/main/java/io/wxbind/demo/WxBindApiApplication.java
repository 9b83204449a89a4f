package io.wxbind.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo WAR's JAX-RS root; a host portal brings its own. */
@ApplicationPath("/api")
public class WxBindApiApplication extends Application {
}
