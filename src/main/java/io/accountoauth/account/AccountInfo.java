package io.accountoauth.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of GET /account/info, field for field as the original sandbox answered. */
@Schema(name = "AccountInfo", description = "The account owner's details.")
@JsonbPropertyOrder({"accountOwner", "fullname", "email", "address", "phone"})
public record AccountInfo(
        @Schema(name = "account_owner", example = "dave") @JsonbProperty("account_owner") String accountOwner,
        @Schema(name = "fullname", example = "Dave Thompson") @JsonbProperty("fullname") String fullname,
        @Schema(name = "email", example = "daveth271@gmail.com") @JsonbProperty("email") String email,
        @Schema(name = "address") @JsonbProperty("address") String address,
        @Schema(name = "phone", example = "+8183-977-7817") @JsonbProperty("phone") String phone) {

    static AccountInfo of(Customer customer) {
        return new AccountInfo(customer.username(), customer.fullname(), customer.email(), customer.address(),
                customer.phone());
    }
}
