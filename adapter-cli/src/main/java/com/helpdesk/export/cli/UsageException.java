package com.helpdesk.export.cli;

/** A command line or a value that can never be right: exit status 2, with the command's usage line. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
