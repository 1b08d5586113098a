package com.helpdesk.export.domain.policy;

/**
 * How many rows of one resource a single export may return: at most {@value #CONTRACT_MAXIMUM}; a deployment may
 * set it lower, never higher. Rows past the limit are never dropped silently: the export says more rows match.
 */
public final class RowLimitPolicy {

    public static final int CONTRACT_MAXIMUM = 10_000;

    private final int maxRowsPerResource;

    private RowLimitPolicy(int maxRowsPerResource) {
        this.maxRowsPerResource = maxRowsPerResource;
    }

    public static RowLimitPolicy contractDefault() {
        return new RowLimitPolicy(CONTRACT_MAXIMUM);
    }

    /**
     * A deployment's setting: 1 to {@value #CONTRACT_MAXIMUM}. Anything else is a mistake in the configuration, not an
     * answer to a caller: it stops the start.
     *
     * @throws IllegalArgumentException outside 1 to {@value #CONTRACT_MAXIMUM}
     */
    public static RowLimitPolicy configured(int maxRowsPerResource) {
        if (maxRowsPerResource < 1 || maxRowsPerResource > CONTRACT_MAXIMUM) {
            throw new IllegalArgumentException("The row limit (export.max-rows-per-resource) must be between 1 and "
                    + CONTRACT_MAXIMUM + ", not " + maxRowsPerResource + ".");
        }
        return new RowLimitPolicy(maxRowsPerResource);
    }

    /** The rows one resource may return in one call, whatever else the request says. */
    public int maxRowsPerResource() {
        return maxRowsPerResource;
    }
}
