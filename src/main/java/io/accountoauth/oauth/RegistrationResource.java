package io.accountoauth.oauth;

import io.accountoauth.client.ClientMetadata;
import io.accountoauth.client.ClientRegistration;
import io.accountoauth.client.RegisteredClient;
import io.accountoauth.platform.ClientAddresses;
import io.accountoauth.client.RegistrationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dynamic client registration: a sandbox user registers their own app with a JSON document and gets its
 * client_id and, for a confidential client, its client_secret, shown this once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>
 */
@Path("register")
@ApplicationScoped
@Tag(name = "Registration")
public class RegistrationResource {

    static final int MAX_BODY_CHARS = 16 * 1024;

    @Inject
    ClientRegistration registration;

    @Inject
    RegistrationLimit limit;

    @Inject
    ClientAddresses addresses;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "register", summary = "Register an app",
            description = """
                    Dynamic client registration (RFC 7591), open to anyone, at most 10 registrations per source \
                    address per hour (`oauth.registration.per-address-per-hour`). Redirect URIs are `https`, or \
                    `http` on a loopback host, without fragment, wildcard or user info. A confidential client \
                    (the default, `client_secret_basic`) gets a client_secret, shown this once; a public client \
                    (`none`) gets none and must use PKCE. Only POST: any other method is answered 405.""")
    @APIResponse(responseCode = "201", description = "The client information (RFC 7591 §3.2.1). "
            + "Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientInformation")))
    @APIResponse(responseCode = "400", description = "invalid_redirect_uri: redirect_uris is missing, not an array "
            + "of strings, lists none or more than 10, or holds a URI that cannot be registered. "
            + "invalid_client_metadata: the body is not a JSON object of at most 16 KiB, or another field is wrong.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "429", description = "temporarily_unavailable: this address has made too many "
            + "registrations in the last hour.",
            headers = @Header(name = "Retry-After", description = "Seconds until the next registration is allowed.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response register(@RequestBody(required = true, description = "The client metadata (RFC 7591 §2).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "redirect_uris", properties = {
                            @SchemaProperty(name = "redirect_uris", type = SchemaType.ARRAY,
                                    implementation = String[].class,
                                    description = "1 to 10 URIs: https, or http on a loopback host; a port, "
                                            + "if any, from 1 to 65535."),
                            @SchemaProperty(name = "client_name", type = SchemaType.STRING,
                                    description = "Shown to the customer on the consent page; at most 100 "
                                            + "characters of text, with no control, formatting (bidirectional, "
                                            + "zero-width) or separator characters. Defaults to the first "
                                            + "redirect URI's host."),
                            @SchemaProperty(name = "token_endpoint_auth_method", type = SchemaType.STRING,
                                    enumeration = {"client_secret_basic", "client_secret_post", "private_key_jwt",
                                            "none"},
                                    defaultValue = "client_secret_basic"),
                            @SchemaProperty(name = "grant_types", type = SchemaType.ARRAY,
                                    implementation = String[].class,
                                    description = "authorization_code, and optionally refresh_token."),
                            @SchemaProperty(name = "response_types", type = SchemaType.ARRAY,
                                    implementation = String[].class, description = "[\"code\"] only."),
                            @SchemaProperty(name = "jwks", type = SchemaType.OBJECT,
                                    description = "For private_key_jwt: 1 to 5 public keys (RSA of 2048 bits or "
                                            + "more, EC P-256 or Ed25519), {\"keys\": [...]}."),
                            @SchemaProperty(name = "dpop_bound_access_tokens", type = SchemaType.BOOLEAN,
                                    defaultValue = "false", description = "true: every access token of the app is "
                                            + "bound to a DPoP key (RFC 9449 §5.2); token requests need a proof."),
                            @SchemaProperty(name = "require_pushed_authorization_requests",
                                    type = SchemaType.BOOLEAN, defaultValue = "false",
                                    description = "true: the app's authorization requests are only taken pushed "
                                            + "(RFC 9126 §6), by request_uri.")})))
            byte[] body, @Context HttpServletRequest request) {
        String address = addresses.key(request);
        limit.check(address);
        boolean done = false;
        try {
            RegisteredClient registered = registration.register(metadata(utf8(body)));
            done = true;
            return Response.status(Status.CREATED)
                    .entity(ClientInformation.of(registered))
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (RegistrationException e) {
            throw new OAuthException(Status.BAD_REQUEST, e.error(), e.getMessage());
        } finally {
            if (!done) {
                // A refused registration made nothing: it does not count against the address
                limit.release(address);
            }
        }
    }

    /** RFC 8259 §8.1: JSON is UTF-8; bytes that are not are refused, not replaced. */
    private static String utf8(byte[] body) {
        if (body.length > 4 * MAX_BODY_CHARS) {
            throw RegistrationException.invalidMetadata("The body must be a JSON object of at most 16 KiB.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RegistrationException.invalidMetadata("The body is not UTF-8.");
        }
    }

    private static ClientMetadata metadata(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw RegistrationException.invalidMetadata("The body must be a JSON object of at most 16 KiB.");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw RegistrationException.invalidMetadata("The body is not a JSON object.");
        }
        return new ClientMetadata(
                string(json, "client_name"),
                strings(json, "redirect_uris", "invalid_redirect_uri"),
                string(json, "token_endpoint_auth_method"),
                strings(json, "grant_types", "invalid_client_metadata"),
                strings(json, "response_types", "invalid_client_metadata"),
                bool(json, "require_pushed_authorization_requests"),
                jwks(json),
                bool(json, "dpop_bound_access_tokens"));
    }

    /** The jwks object as text; a jwks_uri is not followed: the server fetches nothing an app names. */
    private static String jwks(JsonObject json) {
        if (json.containsKey("jwks_uri")) {
            throw RegistrationException.invalidMetadata("jwks_uri is not supported: register the keys in jwks.");
        }
        JsonValue value = json.get("jwks");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RegistrationException.invalidMetadata("jwks must be a JSON Web Key Set object.");
        }
        return value.toString();
    }

    private static Boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw RegistrationException.invalidMetadata(name + " must be true or false.");
        }
        return value == JsonValue.TRUE;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw RegistrationException.invalidMetadata(name + " must be a string.");
        }
        return text.getString();
    }

    private static List<String> strings(JsonObject json, String name, String error) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new RegistrationException(error, name + " must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw new RegistrationException(error, name + " must be an array of strings.");
            }
            values.add(text.getString());
        }
        return values;
    }
}
