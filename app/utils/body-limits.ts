/** Forms are small: the largest real one (an application) is a few kilobytes. */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;
/** GitHub caps webhook payloads at 25 MB. */
export const WEBHOOK_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
