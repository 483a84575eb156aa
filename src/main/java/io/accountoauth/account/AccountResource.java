package io.accountoauth.account;

import io.accountoauth.oauth.RequiresScope;
import io.accountoauth.platform.SecuritySchemes;
import io.accountoauth.token.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The protected account API: the account owner's details and balance, for the customer the token speaks for. */
@Path("")
@ApplicationScoped
@Tag(name = "Account API")
@SecurityRequirement(name = SecuritySchemes.BEARER)
public class AccountResource {

    @Inject
    CustomerRepository customers;

    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scopes.INFO)
    @Operation(operationId = "info", summary = "The account owner's details",
            description = "For a bearer token whose scope is read or info, valid 60 seconds from its issue.")
    @APIResponse(responseCode = "200", description = "The details. Cache-Control: no-store; under the DPoP "
            + "scheme, DPoP-Nonce.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountInfo")))
    @APIResponse(responseCode = "400", ref = "BearerInvalidRequest")
    @APIResponse(responseCode = "401", ref = "BearerUnauthorized")
    @APIResponse(responseCode = "403", ref = "BearerInsufficientScope")
    @APIResponse(responseCode = "404", ref = "NoAccount")
    public AccountInfo info(@Context SecurityContext security) {
        return customers.find(owner(security)).map(AccountInfo::of)
                .orElseThrow(() -> new NotFoundException("The customer has no account."));
    }

    @GET
    @Path("balance")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scopes.BALANCE)
    @Operation(operationId = "balance", summary = "The account's balance",
            description = "For a bearer token whose scope is read or balance, valid 60 seconds from its issue.")
    @APIResponse(responseCode = "200", description = "The balance. Cache-Control: no-store; under the DPoP "
            + "scheme, DPoP-Nonce.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountBalance")))
    @APIResponse(responseCode = "400", ref = "BearerInvalidRequest")
    @APIResponse(responseCode = "401", ref = "BearerUnauthorized")
    @APIResponse(responseCode = "403", ref = "BearerInsufficientScope")
    @APIResponse(responseCode = "404", ref = "NoAccount")
    public AccountBalance balance(@Context SecurityContext security) {
        return customers.findAccount(owner(security)).map(AccountBalance::of)
                .orElseThrow(() -> new NotFoundException("The customer has no account."));
    }

    private static String owner(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
