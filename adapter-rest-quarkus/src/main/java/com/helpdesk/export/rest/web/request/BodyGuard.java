package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first job on a request body: its media type (415), its size (413) and its encoding (strict UTF-8, else 400
 * {@code invalid_json}); what passes is bytes that the JSON reader may parse.
 */
final class BodyGuard {

    private final int maxBodyBytes;

    BodyGuard(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body's bytes, once its media type, size and encoding are acceptable. */
    byte[] admit(String contentType, InputStream body) {
        requireJson(contentType);
        return strictUtf8(readLimited(body));
    }

    static void requireJson(String contentType) {
        String message = "Content-Type must be application/json.";
        if (contentType == null) {
            throw new ExportException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
        }
        String[] parts = contentType.split(";", -1); // -1: ";" alone is two empty parts, not none
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw new ExportException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase("charset")
                    && (pair.length < 2
                            || !pair[1].trim()
                                    .replace("\"", "")
                                    .toLowerCase(Locale.ROOT)
                                    .equals("utf-8"))) {
                throw new ExportException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The request body must be UTF-8 (Content-Type: application/json; charset=utf-8).");
            }
        }
    }

    byte[] readLimited(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new ExportException(
                        ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body could not be read.", null, e);
        }
    }

    /**
     * The body's bytes once they are known to be strict UTF-8 (RFC 8259 section 8.1): malformed or overlong
     * sequences, encoded surrogates and code points past U+10FFFF are refused, and so is a NUL byte, which no JSON
     * text holds raw but every UTF-16 or UTF-32 text does (Jackson would otherwise detect those encodings and
     * accept them). One UTF-8 byte-order mark before the JSON is allowed.
     */
    private static byte[] strictUtf8(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body is empty; send a JSON object.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(in);
        } catch (CharacterCodingException e) {
            throw new ExportException(
                    ErrorCode.INVALID_JSON,
                    "The request body is not valid UTF-8 (near byte " + in.position()
                            + "); send JSON encoded in UTF-8.");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ExportException(
                        ErrorCode.INVALID_JSON,
                        "The request body holds a NUL byte at byte " + i
                                + "; send JSON encoded in UTF-8 (not UTF-16 or UTF-32).");
            }
        }
        return bytes; // Jackson skips one leading UTF-8 byte-order mark itself
    }
}
