package io.accountoauth.api;

import io.accountoauth.oauth.MetadataResource;
import io.accountoauth.oauth.UnexpectedErrorMapper;
import io.accountoauth.platform.IssuerVary;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The well-known URIs (RFC 8615): the authorization server metadata. */
@ApplicationPath("/.well-known")
public class WellKnownApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MetadataResource.class, UnexpectedErrorMapper.class, IssuerVary.class);
    }
}
