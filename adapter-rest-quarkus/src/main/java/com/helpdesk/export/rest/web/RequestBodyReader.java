package com.helpdesk.export.rest.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.rest.config.ExportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request's media type and body into a domain {@link ExportRequest}, in the contract's order: media type
 * (415), size (413), JSON syntax (400 invalid_json), JSON shape (unknown keys, wrong types), Jakarta Validation
 * constraints, then the domain's own rules. Every refusal names the field at fault in {@code param}.
 */
@ApplicationScoped
public class RequestBodyReader {

    private static final ObjectMapper STRICT = strictMapper();

    private final Validator validator;
    private final int maxBodyBytes;

    public RequestBodyReader(Validator validator, ExportSettings settings) {
        this.validator = validator;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Collection,
                LogicalType.Map, LogicalType.POJO}) {
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
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyArray,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Map).setCoercion(CoercionInputShape.EmptyObject,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.EmptyObject,
                CoercionAction.TryConvert);
        return mapper;
    }

    public ExportRequest read(String contentType, InputStream body) {
        requireJson(contentType);
        byte[] bytes = readLimited(body);
        ExportRequestBody parsed = parse(bytes);
        validate(parsed);
        return toDomain(parsed);
    }

    private static void requireJson(String contentType) {
        String message = "Content-Type must be application/json.";
        if (contentType == null) {
            throw new ExportException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw new ExportException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase("charset") && (pair.length < 2
                    || !pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT).equals("utf-8"))) {
                throw new ExportException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The request body must be UTF-8 (Content-Type: application/json; charset=utf-8).");
            }
        }
    }

    private byte[] readLimited(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new ExportException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + maxBodyBytes + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body could not be read.", null, e);
        }
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
        return new ExportException(ErrorCode.INVALID_JSON, "The request body is not valid JSON: "
                + e.getOriginalMessage() + locationOf(e));
    }

    /** Databind wraps syntax errors met while binding; those are still invalid JSON, not a field's fault. */
    private static ExportException mappingError(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax) {
                return syntaxError(syntax);
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
        return e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ", column "
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
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
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
                param.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
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

    private static ExportRequest toDomain(ExportRequestBody body) {
        List<ResourceSpec> specs = new ArrayList<>(body.resources().size());
        for (int i = 0; i < body.resources().size(); i++) {
            ExportRequestBody.ResourceBody resource = body.resources().get(i);
            String at = "resources[" + i + "]";
            ResourceType type = ResourceType.parse(resource.type(), at + ".type");
            specs.add(new ResourceSpec(type,
                    ResourceFilters.parse(type, resource.filters(), at + ".filters"),
                    type.selectFields(resource.fields(), at + ".fields"),
                    Optional.ofNullable(resource.cursor()).map(c -> Cursor.decode(c, type, at + ".cursor"))));
        }
        ExportFormat format = ExportFormat.parse(body.format(), "format");
        Optional<CsvOptions> csv = Optional.ofNullable(body.csv())
                .map(c -> new CsvOptions(Boolean.TRUE.equals(c.bom())));
        return new ExportRequest(specs, format, csv);
    }
}
