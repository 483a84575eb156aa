package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks which strings may be looked up as keys: none with control characters, none over 64 characters. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"dave", "7b6fc8ed5127b0b2f076d", "other-app", "ÄÖ ü"})
    void whenPrintableAndShortThenPlausible(String id) {
        assertTrue(Identifiers.plausible(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"da\u0000ve", "dave\r\n", "\tdave", "dave\u007f",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void whenControlCharactersOrTooLongThenNot(String id) {
        assertFalse(Identifiers.plausible(id));
    }
}
