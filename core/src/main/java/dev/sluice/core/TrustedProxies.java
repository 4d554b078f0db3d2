package dev.sluice.core;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peers whose Forwarded and X-Forwarded-* fields are believed: a list of CIDR blocks, IPv4 and IPv6
 * ({@code 10.0.0.0/8, 192.168.1.7, ::1, fd00::/8}). A bare address is a block of one. Immutable and
 * thread-safe. An IPv4-mapped IPv6 peer ({@code ::ffff:10.1.2.3}) is matched as the IPv4 address it maps.
 */
public final class TrustedProxies {
    /** Nobody is trusted: forwarded fields are ignored (the default). */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "none");

    private final List<Block> blocks;
    private final String text;

    private TrustedProxies(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * Parses a comma-separated list of {@code address[/prefix]}; empty or {@code none} is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the entry that is not a numeric address or has a bad prefix
     */
    public static TrustedProxies parse(String list) {
        String trimmed = list == null ? "" : list.trim();
        if (trimmed.isEmpty() || trimmed.toLowerCase(Locale.ROOT).equals("none")) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : trimmed.split(",", -1)) {
            blocks.add(Block.parse(entry.trim()));
        }
        return new TrustedProxies(List.copyOf(blocks), String.join(",", blocks.stream().map(Block::toString)
                .toList()));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} lies in one of the blocks; false for null. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The list as it would be written in the settings. */
    @Override
    public String toString() {
        return text;
    }

    private record Block(byte[] network, int prefix) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
            InetAddress parsed = IpLiteral.parse(address);
            if (parsed == null) {
                throw new IllegalArgumentException("Invalid trusted proxy '" + entry
                        + "' (an IPv4 or IPv6 address with an optional /prefix)");
            }
            byte[] bytes = parsed.getAddress();
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = entry.substring(slash + 1);
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(p) > bits) {
                    throw new IllegalArgumentException("Invalid prefix in trusted proxy '" + entry
                            + "' (0 to " + bits + ")");
                }
                prefix = Integer.parseInt(p);
            }
            return new Block(mask(bytes, prefix), prefix);
        }

        boolean contains(byte[] address) {
            return address.length == network.length && java.util.Arrays.equals(mask(address, prefix), network);
        }

        private static byte[] mask(byte[] address, int prefix) {
            byte[] out = address.clone();
            for (int i = 0; i < out.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                out[i] &= (byte) (0xFF << (8 - keep));
            }
            return out;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
