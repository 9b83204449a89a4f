package io.wxbind.miniprogram;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import io.wxbind.sms.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records a phone number WeChat vouched for on the caller's account ({@code wxbind_user_account.phone},
 * unique): a number is never taken from another account, since it is also what an SMS bind proves.
 * Held in E.164; an older bare 11-digit form counts as the same number.
 */
@ApplicationScoped
@Transactional
public class AccountPhones {

    /** What became of the number. */
    public enum Outcome {
        /** Now on the caller's account (it had none, or another one, which it replaces). */
        RECORDED,
        /** It was on the caller's account already. */
        ALREADY_YOURS,
        /** Another account has it: nothing changed. */
        OTHER_ACCOUNT,
        /** The caller's account is not kept by WxBind (a portal's own directory): nothing stored. */
        NO_LOCAL_ACCOUNT
    }

    @Inject
    @WxBindData
    EntityManager em;

    /**
     * @param e164 normalised, e.g. {@code +8613800138000}
     * @throws jakarta.persistence.PersistenceException when another account took the number at the same moment (unique column)
     */
    public Outcome record(String caller, String e164) {
        List<String> owners = ownersOf(e164);
        if (owners.contains(caller)) {
            return Outcome.ALREADY_YOURS;
        }
        if (!owners.isEmpty()) {
            return Outcome.OTHER_ACCOUNT;
        }
        int updated = em.createQuery("update UserAccount a set a.phone = :phone where a.username = :username")
                .setParameter("phone", e164).setParameter("username", caller).executeUpdate();
        return updated == 0 ? Outcome.NO_LOCAL_ACCOUNT : Outcome.RECORDED;
    }

    /** After a race lost on the unique column: whose the number is now. */
    public Outcome ownerAfterConflict(String caller, String e164) {
        List<String> owners = ownersOf(e164);
        return owners.contains(caller) ? Outcome.ALREADY_YOURS : Outcome.OTHER_ACCOUNT;
    }

    private List<String> ownersOf(String e164) {
        return em.createQuery("select a.username from UserAccount a where a.phone in :phones", String.class)
                .setParameter("phones", PhoneNumbers.storedForms(e164)).getResultList();
    }
}
