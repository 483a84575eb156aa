package io.accountoauth.platform;

import io.accountoauth.account.AccountResource;
import io.accountoauth.oauth.AccessTokenResource;
import io.accountoauth.oauth.AuthorizeResource;
import io.accountoauth.oauth.BearerTokenFilter;
import io.accountoauth.oauth.ConsentResource;
import io.accountoauth.oauth.IntrospectionResource;
import io.accountoauth.oauth.OAuthExceptionMapper;
import io.accountoauth.oauth.RegistrationResource;
import io.accountoauth.oauth.RevocationResource;
import io.accountoauth.oauth.TokenPlacementFilter;
import io.accountoauth.oauth.TokenResource;
import io.accountoauth.oauth.TooManyAttemptsMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST endpoints under {@code /account}: the OAuth endpoints and the account API. Listed one by one,
 * so that the Faces views at the root stay Faces'.
 */
@ApplicationPath("/account")
public class AccountApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AuthorizeResource.class,
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
                NoStoreFilter.class);
    }
}
