package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses NO_PROXY = new ClientAddresses(List.of(), false);
    private static final ClientAddresses BEHIND_PROXY =
            new ClientAddresses(ClientAddresses.ranges("10.0.0.0/8, 192.168.1.7"), false);
    private static final ClientAddresses BEHIND_FORWARDED =
            new ClientAddresses(ClientAddresses.ranges("10.0.0.0/8"), true);

    private static String address(ClientAddresses addresses, String peer, String... header) {
        return addresses.of(peer, List.of(header)).getHostAddress();
    }

    @Test
    void whenNoProxyIsTrustedThenForwardingHeadersAreIgnored() {
        assertEquals("203.0.113.9", address(NO_PROXY, "203.0.113.9", "198.51.100.1"));
    }

    @Test
    void whenThePeerIsNotATrustedProxyThenItsHeaderIsIgnored() {
        assertEquals("203.0.113.9", address(BEHIND_PROXY, "203.0.113.9", "198.51.100.1"));
    }

    @Test
    void whenTheProxyIsTrustedThenTheRightMostUntrustedHopIsTheClient() {
        // The client wrote the first two hops itself; the proxies appended the last two.
        assertEquals("198.51.100.1",
                address(BEHIND_PROXY, "10.1.2.3", "1.1.1.1, 2.2.2.2", "198.51.100.1, 192.168.1.7"));
    }

    @Test
    void whenEveryHopIsTrustedThenTheLeftMostIsTheClient() {
        assertEquals("10.0.0.5", address(BEHIND_PROXY, "10.1.2.3", "10.0.0.5, 10.0.0.6"));
    }

    @Test
    void whenTheProxySentNoHeaderThenTheProxyIsTheClient() {
        assertEquals("10.1.2.3", address(BEHIND_PROXY, "10.1.2.3"));
    }

    @Test
    void whenAHopIsNotAnAddressThenTheWalkStopsAtTheProxyThatWroteIt() {
        assertEquals("10.0.0.6", address(BEHIND_PROXY, "10.1.2.3", "198.51.100.1, evil.example, 10.0.0.6"));
        assertEquals("10.1.2.3", address(BEHIND_PROXY, "10.1.2.3", "unknown"));
    }

    @Test
    void whenHopsCarryPortsThenThePortIsTakenOff() {
        assertEquals("198.51.100.1", address(BEHIND_PROXY, "10.1.2.3", "198.51.100.1:4711"));
        assertEquals("2001:db8:0:0:0:0:0:17", address(BEHIND_PROXY, "10.1.2.3", "[2001:db8::17]:4711"));
    }

    @Test
    void whenForwardedIsConfiguredThenItsForParametersAreRead() {
        assertEquals("2001:db8:cafe:0:0:0:0:17", address(BEHIND_FORWARDED, "10.0.0.1",
                "for=192.0.2.43;proto=https, for=\"[2001:db8:cafe::17]:4711\";by=10.0.0.2", "For=10.0.0.9"));
        assertEquals("192.0.2.60", address(BEHIND_FORWARDED, "10.0.0.1", "for=\"192.0.2.60:8080\";proto=http"));
    }

    @Test
    void whenAHopIsAHostNameThenItIsNeverLookedUp() {
        assertEquals("10.1.2.3", address(BEHIND_PROXY, "10.1.2.3", "localhost"));
    }

    @Test
    void whenIpv6ThenTheKeyIsItsSlash64() throws Exception {
        assertEquals("20010db8cafe0001::/64",
                ClientAddresses.key(InetAddress.getByName("2001:db8:cafe:1:aaaa:bbbb:cccc:dddd")));
        assertEquals("127.0.0.5", ClientAddresses.key(InetAddress.getByName("127.0.0.5")));
    }

    @Test
    void whenATrustedProxySettingIsNotAnAddressThenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.ranges("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.ranges("proxy.example"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.proxyHeaders("x-real-ip"));
    }
}
