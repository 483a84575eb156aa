package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.client.RedirectUriRules;
import io.accountoauth.platform.HtmlErrorPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The authorization endpoint. It checks the client and its redirect URI first: when either is wrong the
 * browser gets an error page and is never redirected (RFC 6749 §4.1.2.1). Every later error goes back to
 * the client's redirect URI. A good request is filed for this browser session and the customer is sent to
 * log in.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
@Path("authorize")
@RequestScoped
public class AuthorizeResource {

    static final String LOGIN_VIEW = "/login.xhtml";

    @Inject
    ClientRepository clients;

    @Inject
    PendingAuthorizations pending;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response authorize() {
        RequestParameters parameters = new RequestParameters(uriInfo.getQueryParameters());
        String repeated = parameters.firstRepeated("client_id", "redirect_uri");
        if (repeated != null) {
            return errorPage("The " + repeated + " parameter is repeated; an app sends it once.");
        }
        String clientId = parameters.optional("client_id");
        if (clientId == null) {
            return errorPage("The request has no client_id, so there is no app to authorize.");
        }
        Optional<Client> client = clients.find(clientId);
        if (client.isEmpty()) {
            return errorPage("No app is registered with this client_id.");
        }
        String redirectUri = parameters.optional("redirect_uri");
        if (redirectUri == null) {
            return errorPage("The request has no redirect_uri.");
        }
        if (!RedirectUriRules.permits(client.get(), redirectUri)) {
            return errorPage("The redirect_uri is not registered for this app.");
        }
        return authorize(parameters, client.get(), redirectUri);
    }

    /** From here on the redirect URI is trusted: errors go back to the app. */
    private Response authorize(RequestParameters parameters, Client client, String redirectUri) {
        String state;
        String responseType;
        String requestedScope;
        try {
            state = parameters.optional("state");
            responseType = parameters.optional("response_type");
            requestedScope = parameters.optional("scope");
        } catch (OAuthException e) {
            return redirect(AuthorizationResponse.to(redirectUri).error(e.error(), e.description(), null));
        }
        if (responseType != null && !responseType.equals("code")) {
            return redirect(AuthorizationResponse.to(redirectUri).error("unsupported_response_type",
                    "This server supports response_type=code only.", state));
        }
        Optional<String> scope = Scopes.normalize(requestedScope);
        if (scope.isEmpty()) {
            return redirect(AuthorizationResponse.to(redirectUri).error("invalid_scope",
                    "Known scopes: read, info, balance.", state));
        }
        String handle = pending.start(
                new AuthorizationRequest(client.clientId(), client.name(), redirectUri, state, scope.get()));
        String login = servletRequest.getContextPath() + LOGIN_VIEW + "?request=" + handle;
        return Response.seeOther(java.net.URI.create(login)).header("Cache-Control", "no-store").build();
    }

    private Response redirect(AuthorizationResponse response) {
        return Response.status(Status.SEE_OTHER).header("Location", response.uri())
                .header("Cache-Control", "no-store").build();
    }

    private Response errorPage(String message) {
        return HtmlErrorPage.response(Status.BAD_REQUEST, "This app's request cannot be accepted", message,
                servletRequest.getContextPath());
    }
}
