package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Scope;

/**
 * Reads resources. Every read of one export goes through one {@link ReadSnapshot}, so that all its resources
 * show the data as it was at one moment. Implementations translate their own failures into
 * {@link com.helpdesk.export.domain.error.ExportException}s ({@code SERVICE_UNAVAILABLE} when the store cannot
 * be reached).
 */
public interface ResourceReader {

    /** Opens a consistent, read-only view of the rows of {@code scope}. The caller closes it. */
    ReadSnapshot openSnapshot(Scope scope);
}
