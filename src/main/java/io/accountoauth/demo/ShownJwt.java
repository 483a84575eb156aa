package io.accountoauth.demo;

import com.nimbusds.jwt.SignedJWT;
import java.io.Serializable;
import java.text.ParseException;
import java.util.Optional;

/**
 * A signed JWT the app sent, as the demo page shows it: what it is, its header and its claims decoded and indented,
 * and its signature shortened.
 */
public final class ShownJwt implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String label;
    private final String header;
    private final String claims;
    private final String signature;

    private ShownJwt(String label, String header, String claims, String signature) {
        this.label = label;
        this.header = header;
        this.claims = claims;
        this.signature = signature;
    }

    /** The JWT decoded, or empty when it is not a signed JWT. */
    static Optional<ShownJwt> decode(String label, String compact) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            return Optional.of(new ShownJwt(label, JsonText.masked(jwt.getHeader().toString()),
                    JsonText.masked(jwt.getPayload().toString()), Masking.mask(jwt.getSignature().toString())));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where it travelled: "client_assertion parameter", "DPoP header". */
    public String getLabel() {
        return label;
    }

    public String getHeader() {
        return header;
    }

    public String getClaims() {
        return claims;
    }

    public String getSignature() {
        return signature;
    }
}
