package io.wxbind.qr;

import io.wxbind.account.AccountBindingService;
import io.wxbind.wechat.FollowerUnionIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;

/**
 * A push carries only the openid (§9); {@code cgi-bin/user/info} ({@link FollowerUnionIds}, shared
 * with the web login) adds the unionid when the account belongs to an open platform. Best effort:
 * a binding made in a push does not wait on it.
 */
@ApplicationScoped
public class UnionIdLookup {

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AccountBindingService bindings;

    /**
     * After a binding made inside a push: once that transaction has committed, looks the unionid
     * up off the push thread (the push must be answered within 5 s whatever user/info does).
     */
    public void attachLater(String appId, String openId) {
        Runnable task = () -> executor.execute(() -> of(appId, openId).ifPresent(u -> bindings.attachUnionId(appId, openId, u)));
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            task.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }

    @Inject
    FollowerUnionIds followers;

    /** The scanner's unionid by {@code cgi-bin/user/info} (a scanner follows, or has just followed, the account). */
    public Optional<String> of(String appId, String openId) {
        return followers.of(appId, openId);
    }
}
