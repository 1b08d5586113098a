package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every string of a body is well-formed Unicode. JSON may spell a lone surrogate ({@code "\\ud800"}); such a string
 * cannot be stored or compared as text (PostgreSQL would see a {@code ?} instead), so a filter holding one would
 * silently match something else. It is refused as {@code parameter_invalid}, naming the field.
 */
final class WellFormedText {

    private WellFormedText() {}

    static void require(ExportRequestBody body) {
        requireWellFormed(body.format(), "format");
        List<ExportRequestBody.ResourceBody> resources = body.resources();
        if (resources == null) {
            return;
        }
        for (int i = 0; i < resources.size(); i++) {
            ExportRequestBody.ResourceBody resource = resources.get(i);
            if (resource == null) {
                continue;
            }
            String at = "resources[" + i + "]";
            requireWellFormed(resource.type(), at + ".type");
            requireWellFormed(resource.cursor(), at + ".cursor");
            requireWellFormed(resource.fields(), at + ".fields");
            Optional<ResourceType> type = ResourceType.fromWireName(resource.type());
            if (resource.filters() != null && type.isPresent()) {
                for (Map.Entry<String, Object> filter : resource.filters().entrySet()) {
                    // a key that is no filter of the type is the domain's to refuse, as unknown
                    if (type.get().filters().containsKey(filter.getKey())) {
                        requireWellFormed(filter.getValue(), at + ".filters." + filter.getKey());
                    }
                }
            }
        }
    }

    private static void requireWellFormed(Object value, String param) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
                        : !Character.isLowSurrogate(c);
                if (!paired) {
                    throw ExportException.invalid(
                            param,
                            param + " holds an unpaired UTF-16 surrogate (a \\uD800 to "
                                    + "\\uDFFF escape without its other half); send well-formed Unicode text.");
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireWellFormed(list.get(i), param + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                requireWellFormed(entry.getValue(), param + "." + entry.getKey());
            }
        }
    }
}
