// Why a request got no answer, in words a participant can act on (the low-level
// cause — "getaddrinfo ENOTFOUND api.github.com" — goes to the server log instead).
export function unreachableReason(cause: string | undefined): string {
  const text = cause ?? "";
  if (/ENOTFOUND|EAI_AGAIN/i.test(text))
    return "its address could not be looked up (is this server offline?)";
  if (/ECONNREFUSED/i.test(text)) return "the connection was refused";
  if (/ECONNRESET|socket hang up/i.test(text)) return "the connection was cut off";
  if (/timed? ?out|ETIMEDOUT|abort/i.test(text)) return "it did not answer in time";
  return "no answer came";
}
