package org.quizhall.notes;

/** Size limits for pasted notes, shared by the HTTP layer and the importer. */
public final class NotesLimits {
    /** Largest accepted notes text, in UTF-8 bytes (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Largest accepted number of lines. */
    public static final int MAX_LINES = 20_000;

    private NotesLimits() {
    }
}
