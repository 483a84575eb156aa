package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.client.RedirectUriRules;
import io.accountoauth.platform.HtmlErrorPage;
import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.IssuerShaped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The authorization endpoint. It checks the client and its redirect URI first: when either is wrong the
 * browser gets an error page and is never redirected (RFC 6749 §4.1.2.1). Every later error goes back to
 * the client's redirect URI with {@code state} and {@code iss}. A good request is filed for this browser
 * session and the customer is sent to log in.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
@IssuerShaped
@Path("authorize")
@ApplicationScoped
@Tag(name = "Authorization")
public class AuthorizeResource {

    static final String LOGIN_VIEW = "/login.xhtml";

    @Inject
    ClientRepository clients;

    @Inject
    PendingAuthorizations pending;

    @Inject
    Issuer issuer;

    @Inject
    PushedRequests pushedRequests;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "authorize", summary = "Start the authorization-code flow in the customer's browser",
            description = """
                    The authorization endpoint (RFC 6749 §4.1.1), opened in the customer's browser, not called \
                    by the app's server. The customer logs in at the bank and allows or denies what the app \
                    asks to read; the browser then goes back to the redirect_uri with a `code` valid 60 seconds \
                    (or an `error`), the app's `state` and the issuer `iss` (RFC 9207).

                    The client_id and redirect_uri are checked first: when either is missing, repeated, unknown \
                    or not registered, the browser gets an HTML error page and is never redirected.""")
    @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING), description = "The app's client_id.",
            example = "7b6fc8ed5127b0b2f076d")
    @Parameter(name = "redirect_uri", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "One of the app's registered redirect URIs; on a loopback host any port.",
            example = "http://localhost:9000/callback")
    @Parameter(name = "response_type", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, enumeration = "code", defaultValue = "code"),
            description = "code, the only response type; any other goes back as unsupported_response_type.")
    @Parameter(name = "scope", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, defaultValue = "read"),
            description = "Space-separated: read (info and balance), info, balance. Anything else goes back as "
                    + "invalid_scope.")
    @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "The app's own value, returned unchanged with the code or error.")
    @Parameter(name = "code_challenge", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "PKCE (RFC 7636): BASE64URL(SHA-256(code_verifier)), 43 to 128 characters. Required of "
                    + "public clients.")
    @Parameter(name = "code_challenge_method", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, enumeration = Pkce.S256),
            description = "S256 only; plain or an unknown method goes back as invalid_request.")
    @Parameter(name = "dpop_jkt", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "RFC 9449 §10: the SHA-256 JWK thumbprint of the DPoP key the code's exchange must prove.")
    @Parameter(name = "request_uri", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "A pushed request's reference (RFC 9126): then only client_id and request_uri are read.")
    @Parameter(name = "prompt", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "consent: ask the customer again even when a consent already covers the request.")
    @APIResponse(responseCode = "303", description = """
            A good request: to the bank's login page, where the customer logs in and then decides. A bad one \
            once the redirect_uri is trusted: back to the redirect_uri with `error` (invalid_request, \
            invalid_scope, unsupported_response_type), `error_description`, `state` and `iss`.""",
            headers = @Header(name = "Location", description = "The login page, or the redirect_uri with the error.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The client_id or redirect_uri is missing, repeated, unknown or "
            + "not registered: an HTML error page for the customer, and no redirect.",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response authorize(@Context UriInfo uriInfo, @Context HttpServletRequest request) {
        RequestParameters parameters = new RequestParameters(uriInfo.getQueryParameters());
        String contextPath = request.getContextPath();
        try {
            return authorize(parameters, contextPath, uriInfo, request);
        } catch (OAuthException e) {
            // Before the redirect URI is trusted, a bad parameter is told to the customer, never to a redirect
            return errorPage(e.description(), contextPath);
        }
    }

    private Response authorize(RequestParameters parameters, String contextPath, UriInfo uriInfo,
            HttpServletRequest request) {
        String repeated = parameters.firstRepeated("client_id", "redirect_uri", "request_uri");
        if (repeated != null) {
            return errorPage("The " + repeated + " parameter is repeated; an app sends it once.", contextPath);
        }
        String clientId = parameters.optional("client_id");
        if (clientId == null) {
            return errorPage("The request has no client_id, so there is no app to authorize.", contextPath);
        }
        Optional<Client> client = clients.find(clientId);
        if (client.isEmpty()) {
            return errorPage("No app is registered with this client_id.", contextPath);
        }
        if (parameters.optional("request_uri") != null) {
            return authorizePushed(parameters, client.get(), uriInfo, request);
        }
        if (client.get().requiresPushedRequests()) {
            // RFC 9126 §6: nothing in this URL is the app's checked request, so there is nowhere to send an error
            return errorPage("invalid_request: this app sends its authorization requests pushed (RFC 9126): the "
                    + "address must carry its client_id and a request_uri, and nothing else counts.", contextPath);
        }
        String redirectUri = parameters.optional("redirect_uri");
        if (redirectUri == null) {
            return errorPage("The request has no redirect_uri.", contextPath);
        }
        if (!RedirectUriRules.permits(client.get(), redirectUri)) {
            return errorPage("The redirect_uri is not registered for this app.", contextPath);
        }
        return authorize(parameters, client.get(), redirectUri, uriInfo, request);
    }

    /** From here on the redirect URI is trusted: errors go back to the app. */
    private Response authorize(RequestParameters parameters, Client client, String redirectUri, UriInfo uriInfo,
            HttpServletRequest request) {
        String iss = issuer.of(request);
        String state = null;
        try {
            state = parameters.optional("state");
            AuthorizationParameters checked = AuthorizationParameters.read(parameters, client);
            return toLogin(new AuthorizationRequest(client.clientId(), client.name(), redirectUri, state,
                    checked.scope(), checked.codeChallenge(), iss, checked.promptConsent(), checked.dpopJkt()),
                    uriInfo, request);
        } catch (OAuthException e) {
            return redirect(AuthorizationResponse.to(redirectUri)
                    .error(e.error(), e.description()).with("state", state).with("iss", iss));
        }
    }

    /**
     * A pushed request (RFC 9126 §4): only client_id and request_uri are read from the query, and nothing else
     * there counts; the request was checked when it was pushed, and is used up now.
     */
    private Response authorizePushed(RequestParameters parameters, Client client, UriInfo uriInfo,
            HttpServletRequest request) {
        String requestUri = parameters.optional("request_uri");
        Optional<PushedRequests.Pushed> pushed = pushedRequests.use(requestUri, client.clientId());
        if (pushed.isEmpty()) {
            return errorPage("invalid_request_uri: the request_uri is unknown, was pushed by another app, has "
                    + "expired (it lives " + PushedRequests.LIFETIME.toSeconds() + " seconds) or was used already. "
                    + "The app must push its request again.", request.getContextPath());
        }
        PushedRequests.Pushed p = pushed.get();
        return toLogin(new AuthorizationRequest(client.clientId(), client.name(), p.redirectUri(), p.state(),
                p.scope(), p.codeChallenge(), issuer.of(request), p.promptConsent(), p.dpopJkt()), uriInfo, request);
    }

    /** Files the request in the browser's session and sends the browser to the login page. */
    private Response toLogin(AuthorizationRequest authorization, UriInfo uriInfo, HttpServletRequest request) {
        String handle = pending.start(authorization);
        HttpSession session = request.getSession(false);
        if (session != null && session.isNew()) {
            // A session nobody has logged in to yet lives as long as its request, not the half hour of a login
            session.setMaxInactiveInterval((int) PendingAuthorizations.LIFETIME.toSeconds());
        }
        // Absolute: JAX-RS implementations resolve a relative location differently (RESTEasy keeps /account).
        URI login = uriInfo.getBaseUri().resolve(request.getContextPath() + LOGIN_VIEW + "?request=" + handle);
        return Response.seeOther(login).header("Cache-Control", "no-store").build();
    }

    private static Response redirect(AuthorizationResponse response) {
        return Response.status(Status.SEE_OTHER).header("Location", response.uri())
                .header("Cache-Control", "no-store").build();
    }

    private static Response errorPage(String message, String contextPath) {
        return HtmlErrorPage.response(Status.BAD_REQUEST, "This app's request cannot be accepted", message,
                contextPath);
    }
}
