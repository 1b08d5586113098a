package com.helpdesk.export.rest.web.request;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ResourceType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The second job on a request body: strict JSON into {@link ExportRequestBody} (syntax, limits of nesting and
 * numbers, unknown keys, wrong JSON types, trailing data and repeated keys are errors, nothing is coerced), well-formed
 * Unicode in every string, then Bean Validation of the body's shape (what is required). Every refusal names the
 * field at fault in {@code param}, as a request path ({@code resources[0].filters.colour}). What the values mean is
 * the domain's to decide ({@link RequestMapping}).
 */
final class StrictJson {

    /**
     * The deepest nesting a body may have. A valid body nests five levels (body, resources, resource, filters,
     * a filter's list); anything much deeper is an attack on the parser, refused before it costs anything.
     */
    static final int MAX_NESTING_DEPTH = 32;
    /** The longest number a body may hold (digits); no field of the contract takes a number at all. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper STRICT = strictMapper();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

    private final Validator validator;

    StrictJson(Validator validator) {
        this.validator = validator;
    }

    /** The body, read strictly and checked for shape. */
    ExportRequestBody read(byte[] bytes) {
        ExportRequestBody parsed = parse(bytes);
        requireWellFormedText(parsed);
        validate(parsed);
        return parsed;
    }

    private static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : new LogicalType[] {
            LogicalType.Textual, LogicalType.Boolean, LogicalType.Collection, LogicalType.Map, LogicalType.POJO
        }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        }
        // A string is a string: allow it where text is expected.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Map)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert);
        return mapper;
    }

    private static ExportRequestBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body is empty; send a JSON object.");
        }
        ExportRequestBody body;
        try {
            body = STRICT.readValue(bytes, ExportRequestBody.class);
        } catch (JsonMappingException e) {
            throw mappingError(e);
        } catch (JacksonException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body could not be read.", null, e);
        }
        if (body == null) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        return body;
    }

    private static ExportException syntaxError(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return new ExportException(
                    ErrorCode.INVALID_JSON,
                    "The request body exceeds a limit of this API: " + constraint(e.getOriginalMessage())
                            + locationOf(e));
        }
        return new ExportException(
                ErrorCode.INVALID_JSON,
                "The request body is not valid JSON: " + clean(e.getOriginalMessage()) + locationOf(e));
    }

    /** Which reading limit a body broke, in the API's words rather than the parser's. */
    private static String constraint(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "it nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (m.startsWith("Number value length")) {
            return "it holds a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("Name length")) {
            return "it holds a key longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
        }
        if (m.startsWith("String value length")) {
            return "it holds a string longer than " + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters";
        }
        return "it is too large or too deeply nested";
    }

    /**
     * Jackson's own words, without its hints about its own features and settings: the caller needs to know what
     * is wrong with the JSON, not which parser reads it or how it could be configured.
     */
    static String clean(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String m = message;
        int source = m.indexOf("[Source:");
        if (source >= 0) {
            // "... (start marker at [Source: REDACTED (...); line: 1, column: 15])": the location is added below
            int open = m.lastIndexOf(" (", source);
            m = m.substring(0, open >= 0 ? open : source);
        }
        m = m.replaceAll(": maybe a \\(non-standard\\) comment\\?.*", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(",? ?from `[^`]*`", "")
                .replaceAll("`[^`]*`", "");
        return m.strip();
    }

    /** Databind wraps syntax errors met while binding; those are still invalid JSON, not a field's fault. */
    private static ExportException mappingError(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                return syntaxError((JacksonException) cause);
            }
        }
        String param = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return ExportException.unknown(param);
        }
        if (param.isEmpty()) {
            return new ExportException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return ExportException.invalid(param, param + " has the wrong JSON type" + expected(mismatch) + ".");
        }
        return ExportException.invalid(param, param + " is not valid.");
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null
                ? "."
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ").";
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (target == String.class) {
            return ": expected a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return ": expected true or false";
        }
        if (List.class.isAssignableFrom(target)) {
            return ": expected an array";
        }
        return ": expected an object";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                appendKey(path, ref.getFieldName());
            }
        }
        return path.toString();
    }

    /**
     * A key in the path: {@code .key}, or, for a key that dot notation cannot show (empty, or holding dots,
     * brackets, quotes, spaces...), {@code ["key"]} as a JSON string.
     */
    private static void appendKey(StringBuilder path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(key);
            return;
        }
        StringBuilder quoted = new StringBuilder("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        path.append(quoted).append("\"]");
    }

    /**
     * Every string of the body is well-formed Unicode. JSON may spell a lone surrogate ({@code "\\ud800"}); such a
     * string cannot be stored or compared as text (PostgreSQL would see a {@code ?} instead), so a filter holding
     * one would silently match something else. It is refused, naming the field.
     */
    private static void requireWellFormedText(ExportRequestBody body) {
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

    private void validate(ExportRequestBody body) {
        Set<ConstraintViolation<ExportRequestBody>> violations = validator.validate(body);
        if (violations.isEmpty()) {
            return;
        }
        List<ConstraintViolation<ExportRequestBody>> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing((ConstraintViolation<ExportRequestBody> v) -> param(v.getPropertyPath()))
                .thenComparing(ConstraintViolation::getMessage));
        ConstraintViolation<ExportRequestBody> first = sorted.get(0);
        String param = param(first.getPropertyPath());
        if (first.getConstraintDescriptor().getAnnotation() instanceof NotNull) {
            throw ExportException.missing(param);
        }
        throw ExportException.invalid(param, param + " " + first.getMessage() + ".");
    }

    static String param(Path path) {
        StringBuilder param = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                param.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!param.isEmpty()) {
                    param.append('.');
                }
                param.append(node.getName());
            }
        }
        return param.toString();
    }
}
