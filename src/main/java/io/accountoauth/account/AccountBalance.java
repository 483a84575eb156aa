package io.accountoauth.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of GET /account/balance: the balance as the original sandbox wrote it, e.g. "10,187.91". */
@Schema(name = "AccountBalance", description = "The account's balance.")
@JsonbPropertyOrder({"accountOwner", "accountBalance"})
public record AccountBalance(
        @Schema(name = "account_owner", example = "dave") @JsonbProperty("account_owner") String accountOwner,
        @Schema(name = "account_balance", example = "10,187.91",
                description = "Two decimals with comma-grouped thousands, as the original sandbox wrote it.")
        @JsonbProperty("account_balance") String accountBalance) {

    /** A format per thread (a DecimalFormat is not thread-safe, and building one costs more than the call). */
    private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    });

    static AccountBalance of(Account account) {
        return new AccountBalance(account.owner().username(), format(account.balance()));
    }

    /** Two decimals, comma-grouped thousands, whatever the server's locale. */
    static String format(BigDecimal amount) {
        return FORMAT.get().format(amount);
    }

    /** Reads an amount written as {@link #format} writes it. */
    public static BigDecimal parse(String formatted) {
        return new BigDecimal(formatted.replace(",", ""));
    }
}
