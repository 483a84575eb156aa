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
 */
public class OpenApiCleanup implements OASFilter {

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
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
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
}
