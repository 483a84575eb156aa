package io.accountoauth.api;

import io.accountoauth.account.AccountResource;
import io.accountoauth.oauth.AccessTokenResource;
import io.accountoauth.oauth.AuthorizeResource;
import io.accountoauth.oauth.BearerTokenFilter;
import io.accountoauth.oauth.ConsentResource;
import io.accountoauth.oauth.IntrospectionResource;
import io.accountoauth.oauth.OAuthExceptionMapper;
import io.accountoauth.oauth.PushedAuthorizationResource;
import io.accountoauth.oauth.RegistrationResource;
import io.accountoauth.oauth.RevocationResource;
import io.accountoauth.oauth.TokenPlacementFilter;
import io.accountoauth.oauth.TokenResource;
import io.accountoauth.oauth.TooManyAttemptsMapper;
import io.accountoauth.oauth.UnexpectedErrorMapper;
import io.accountoauth.platform.IssuerVary;
import io.accountoauth.platform.NoStoreFilter;
import io.accountoauth.platform.SecuritySchemes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST endpoints under {@code /account}: the OAuth endpoints and the account API. Listed one by one,
 * so that the Faces views at the root stay Faces'. It also carries the description of the whole API that
 * the server publishes at {@code /openapi}.
 */
@OpenAPIDefinition(
        info = @Info(title = "account-oauth", version = "1.0.0", description = """
                The account API of a sandbox bank (the account owner's details and balance) behind an OAuth 2.0 \
                authorization server. An app sends the customer to `/account/authorize` to log in and allow \
                access, exchanges the code it gets back for a bearer token at `POST /account/token` (or with the \
                original sandbox's `GET /account/access_token`), and reads `/account/info` and \
                `/account/balance` with it. Discovery starts at `/.well-known/oauth-authorization-server`.

                Errors are JSON as RFC 6749 §5.2 defines them: `{"error": ..., "error_description": ...}`. \
                Access tokens are taken from the `Authorization` header only: a request to any `/account` \
                endpoint that carries an `access_token` parameter in its query or form body is refused with \
                400 `invalid_request` (RFC 9700 §4.3.2). A method an endpoint does not have is answered 405.
                """),
        tags = {
                @Tag(name = "Authorization", description = "The customer logs in and allows the app (RFC 6749 §4.1)."),
                @Tag(name = "Token",
                        description = "Tokens for codes and refresh tokens; introspection and revocation."),
                @Tag(name = "Account API", description = "The customer's account, for a bearer token."),
                @Tag(name = "Consents", description = "The app's view of the consents its tokens stand on."),
                @Tag(name = "Registration", description = "Dynamic client registration (RFC 7591)."),
                @Tag(name = "Discovery", description = "Authorization server metadata (RFC 8414).")},
        components = @Components(securitySchemes = {
                @SecurityScheme(securitySchemeName = SecuritySchemes.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "An access token from the token endpoint, valid 60 "
                        + "seconds, sent as `Authorization: Bearer <token>` and nowhere else (RFC 6750 §2.1)."),
                @SecurityScheme(securitySchemeName = SecuritySchemes.BASIC, type = SecuritySchemeType.HTTP,
                        scheme = "basic", description = "Client authentication (`client_secret_basic`): the "
                        + "client_id and client_secret, each form-encoded first (RFC 6749 §2.3.1). The token, "
                        + "introspection and revocation endpoints also take them as the form fields client_id "
                        + "and client_secret (`client_secret_post`); a public client sends its client_id alone "
                        + "(at the token and revocation endpoints; `?client_id=` for its consents).")}))
@ApplicationPath("/account")
public class AccountApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AuthorizeResource.class,
                PushedAuthorizationResource.class,
                AccessTokenResource.class,
                TokenResource.class,
                IntrospectionResource.class,
                RevocationResource.class,
                RegistrationResource.class,
                ConsentResource.class,
                AccountResource.class,
                BearerTokenFilter.class,
                TokenPlacementFilter.class,
                OAuthExceptionMapper.class,
                TooManyAttemptsMapper.class,
                UnexpectedErrorMapper.class,
                NoStoreFilter.class,
                IssuerVary.class);
    }
}
