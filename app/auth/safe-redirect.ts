// Where to send someone after signing in: only a path on this site. Browsers forgive
// a lot in a Location header (a tab or newline is dropped, a backslash is read as a
// slash, `/%2F` may be decoded), so anything that could turn into another origin
// after such forgiveness is refused, not repaired.
const BASE = "http://cohort.invalid";

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  for (const text of [to, decoded]) {
    // Control characters and whitespace (tab, CR, LF…) and backslashes never belong in a path we send.
    if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/.test(text)) return fallback;
    if (text.startsWith("//")) return fallback;
  }
  // Encoded slashes or backslashes have no place in the app's own addresses.
  if (/%(2f|5c)/i.test(to.split(/[?#]/)[0])) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}
