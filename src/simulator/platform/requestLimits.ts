/** The largest request body the simulator reads, and so the longest query text worth caching. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
