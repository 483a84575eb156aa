package io.accountoauth.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Tidies the OpenAPI document that the server builds from the annotations, before it is served at
 * {@code /openapi}. Payara copies the {@code @Schema} annotation's "not set" defaults into every schema as if
 * they were constraints ({@code multipleOf: 0}, {@code maxItems: -2147483648}, {@code maxProperties: 0}, ...):
 * they are removed here. A tag named both on a resource and in the definition is listed once, with its
 * description. Registered with {@code mp.openapi.filter}.
 *
 * <p>It runs on MicroProfile OpenAPI 3.1 (Payara) and 4 (WildFly), and calls only the methods both declare alike;
 * {@link BooleanSchemaFlags} holds the calls that 3.1 alone has.
 */
public class OpenApiCleanup implements OASFilter {

    /**
     * True where {@code exclusiveMaximum}, {@code exclusiveMinimum} and {@code nullable} are the booleans of OpenAPI
     * 3.0 (MicroProfile OpenAPI 3.x). MicroProfile OpenAPI 4 follows OpenAPI 3.1, where the first two are numbers
     * and {@code nullable} is gone; its implementations do not copy annotation defaults, so nothing is left to clear.
     */
    static final boolean BOOLEAN_FLAGS = Boolean.class.equals(returnType("getExclusiveMaximum"));

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().compareTo(BigDecimal.ZERO) <= 0) {
            schema.setMultipleOf(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
            schema.setMaxLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (schema.getMaxItems() != null && schema.getMaxItems() < 0) {
            schema.setMaxItems(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMinItems())) {
            schema.setMinItems(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (BOOLEAN_FLAGS) {
            BooleanSchemaFlags.clearUnset(schema);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        // The described tags first, in the definition's order; then any tag named only on a resource.
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            if (tag.getDescription() != null) {
                byName.putIfAbsent(tag.getName(), tag);
            }
        }
        for (Tag tag : openAPI.getTags()) {
            byName.putIfAbsent(tag.getName(), tag);
        }
        openAPI.setTags(new ArrayList<>(byName.values()));
    }

    /** The return type of a getter that every version of {@link Schema} has. */
    private static Class<?> returnType(String getter) {
        try {
            return Schema.class.getMethod(getter).getReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Schema." + getter + "() is missing: an unknown MicroProfile OpenAPI", e);
        }
    }
}
