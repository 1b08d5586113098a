package com.helpdesk.export.persistence.jdbc.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a client address is counted under: an IPv6 address by its /64 prefix, an IPv4 address (also one mapped
 * into IPv6) as it is. Only literal addresses are parsed (never a host name, so no DNS lookup happens); anything
 * else is kept as given.
 */
final class ClientNetwork {

    private ClientNetwork() {}

    static String of(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.indexOf(':') < 0 || !isIpv6Literal(literal)) {
            return address;
        }
        InetAddress parsed;
        try {
            // a string of hex digits, colons and dots is parsed as a literal, never looked up
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress(); // IPv4-mapped
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder network = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                network.append(':');
            }
            network.append(Integer.toHexString((bytes[2 * group] & 0xFF) << 8 | (bytes[2 * group + 1] & 0xFF)));
        }
        return network.append("::/64").toString();
    }

    private static boolean isIpv6Literal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return text.length() <= 45;
    }
}
