// The one door through which every action reads what a browser sent. A body that is
// not a form, is cut off, is too large, or carries text the databases cannot store
// (a NUL byte; PostgreSQL refuses it in text) is answered with a 4xx and a sentence
// before any domain code runs, so nothing is changed (docs/decisions/060).

import { FORM_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES } from "./body-limits";

export const FORM_BODY_LIMIT = FORM_BODY_LIMIT_BYTES;
export const WEBHOOK_BODY_LIMIT = WEBHOOK_BODY_LIMIT_BYTES;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export function badRequest(message: string): Response {
  return new Response(message, {
    status: 400,
    statusText: "Request refused",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function tooLarge(limit: number): Response {
  const mb = Math.round(limit / (1024 * 1024));
  return new Response(`What was sent is larger than this server accepts (${mb} MB at most).`, {
    status: 413,
    statusText: "Too large",
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}

// NUL (PostgreSQL refuses it in text and JSON) and UTF-16 halves without their pair
// (they cannot be written as UTF-8 and would be stored as U+FFFD, silently changed).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * Reads at most `limit` bytes of the body; a declared or actual size beyond it
 * throws 413 without reading the rest into memory.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    throw badRequest("The request arrived incomplete. Please send it again.");
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The raw text of a body (webhooks), limited to `limit` bytes. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/**
 * The submitted form, or a thrown 400/413 Response with a sentence: for a body that
 * is JSON, text/plain or anything else that is not a form, a truncated multipart
 * body, a file, or text no database can store.
 */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.has(type)) {
    throw badRequest(
      "This address only accepts the form on its page. Please go back, reload the page and send the form again.",
    );
  }
  const bytes = await readBodyBytes(request, FORM_BODY_LIMIT);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw badRequest("The form arrived incomplete or garbled. Please go back and send it again.");
  }
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") throw badRequest("This form does not take files.");
    if (hasUnstorableText(key) || hasUnstorableText(value)) {
      throw badRequest(
        "The form contains an invisible control character (such as a NUL byte) that cannot be saved. Remove it and send the form again.",
      );
    }
  }
  return form;
}
