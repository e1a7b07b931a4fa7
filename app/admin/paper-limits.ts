// How big a paper-signatures CSV may be: checked on the server, stated on the upload page.

/** Bytes a file may have: checked on the upload's size before a byte of it is read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
/** Data rows a file may have (the parser stops at the next one). */
export const MAX_ROWS = 10_000
