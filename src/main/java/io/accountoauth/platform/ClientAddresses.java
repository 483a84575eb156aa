package io.accountoauth.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, for the throttles and limits that count per address.
 *
 * <p>It is the connection's peer address, unless that peer is one of the configured trusted proxies
 * ({@code oauth.trusted-proxies}: addresses and CIDR ranges, none by default; see {@link Settings}). Only then is
 * the forwarding header the proxies write read ({@code oauth.proxy-headers}: {@code xforwarded} for {@code X-Forwarded-For}, the
 * default, or {@code forwarded} for RFC 7239's {@code Forwarded}), from its right-most hop leftwards: the first hop
 * that is not a trusted proxy is the client. Hops further left were written by whoever sent the request and are
 * never believed. A hop that is not an address ends the walk at the proxy that wrote it.
 *
 * <p>Counting is by {@link #key}: an IPv4 address, or the /64 network of an IPv6 address, since one IPv6
 * customer commonly holds a whole /64.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private List<Range> trustedProxies = List.of();
    private boolean forwarded;

    ClientAddresses() {
    }

    /** Trusting these proxies, reading {@code Forwarded} when {@code forwarded}, else {@code X-Forwarded-For}. */
    ClientAddresses(List<Range> trustedProxies, boolean forwarded) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.forwarded = forwarded;
    }

    @Inject
    void configure(Settings settings) {
        trustedProxies = settings.trustedProxies();
        forwarded = settings.forwardedHeader();
    }

    /** The client's address for this request. */
    public InetAddress of(HttpServletRequest request) {
        String header = forwarded ? "Forwarded" : "X-Forwarded-For";
        Enumeration<String> values = request.getHeaders(header);
        return of(request.getRemoteAddr(), values == null ? List.of() : Collections.list(values));
    }

    /** The client's address, given the connection's peer and the forwarding header's values in order. */
    InetAddress of(String peerAddress, List<String> headerValues) {
        InetAddress peer = parse(peerAddress)
                .orElseThrow(() -> new IllegalStateException("The connection's peer is not an address"));
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwarded ? forwardedFor(headerValues) : hops(headerValues);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = parse(hop(hops.get(i)));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
        }
        return client;
    }

    /** The key this request's address is counted under. */
    public String key(HttpServletRequest request) {
        return key(of(request));
    }

    /** An IPv4 address as it is written; an IPv6 address by its /64 network. */
    public static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** A comma-separated list of addresses and CIDR ranges; blank for none. */
    public static List<Range> ranges(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String item : setting.split(",")) {
            String text = item.strip();
            if (!text.isEmpty()) {
                ranges.add(Range.parse(text));
            }
        }
        return List.copyOf(ranges);
    }

    /** True for {@code forwarded}, false for {@code xforwarded}. */
    public static boolean proxyHeaders(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "forwarded" -> true;
            case "xforwarded" -> false;
            default -> throw new IllegalArgumentException("expected forwarded or xforwarded");
        };
    }

    /** The comma-separated items of every instance of a header, in order. */
    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String item : header.split(",")) {
                hops.add(item.strip());
            }
        }
        return hops;
    }

    /** The {@code for} parameter of each element of RFC 7239 {@code Forwarded} headers, in order. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String element : hops(headers)) {
            String node = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                    node = pair.substring(equals + 1).strip();
                }
            }
            hops.add(node);
        }
        return hops;
    }

    /** The address part of a hop: quotes, brackets and a port taken off. */
    private static String hop(String text) {
        String node = text.strip();
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
            node = node.substring(1, node.length() - 1);
        }
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? "" : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && colon == node.lastIndexOf(':')) {
            return node.substring(0, colon);
        }
        return node;
    }

    /** An address literal, never a name: nothing here may cause a DNS lookup. */
    static Optional<InetAddress> parse(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text.contains(":") ? "[" + text + "]" : text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address, or a network in CIDR notation. */
    public record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = ClientAddresses.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + text));
            int bits = parsed.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range in " + text);
            }
            return new Range(parsed.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
