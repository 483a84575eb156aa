package io.accountoauth.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Without {@code oauth.issuer} the issuer is taken from each request's {@code Host}, so an answer that names it
 * differs from one host to the next: it says {@code Vary: Host}, and no cache serves one host's issuer to another.
 */
@Provider
@IssuerShaped
public class IssuerVary implements ContainerResponseFilter {

    @Inject
    Issuer issuer;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (issuer.followsHost()) {
            response.getHeaders().add("Vary", "Host");
        }
    }
}
