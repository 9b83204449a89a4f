package io.wxbind.client;

/**
 * A caller's address as resolved behind the trusted proxies.
 *
 * @param address    the address itself (IPv4 dotted, IPv6 in its canonical long form), for the audit log
 * @param throttleKey what limits count by: the IPv4 address, or the /64 of an IPv6 address, since one
 *                   IPv6 client holds a whole /64 and would otherwise rotate through it
 */
public record ClientAddress(String address, String throttleKey) {

    /** For pages shown to a person ("1.2.3.x", "2001:db8:1:2::/64"): enough to recognise, not to pin down. */
    public String masked() {
        int dot = address.lastIndexOf('.');
        return address.indexOf(':') < 0 && dot > 0 ? address.substring(0, dot) + ".x" : throttleKey;
    }
}
