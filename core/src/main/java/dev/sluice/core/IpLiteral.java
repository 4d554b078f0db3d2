package dev.sluice.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Numeric IP addresses from text, never by a DNS lookup: a forwarded header or a setting naming a host must not
 * make the server resolve names.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** Dotted-quad IPv4 or (unbracketed) IPv6 text as an address, or null when it is neither. */
    static InetAddress parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    return null; // also refuses zone ids (%eth0), which name an interface of the sender
                }
            }
            return byLiteral(s);
        }
        return isIpv4(s) ? byLiteral(s) : null;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress byLiteral(String s) {
        try {
            return InetAddress.getByName(s); // a literal (checked above): parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
