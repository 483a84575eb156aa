package io.accountoauth.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose answer names the issuer (metadata, authorization responses, introspection): where the
 * issuer follows the request's {@code Host}, such answers say {@code Vary: Host} ({@link IssuerVary}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface IssuerShaped {
}
