package io.wxbind.sms;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import io.wxbind.account.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Default {@link PhoneAccountResolver}: WxBind's own {@link UserAccount}s. Accounts created
 * before numbers were normalised may hold the bare 11-digit mainland form, so both are looked
 * up; a number that matches two accounts matches none (it proves nothing). A disabled account's
 * phone matches none either.
 */
@ApplicationScoped
// A transaction even for reads: Payara shares one non-transactional EntityManager between the beans
// of a request and closes it once per bean, so two such readers in one login failed the request.
@Transactional
public class JpaPhoneAccountResolver implements PhoneAccountResolver {

    private static final Logger LOG = Logger.getLogger(JpaPhoneAccountResolver.class.getName());

    @Inject
    @WxBindData
    EntityManager em;

    @Override
    public Optional<String> accountFor(String phone) {
        List<String> names = em.createQuery("select a.username from UserAccount a where a.phone in :phones and a.enabled = true", String.class)
                .setParameter("phones", PhoneNumbers.storedForms(phone)).setMaxResults(2).getResultList();
        if (names.size() > 1) {
            LOG.warning(() -> "phone " + PhoneNumbers.masked(phone) + " is on several accounts: SMS login refused for it");
            return Optional.empty();
        }
        return names.stream().findFirst();
    }
}
