package io.wxbind.it.support;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.wxbind.launch.WxBindStack;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava (an unmodified WeChat SDK) exactly as in production, except that its WeChat hosts are the
 * stack's simulator: the compatibility ITs check the simulator against a real client with these.
 */
public final class WxJavaClients {

    private WxJavaClients() {
    }

    /** The official-account SDK (also the OAuth2 client of website and mobile apps); {@code stableToken}: cgi-bin/stable_token. */
    public static WxMpService mp(WxBindStack stack, String appId, String secret, boolean stableToken) {
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(stack.simulatorApiUrl());
        hosts.setOpenHost(stack.simulatorOpenUrl());
        hosts.setMpHost(stack.simulatorMpUrl());
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(appId);
        config.setSecret(secret);
        config.setHostConfig(hosts);
        config.useStableAccessToken(stableToken);
        WxMpService service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        return service;
    }

    /** The mini-program SDK, with the classic server token (a 7200 s stable token would outlive SimulatorProtocolIT's short windows). */
    public static WxMaService miniProgram(WxBindStack stack, String appId, String secret) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appId);
        config.setSecret(secret);
        config.setApiHostUrl(stack.simulatorApiUrl());
        config.useStableAccessToken(false);
        WxMaService service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }
}
