package io.accountoauth.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * How a browser is logged in. The login forms hand the customer's credential over with
 * {@code SecurityContext.authenticate}; this checks it with the identity stores ({@link CustomerIdentityStore}) and
 * on success remembers the customer in the session ({@link CustomerSession}). On every other request it tells the
 * container who the session's customer is, if anyone, so that {@code SecurityContext.getCallerPrincipal()} answers.
 * It never answers a request itself: a page that needs a customer shows its own login form.
 */
@ApplicationScoped
public class CustomerLoginMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    CustomerSession session;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        AuthenticationParameters parameters = context.getAuthParameters();
        Credential credential = parameters == null ? null : parameters.getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                session.logIn(result.getCallerPrincipal().getName());
            }
            return context.notifyContainerAboutLogin(result);
        }
        // Without an HTTP session nobody is logged in; asking the session bean would start a session for every call
        // of an app.
        if (request.getSession(false) != null && session.customer() != null) {
            return context.notifyContainerAboutLogin(session.customer(), Set.of(CustomerIdentityStore.CUSTOMER));
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        session.logOut();
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
