package io.accountoauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks how requested scopes are normalised and which permissions a granted scope covers. */
class ScopesTest {

    // RFC 6749 §3.3: when the scope is omitted the server uses a pre-defined default.
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   "})
    void whenScopeMissingOrBlankThenRead(String requested) {
        assertEquals(Optional.of("read"), Scopes.normalize(requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {"info balance", "balance info", "info", "balance", "read"})
    void whenKnownScopesThenKeptAsRequested(String requested) {
        assertEquals(Optional.of(requested), Scopes.normalize(requested));
    }

    @Test
    void whenScopeRepeatedThenNamedOnce() {
        assertEquals(Optional.of("info"), Scopes.normalize("info info"));
        assertEquals(Optional.of("info balance"), Scopes.normalize("info balance info"));
    }

    // RFC 6749 §3.3: scope-tokens are separated by a single space (%x20).
    @ParameterizedTest
    @ValueSource(strings = {"write", "read write", "info  balance", " info", "info ", "INFO", "info,balance"})
    void whenScopeUnknownOrMalformedThenEmpty(String requested) {
        assertEquals(Optional.empty(), Scopes.normalize(requested));
    }

    @Test
    void whenGrantedReadThenCoversInfoAndBalance() {
        assertTrue(Scopes.covers("read", "info"));
        assertTrue(Scopes.covers("read", "balance"));
    }

    @Test
    void whenGrantedInfoThenCoversInfoOnly() {
        assertTrue(Scopes.covers("info", "info"));
        assertFalse(Scopes.covers("info", "balance"));
    }

    @Test
    void whenGrantedBalanceThenCoversBalanceOnly() {
        assertTrue(Scopes.covers("balance", "balance"));
        assertFalse(Scopes.covers("balance", "info"));
    }

    @Test
    void whenGrantedReadThenPermissionsAreInfoAndBalance() {
        assertEquals(List.of("info", "balance"), Scopes.permissions("read"));
    }

    @Test
    void whenGrantedInfoThenPermissionsAreInfoOnly() {
        assertEquals(List.of("info"), Scopes.permissions("info"));
        assertEquals(List.of("info", "balance"), Scopes.permissions("balance info"));
    }
}
