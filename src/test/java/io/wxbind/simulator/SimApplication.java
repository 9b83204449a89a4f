package io.wxbind.simulator;

import io.wxbind.simulator.control.CallCountingFilter;
import io.wxbind.simulator.control.ControlCallsResource;
import io.wxbind.simulator.control.ControlClientResource;
import io.wxbind.simulator.control.ControlQrConnectResource;
import io.wxbind.simulator.control.ControlFaultsResource;
import io.wxbind.simulator.control.ControlInteractionsResource;
import io.wxbind.simulator.control.ControlLoginLimitsResource;
import io.wxbind.simulator.control.ControlMessagesResource;
import io.wxbind.simulator.control.ControlPeopleResource;
import io.wxbind.simulator.control.ControlPushLogResource;
import io.wxbind.simulator.control.ControlPushSettingsResource;
import io.wxbind.simulator.control.ControlResource;
import io.wxbind.simulator.control.ControlSmsResource;
import io.wxbind.simulator.control.ControlTokenSettingsResource;
import io.wxbind.simulator.control.ControlTokensResource;
import io.wxbind.simulator.control.FaultInjectionFilter;
import io.wxbind.simulator.message.CustomSendResource;
import io.wxbind.simulator.miniprogram.CheckSessionResource;
import io.wxbind.simulator.miniprogram.JsCode2SessionResource;
import io.wxbind.simulator.miniprogram.PhoneNumberResource;
import io.wxbind.simulator.mp.MpResource;
import io.wxbind.simulator.oauth.OAuthAuthorizeResource;
import io.wxbind.simulator.oauth.QrConnectConfirmResource;
import io.wxbind.simulator.oauth.QrConnectResource;
import io.wxbind.simulator.oauth.SnsResource;
import io.wxbind.simulator.qr.QrCodeResource;
import io.wxbind.simulator.token.ApiDomainIpResource;
import io.wxbind.simulator.token.CgiBinResource;
import io.wxbind.simulator.token.UserInfoResource;
import io.wxbind.simulator.web.AvatarResource;
import io.wxbind.simulator.web.ChooserResource;
import io.wxbind.simulator.web.MiniAppsResource;
import io.wxbind.simulator.web.PhoneResource;
import io.wxbind.simulator.web.SimExceptionMapper;
import io.wxbind.simulator.web.StaticResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The simulator's JAX-RS application at the root of its WAR ({@code /wechat-sim}). Classes are
 * listed explicitly so the runtime does not scan WEB-INF/classes, which also holds the unit tests.
 * Host prefixes: {@code /open} (open.weixin.qq.com), {@code /api} (api.weixin.qq.com),
 * {@code /mp} (mp.weixin.qq.com), {@code /control} (test control API).
 */
@ApplicationPath("/")
public class SimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                OAuthAuthorizeResource.class, QrConnectResource.class, QrConnectConfirmResource.class, SnsResource.class, CgiBinResource.class,
                UserInfoResource.class, ApiDomainIpResource.class, QrCodeResource.class, CustomSendResource.class,
                MpResource.class, JsCode2SessionResource.class, CheckSessionResource.class, PhoneNumberResource.class,
                ControlResource.class, ControlPeopleResource.class, ControlCallsResource.class,
                ControlFaultsResource.class, ControlTokenSettingsResource.class, ControlTokensResource.class,
                ControlInteractionsResource.class, ControlPushLogResource.class, ControlPushSettingsResource.class,
                ControlMessagesResource.class, ControlSmsResource.class, ControlClientResource.class,
                ControlLoginLimitsResource.class, ControlQrConnectResource.class,
                ChooserResource.class, PhoneResource.class, MiniAppsResource.class, StaticResource.class, AvatarResource.class,
                CallCountingFilter.class, FaultInjectionFilter.class, SimExceptionMapper.class);
    }
}
