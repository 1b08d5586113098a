package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Row;
import java.io.IOException;

/** Takes rows one at a time, typically writing each to an output. */
@FunctionalInterface
public interface RowConsumer {
    void accept(Row row) throws IOException;
}
