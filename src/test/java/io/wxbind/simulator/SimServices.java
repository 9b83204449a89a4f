package io.wxbind.simulator;

import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.control.CallCounter;
import io.wxbind.simulator.control.Faults;
import io.wxbind.simulator.control.SmsInbox;
import io.wxbind.simulator.message.CustomMessages;
import io.wxbind.simulator.message.Inbox;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.miniprogram.ClientActions;
import io.wxbind.simulator.miniprogram.LoginLimits;
import io.wxbind.simulator.miniprogram.MiniProgramCodes;
import io.wxbind.simulator.miniprogram.SessionKeys;
import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.PendingAuthorizations;
import io.wxbind.simulator.oauth.QrConnectSessions;
import io.wxbind.simulator.oauth.WebTokens;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPhones;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.push.Interactions;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.push.PushSender;
import io.wxbind.simulator.push.PushTargets;
import io.wxbind.simulator.push.RetryPolicy;
import io.wxbind.simulator.qr.QrTickets;
import io.wxbind.simulator.token.ServerTokenGuard;
import io.wxbind.simulator.token.ServerTokens;
import io.wxbind.simulator.token.StableTokens;
import io.wxbind.simulator.token.TokenLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Wires the simulator's plain-Java state holders into CDI, one instance each (the simulator is a
 * single in-memory instance). The holders take their {@link SimClock} in the constructor, which
 * keeps them unit-testable without a container. The config is loaded at deployment, so a bad
 * file fails the deployment rather than the first request.
 */
@ApplicationScoped
public class SimServices {

    private static final Logger LOG = Logger.getLogger(SimServices.class.getName());

    @Produces
    @Singleton
    SimClock clock() {
        return new SimClock(Clock.systemUTC());
    }

    @Produces
    @Singleton
    SimConfig config() {
        SimConfig config = SimConfig.load();
        LOG.info(() -> "WeChat simulator config from " + config.source() + ": apps " + config.apps()
                + ", " + config.people().size() + " people");
        return config;
    }

    @Produces
    @Singleton
    SimPeople people(SimConfig config) {
        return new SimPeople(config.people());
    }

    @Produces
    @Singleton
    IdDerivation idDerivation(SimConfig config) {
        return new IdDerivation(config.idSecret());
    }

    @Produces
    @Singleton
    Subscriptions subscriptions() {
        return new Subscriptions();
    }

    @Produces
    @Singleton
    AuthCodes authCodes(SimClock clock) {
        return new AuthCodes(clock);
    }

    @Produces
    @Singleton
    PendingAuthorizations pendingAuthorizations(SimClock clock) {
        return new PendingAuthorizations(clock);
    }

    @Produces
    @Singleton
    QrConnectSessions qrConnectSessions(SimClock clock) {
        return new QrConnectSessions(clock);
    }

    @Produces
    @Singleton
    WebTokens webTokens(SimClock clock) {
        return new WebTokens(clock);
    }

    @Produces
    @Singleton
    SimApps apps(SimConfig config) {
        return new SimApps(config);
    }

    @Produces
    @Singleton
    TokenLog tokenLog() {
        return new TokenLog();
    }

    @Produces
    @Singleton
    ServerTokens serverTokens(SimClock clock, TokenLog tokenLog) {
        return new ServerTokens(clock, tokenLog);
    }

    @Produces
    @Singleton
    StableTokens stableTokens(SimClock clock, ServerTokens serverTokens, TokenLog tokenLog) {
        return new StableTokens(clock, serverTokens, tokenLog);
    }

    @Produces
    @Singleton
    ServerTokenGuard serverTokenGuard(ServerTokens serverTokens, SimApps apps) {
        return new ServerTokenGuard(serverTokens, apps);
    }

    @Produces
    @Singleton
    CallCounter callCounter() {
        return new CallCounter();
    }

    @Produces
    @Singleton
    Faults faults() {
        return new Faults();
    }

    @Produces
    @Singleton
    QrTickets qrTickets(SimClock clock) {
        return new QrTickets(clock);
    }

    @Produces
    @Singleton
    ServiceWindows serviceWindows(SimClock clock) {
        return new ServiceWindows(clock);
    }

    @Produces
    @Singleton
    Inbox inbox(SimClock clock) {
        return new Inbox(clock);
    }

    @Produces
    @Singleton
    CustomMessages customMessages(SimClock clock, SimPeople people, IdDerivation ids, Subscriptions subscriptions,
            ServiceWindows windows, Inbox inbox) {
        return new CustomMessages(clock, people, ids, subscriptions, windows, inbox);
    }

    @Produces
    @Singleton
    PushTargets pushTargets() {
        return new PushTargets();
    }

    @Produces
    @Singleton
    PushLog pushLog() {
        return new PushLog();
    }

    /**
     * The push {@code timestamp} follows the wall clock, not the simulator clock: the developer
     * server checks it against its own (unmoved) clock as replay protection. {@code CreateTime}
     * inside the message stays on simulator time (see {@link Interactions}).
     */
    @Produces
    @Singleton
    PushSender pushSender() {
        return new PushSender(Clock.systemUTC(), RetryPolicy.WECHAT);
    }

    @Produces
    @Singleton
    Interactions interactions(SimClock clock, SimApps apps, IdDerivation ids, Subscriptions subscriptions,
            ServiceWindows windows, Inbox inbox, PushTargets targets, PushSender sender, PushLog log) {
        return new Interactions(clock, apps, ids, subscriptions, windows, inbox, targets, sender, log);
    }

    @Produces
    @Singleton
    SmsInbox smsInbox(SimClock clock) {
        return new SmsInbox(clock);
    }

    @Produces
    @Singleton
    SimPhones phones() {
        return new SimPhones(SimDefaults.phones());
    }

    @Produces
    @Singleton
    MiniProgramCodes miniProgramCodes(SimClock clock) {
        return new MiniProgramCodes(clock);
    }

    @Produces
    @Singleton
    SessionKeys sessionKeys() {
        return new SessionKeys();
    }

    @Produces
    @Singleton
    LoginLimits loginLimits(SimClock clock) {
        return new LoginLimits(clock);
    }

    @Produces
    @Singleton
    ClientActions clientActions(SimClock clock, MiniProgramCodes miniProgramCodes, AuthCodes authCodes,
            SessionKeys sessionKeys, SimPhones phones) {
        return new ClientActions(clock, miniProgramCodes, authCodes, sessionKeys, phones);
    }

    /** Loads the config at deployment (a bad file fails it) and logs what the simulator serves. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, SimConfig config) {
        LOG.info(() -> "WeChat simulator ready with " + config.apps().size() + " apps");
    }
}
