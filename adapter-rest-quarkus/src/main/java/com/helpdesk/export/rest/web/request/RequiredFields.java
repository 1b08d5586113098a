package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.error.ExportException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a body must hold: {@code resources}, every entry of it, and every entry's {@code type}. One that is absent or
 * {@code null} is {@code parameter_missing} naming it; of several, the first by its request path compared as text
 * ({@code resources[10].type} before {@code resources[2]}). Everything else about the values is the domain's.
 */
final class RequiredFields {

    private RequiredFields() {}

    static void require(ExportRequestBody body) {
        List<String> missing = new ArrayList<>();
        List<ExportRequestBody.ResourceBody> resources = body.resources();
        if (resources == null) {
            missing.add("resources");
        } else {
            for (int i = 0; i < resources.size(); i++) {
                ExportRequestBody.ResourceBody resource = resources.get(i);
                if (resource == null) {
                    missing.add("resources[" + i + "]");
                } else if (resource.type() == null) {
                    missing.add("resources[" + i + "].type");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw ExportException.missing(
                    missing.stream().min(Comparator.naturalOrder()).orElseThrow());
        }
    }
}
