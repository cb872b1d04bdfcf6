// Limits of a spreadsheet upload, shared by the upload page (which checks before sending) and the server.

/** The largest file accepted: 5 MB is tens of thousands of rows, far more than one delivery. */
export const SHEET_UPLOAD_LIMIT = 5 * 1024 * 1024;
/** The most rows one import takes; a larger delivery is split. */
export const SHEET_MAX_ROWS = 5000;
