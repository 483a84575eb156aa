package io.accountoauth.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters a client_name may hold: text in any script, but nothing that controls how text is shown. */
class ClientNameTest {

    @ParameterizedTest
    @ValueSource(ints = {
            0x0000, 0x0009, 0x000A, 0x000D, 0x001B, 0x007F, 0x0085, 0x009B,    // Cc
            0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, // Cf: soft hyphen, zero-width, marks
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, // Cf: bidi embeddings and isolates
            0xE0041,                                                           // Cf: tag character
            0x2028, 0x2029,                                                    // Zl, Zp
            0xD800, 0xDBFF, 0xDC00, 0xDFFF})                                   // Cs, unpaired
    void whenACodePointControlsHowTextIsShownThenItIsNotText(int codePoint) {
        assertTrue(ClientRegistration.isNotText(codePoint), Integer.toHexString(codePoint));
    }

    @ParameterizedTest
    @ValueSource(ints = {'A', ' ', 0x00A0, 0x00E9, 0x05D0, 0x0627, 0x4E2D, 0x1F4B0, 0x0301, 0x3000})
    void whenACodePointIsTextInAnyScriptThenItIsText(int codePoint) {
        assertFalse(ClientRegistration.isNotText(codePoint), Integer.toHexString(codePoint));
    }
}
