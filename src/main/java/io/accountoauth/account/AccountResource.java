package io.accountoauth.account;

import io.accountoauth.oauth.RequiresScope;
import io.accountoauth.token.Scopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The protected account API: the account owner's details and balance, for the customer the token speaks for. */
@Path("")
@RequestScoped
public class AccountResource {

    @Inject
    CustomerRepository customers;

    @Context
    SecurityContext security;

    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scopes.INFO)
    public AccountInfo info() {
        return customers.find(owner()).map(AccountInfo::of)
                .orElseThrow(() -> new NotFoundException("The customer has no account."));
    }

    @GET
    @Path("balance")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scopes.BALANCE)
    public AccountBalance balance() {
        return customers.findAccount(owner()).map(AccountBalance::of)
                .orElseThrow(() -> new NotFoundException("The customer has no account."));
    }

    private String owner() {
        return security.getUserPrincipal().getName();
    }
}
