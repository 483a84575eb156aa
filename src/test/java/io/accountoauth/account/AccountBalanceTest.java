package io.accountoauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that balances are written as the original sandbox wrote them, e.g. "10,187.91", in any locale. */
class AccountBalanceTest {

    @ParameterizedTest
    @CsvSource({
        "10187.91, '10,187.91'",
        "981719.23, '981,719.23'",
        "0, 0.00",
        "1234567.5, '1,234,567.50'",
        "999.99, 999.99",
        "-1000, '-1,000.00'",
    })
    void whenFormattedThenTwoDecimalsAndCommaGroupedThousands(String amount, String expected) {
        assertEquals(expected, AccountBalance.format(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10187.91", "981719.23", "0.00", "1234567.50"})
    void whenFormattedThenParsedBackToTheSameAmount(String amount) {
        BigDecimal value = new BigDecimal(amount);

        assertEquals(value, AccountBalance.parse(AccountBalance.format(value)));
    }

    @Test
    void whenSeedBalanceParsedThenExactAmount() {
        assertEquals(new BigDecimal("10187.91"), AccountBalance.parse("10,187.91"));
    }

    @Test
    void whenDefaultLocaleIsGermanThenFormatIsUnchanged() {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("1,234,567.50", AccountBalance.format(new BigDecimal("1234567.5")));
        } finally {
            Locale.setDefault(original);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
