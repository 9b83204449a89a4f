package io.wxbind.db;

import jakarta.ejb.Local;

/**
 * A timer of WxBind's (purgers, the access-token refresher): an EJB singleton whose timer is
 * created programmatically, only once the application has turned WxBind on, by
 * {@code io.wxbind.web.WxBindWebSetup} when the web module starts (EJBs cannot be called while
 * CDI starts, and the schema is migrated by then). No {@code @Schedule}, no {@code @Startup}: the
 * classes jar alone starts nothing. A local business view ({@code @Local}), so that CDI finds the
 * beans by this type; they keep their no-interface view too ({@code @LocalBean}).
 */
@Local
public interface ScheduledWork {

    /** Creates this bean's non-persistent timer. Called once per deployment. */
    void schedule();
}
