package io.accountoauth.platform;

/** The names of the API's security schemes in its OpenAPI document, for the endpoints that require them. */
public final class SecuritySchemes {

    /** The account API: a bearer access token. */
    public static final String BEARER = "bearer";
    /** Client authentication by HTTP Basic. */
    public static final String BASIC = "basic";

    private SecuritySchemes() {
    }
}
