package io.wxbind.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One WeChat openid (unique per appId) bound to a local account, named by its caller name so
 * that the account may live in a portal's own identity store.
 */
@Entity
@Table(name = "wxbind_wechat_openid")
@NamedQuery(name = WeChatOpenId.BY_APP_AND_OPENID,
        query = "select o from WeChatOpenId o where o.appId = :appId and o.openId = :openId")
@NamedQuery(name = WeChatOpenId.BY_ACCOUNT,
        query = "select o from WeChatOpenId o where o.accountName = :account order by o.boundAt")
public class WeChatOpenId {

    public static final String BY_APP_AND_OPENID = "WeChatOpenId.byAppAndOpenId";
    public static final String BY_ACCOUNT = "WeChatOpenId.byAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, length = 32)
    private String appId;

    @Column(name = "open_id", nullable = false, length = 64)
    private String openId;

    @Column(name = "account_name", nullable = false, length = 128)
    private String accountName;

    @Column(name = "union_id", length = 64)
    private String unionId;

    @Column(name = "nickname", length = 128)
    private String nickname;

    @Column(name = "avatar_url", length = 512)
    private String avatarUrl;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected WeChatOpenId() {
    }

    public Long id() {
        return id;
    }

    public String appId() {
        return appId;
    }

    public String openId() {
        return openId;
    }

    public String accountName() {
        return accountName;
    }

    public String unionId() {
        return unionId;
    }

    public String nickname() {
        return nickname;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    void attachUnionId(String known) {
        if (unionId == null) {
            unionId = known;
        }
    }

    void loggedInAt(Instant when, String knownUnionId) {
        lastLoginAt = when;
        if (unionId == null && knownUnionId != null) {
            unionId = knownUnionId;
        }
    }
}
