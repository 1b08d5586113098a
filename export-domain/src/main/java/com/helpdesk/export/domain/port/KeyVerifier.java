package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyVerification;

/**
 * Answers who a key belongs to. Implementations compare keys only through a one-way hash and never log them.
 */
public interface KeyVerifier {
    KeyVerification verify(ApiKey key);
}
