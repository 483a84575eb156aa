package io.accountoauth.platform;

import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The boolean schema properties of MicroProfile OpenAPI 3.x, whose methods MicroProfile OpenAPI 4 declares with other
 * types or not at all. {@link OpenApiCleanup} calls this class only where {@link OpenApiCleanup#BOOLEAN_FLAGS} holds,
 * so it is never linked against version 4.
 */
final class BooleanSchemaFlags {

    private BooleanSchemaFlags() {
    }

    /** Removes the {@code false} that Payara copies from each {@code @Schema} attribute left unset. */
    static void clearUnset(Schema schema) {
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
    }
}
