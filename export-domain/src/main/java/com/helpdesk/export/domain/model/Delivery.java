package com.helpdesk.export.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a document is handed to its reader, as its format says: its media type, the file name it is saved under (none:
 * shown, not saved), and the headers that carry what the body itself does not (a CSV file's row count, whether more
 * rows match, the cursor after its last row), in order.
 */
public record Delivery(String mediaType, Optional<String> fileName, Map<String, String> headers) {

    /** A header's name: an HTTP token. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** A file name and a header's value: printable ASCII without quotes, backslashes or control characters. */
    private static final Pattern VALUE = Pattern.compile("[ !#-\\[\\]-~]*");

    public Delivery {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(fileName, "fileName");
        fileName.ifPresent(name -> {
            if (name.isEmpty() || !VALUE.matcher(name).matches() || name.contains("/")) {
                throw new IllegalArgumentException("not a file name to offer: " + name);
            }
        });
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("not a header to send: " + name);
            }
            copy.put(name, value);
        });
        headers = Collections.unmodifiableMap(copy);
    }

    /** A document shown as it is, with no file name and no header of its own. */
    public static Delivery inline(String mediaType) {
        return new Delivery(mediaType, Optional.empty(), Map.of());
    }
}
