package io.wxbind.portal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The portal's own JAX-RS application; WxBind's resources join it by scanning (under /rest). */
@ApplicationPath("/rest")
public class PortalApplication extends Application {
}
