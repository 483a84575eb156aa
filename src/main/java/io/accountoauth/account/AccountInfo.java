package io.accountoauth.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of GET /account/info, field for field as the original sandbox answered. */
@JsonbPropertyOrder({"accountOwner", "fullname", "email", "address", "phone"})
public record AccountInfo(
        @JsonbProperty("account_owner") String accountOwner,
        @JsonbProperty("fullname") String fullname,
        @JsonbProperty("email") String email,
        @JsonbProperty("address") String address,
        @JsonbProperty("phone") String phone) {

    static AccountInfo of(Customer customer) {
        return new AccountInfo(customer.username(), customer.fullname(), customer.email(), customer.address(),
                customer.phone());
    }
}
