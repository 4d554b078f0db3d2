package dev.sluice.connector.internal;

import dev.sluice.connector.internal.ProxyHeaderException.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the PROXY protocol header (haproxy's proxy-protocol.txt) that a balancer sends before the first byte of
 * HTTP: version 1, one text line such as {@code PROXY TCP4 192.0.2.1 10.0.0.1 56324 8080\r\n}, or version 2, a
 * 12-byte signature, a 4-byte fixed part and an address block followed by TLVs, of which only PP2_TYPE_SSL's
 * client flags are read (whether the client used TLS; the rest is skipped). Pure and resumable: bytes are fed as
 * they arrive, split anywhere. One parser per connection; not thread-safe.
 *
 * <pre>
 *  SIGNATURE ──"PROXY "──► V1_LINE ──CRLF──────────────────────────────────────────► done
 *      │                                                                           ▲
 *      └──\r\n\r\n\0\r\nQUIT\n──► V2_FIXED ──16 bytes──► V2_ADDRESSES ──► V2_TLVS ──┘
 *  anything else, a v1 line over 107 bytes or malformed, a bad v2 version, command, family or TLV length:
 *  ProxyHeaderException
 * </pre>
 */
final class ProxyHeaderParser {
    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** The longest v1 line, CRLF included (section 2.1). */
    private static final int V1_MAX = 107;

    private enum State { SIGNATURE, V1_LINE, V2_FIXED, V2_ADDRESSES, V2_TLVS, DONE }

    /** PP2_TYPE_SSL and its PP2_CLIENT_SSL flag (section 2.2.5). */
    private static final int TYPE_SSL = 0x20;
    private static final int CLIENT_SSL = 0x01;

    /** Holds the v1 line, or the v2 fixed part and then its address block. */
    private final byte[] held = new byte[V1_MAX];
    private int filled;
    private State state = State.SIGNATURE;
    /** v2: address block bytes to keep (12 for IPv4, 36 for IPv6, 0 otherwise) and TLV bytes after them. */
    private int keep;
    private int skip;
    /** v2 TLVs: bytes of the current TLV's 3-byte head read so far, its type, its value bytes still to come. */
    private int tlvHead;
    private int tlvType;
    private int tlvLeft;
    /** The current TLV's value length, to tell its first value byte. */
    private int valueLength;
    private boolean ssl;
    private boolean local;
    private int family;

    /**
     * Consumes header bytes from {@code in}, never more: what follows the header stays in the buffer for HTTP.
     *
     * @return the header once complete, null while more bytes are needed
     * @throws ProxyHeaderException when the bytes are not a valid header
     */
    ProxyHeader parse(ByteBuffer in) throws ProxyHeaderException {
        while (in.hasRemaining()) {
            switch (state) {
                case SIGNATURE -> signature(in.get());
                case V1_LINE -> {
                    ProxyHeader h = v1(in.get());
                    if (h != null) {
                        return h;
                    }
                }
                case V2_FIXED -> v2Fixed(in.get());
                case V2_ADDRESSES -> {
                    held[filled++] = in.get();
                    if (filled == keep) {
                        state = State.V2_TLVS;
                    }
                }
                case V2_TLVS -> tlvs(in);
                case DONE -> throw new IllegalStateException("The header was already read");
            }
            if (state == State.V2_TLVS && skip == 0) {
                return v2Done();
            }
        }
        return null;
    }

    /** Whether any byte of a header has been consumed (a connection that sent nothing may close silently). */
    boolean hasStarted() {
        return state != State.SIGNATURE || filled > 0;
    }

    private void signature(byte b) throws ProxyHeaderException {
        byte[] expected = filled > 0 && held[0] == V2_SIGNATURE[0] || filled == 0 && b == V2_SIGNATURE[0]
                ? V2_SIGNATURE : V1_PREFIX;
        if (b != expected[filled]) {
            throw new ProxyHeaderException(Reason.NOT_A_PROXY_HEADER);
        }
        held[filled++] = b;
        if (filled == expected.length) {
            state = expected == V1_PREFIX ? State.V1_LINE : State.V2_FIXED;
        }
    }

    private ProxyHeader v1(byte b) throws ProxyHeaderException {
        if (filled == V1_MAX) {
            throw new ProxyHeaderException(Reason.V1_TOO_LONG);
        }
        held[filled++] = b;
        if (b != '\n') {
            return null;
        }
        if (held[filled - 2] != '\r') {
            throw new ProxyHeaderException(Reason.V1_MALFORMED);
        }
        state = State.DONE;
        return v1Line(new String(held, 0, filled - 2, StandardCharsets.US_ASCII));
    }

    /** {@code PROXY TCP4|TCP6 src dst sport dport}, single spaces, or {@code PROXY UNKNOWN ...} (section 2.1). */
    private static ProxyHeader v1Line(String line) throws ProxyHeaderException {
        String[] f = line.split(" ", -1);
        if (f.length >= 2 && f[1].equals("UNKNOWN")) {
            return new ProxyHeader(1, null, null);
        }
        if (f.length != 6 || !(f[1].equals("TCP4") || f[1].equals("TCP6"))) {
            throw new ProxyHeaderException(Reason.V1_MALFORMED);
        }
        boolean v6 = f[1].equals("TCP6");
        return new ProxyHeader(1, new InetSocketAddress(v1Address(f[2], v6), v1Port(f[4])),
                new InetSocketAddress(v1Address(f[3], v6), v1Port(f[5])));
    }

    private static InetAddress v1Address(String s, boolean v6) throws ProxyHeaderException {
        boolean ok = !s.isEmpty() && (v6 ? s.indexOf(':') >= 0 && s.chars().allMatch(
                c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                : s.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}"));
        if (ok) {
            try {
                return InetAddress.getByName(s); // a checked literal: parsed, never looked up
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new ProxyHeaderException(Reason.V1_MALFORMED);
    }

    /** 0 to 65535 in decimal, no leading zero (section 2.1). */
    private static int v1Port(String s) throws ProxyHeaderException {
        if (!s.matches("0|[1-9]\\d{0,4}") || Integer.parseInt(s) > 65535) {
            throw new ProxyHeaderException(Reason.V1_MALFORMED);
        }
        return Integer.parseInt(s);
    }

    /** Bytes 13 to 16: version and command, family and protocol, address block length (section 2.2). */
    private void v2Fixed(byte b) throws ProxyHeaderException {
        held[filled++] = b;
        if (filled < 16) {
            return;
        }
        int versionCommand = held[12] & 0xFF;
        if (versionCommand >> 4 != 2) {
            throw new ProxyHeaderException(Reason.V2_VERSION);
        }
        int command = versionCommand & 0x0F;
        if (command > 1) {
            throw new ProxyHeaderException(Reason.V2_COMMAND);
        }
        local = command == 0; // the proxy's own connection (a health check): the real peer stands
        family = held[13] & 0xFF;
        int length = ((held[14] & 0xFF) << 8) | (held[15] & 0xFF);
        int addressFamily = family >> 4;
        int protocol = family & 0x0F;
        if (!local && (addressFamily > 3 || protocol > 2 || protocol == 2)) {
            throw new ProxyHeaderException(Reason.V2_FAMILY); // datagrams do not carry HTTP/1.1 here
        }
        keep = local ? 0 : addressFamily == 1 ? 12 : addressFamily == 2 ? 36 : 0;
        if (length < keep) {
            throw new ProxyHeaderException(Reason.V2_SHORT_ADDRESSES);
        }
        skip = length - keep;
        filled = 0;
        state = keep > 0 ? State.V2_ADDRESSES : State.V2_TLVS;
    }

    /**
     * TLVs (section 2.2): a type byte, a 2-byte length, the value. Values are skipped in bulk, except the first byte
     * of PP2_TYPE_SSL's, its client flags. A TLV running past the address block is refused.
     */
    private void tlvs(ByteBuffer in) throws ProxyHeaderException {
        if (keep == 0) { // LOCAL, AF_UNSPEC, AF_UNIX: the block holds no addresses to read, and no TLVs are read
            int n = Math.min(skip, in.remaining());
            in.position(in.position() + n);
            skip -= n;
            return;
        }
        if (tlvLeft > 0) {
            if (tlvType == TYPE_SSL && tlvFirstValueByte()) {
                ssl = (in.get() & CLIENT_SSL) != 0;
                tlvLeft--;
                skip--;
                return;
            }
            int n = Math.min(tlvLeft, in.remaining());
            in.position(in.position() + n);
            tlvLeft -= n;
            skip -= n;
            return;
        }
        int b = in.get() & 0xFF;
        skip--;
        switch (tlvHead++) {
            case 0 -> tlvType = b;
            case 1 -> tlvLeft = b << 8;
            default -> {
                tlvLeft |= b;
                tlvHead = 0;
                valueLength = tlvLeft;
                if (tlvLeft > skip) {
                    throw new ProxyHeaderException(Reason.V2_TLV);
                }
            }
        }
        if (tlvHead > 0 && skip == 0) {
            throw new ProxyHeaderException(Reason.V2_TLV); // the block ends inside a TLV's head
        }
    }

    private boolean tlvFirstValueByte() {
        return tlvLeft == valueLength;
    }

    private ProxyHeader v2Done() throws ProxyHeaderException {
        state = State.DONE;
        if (keep == 0) {
            return new ProxyHeader(2, null, null, false);
        }
        int size = keep == 12 ? 4 : 16;
        byte[] src = java.util.Arrays.copyOfRange(held, 0, size);
        byte[] dst = java.util.Arrays.copyOfRange(held, size, 2 * size);
        int ports = 2 * size;
        int srcPort = ((held[ports] & 0xFF) << 8) | (held[ports + 1] & 0xFF);
        int dstPort = ((held[ports + 2] & 0xFF) << 8) | (held[ports + 3] & 0xFF);
        try {
            return new ProxyHeader(2, new InetSocketAddress(InetAddress.getByAddress(src), srcPort),
                    new InetSocketAddress(InetAddress.getByAddress(dst), dstPort), ssl);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }
}
