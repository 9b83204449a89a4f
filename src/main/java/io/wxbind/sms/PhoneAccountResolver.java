package io.wxbind.sms;

import java.util.Optional;

/**
 * Which local account a phone number belongs to, as the caller name the container logs in.
 * The default ({@link JpaPhoneAccountResolver}) reads {@code UserAccount.phone}; a portal whose
 * users live elsewhere provides an {@code @Alternative @Priority} bean.
 */
public interface PhoneAccountResolver {

    /**
     * @param phone normalised by {@link PhoneNumbers}, e.g. {@code +8613800000001}
     * @return the caller name, or empty when no account (or more than one) has this phone
     */
    Optional<String> accountFor(String phone);
}
