import { useEffect, useState } from "react";

/** How long a spoken update waits for typing to pause, so a screen reader is not interrupted on every key. */
const ANNOUNCE_AFTER_MS = 900;

export function lengthWords(length: number, max: number): string {
  const over = length - max;
  return over > 0
    ? `${over.toLocaleString("en")} character${over === 1 ? "" : "s"} too many`
    : `${length.toLocaleString("en")} of ${max.toLocaleString("en")} characters used`;
}

/**
 * The length limit of a text field. Without JavaScript it says the limit in words
 * (the server refuses longer text with a sentence and keeps it); with JavaScript it
 * counts as the person types ("123 / 2,000") and tells a screen reader politely
 * once typing pauses. The field should name `id` in its aria-describedby.
 */
export function CharacterCount({ id, max, length }: { id: string; max: number; length: number }) {
  const [hydrated, setHydrated] = useState(false);
  const [spoken, setSpoken] = useState("");
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!hydrated) return;
    const timer = setTimeout(() => setSpoken(lengthWords(length, max)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [hydrated, length, max]);
  const over = length > max;
  return (
    <>
      <span id={id} className={over ? "help char-count char-count-over" : "help char-count"}>
        {hydrated ? (
          <>
            {length.toLocaleString("en")} / {max.toLocaleString("en")}
            {over ? ` — ${lengthWords(length, max)}` : ""}
          </>
        ) : (
          `Up to ${max.toLocaleString("en")} characters.`
        )}
      </span>
      <span className="sr-only" aria-live="polite">
        {spoken}
      </span>
    </>
  );
}
