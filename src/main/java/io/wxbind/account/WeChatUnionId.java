package io.wxbind.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A unionid (one person across every app of an open-platform account) bound to a local account. */
@Entity
@Table(name = "wxbind_wechat_unionid")
public class WeChatUnionId {

    @Id
    @Column(name = "union_id", length = 64)
    private String unionId;

    @Column(name = "account_name", nullable = false, length = 128)
    private String accountName;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    protected WeChatUnionId() {
    }

    public String unionId() {
        return unionId;
    }

    public String accountName() {
        return accountName;
    }
}
