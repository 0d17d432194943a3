// What one page view reads more than once (its cohort, the viewer's memberships in it)
// is read once: the layout's loader and the page's loader of the same GET share it.
// Only requests that change nothing get a scope, so an action never sees a row read
// before its own write. Outside a scope (tests, jobs) every call simply loads.
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = Map<string, Promise<unknown>>;

// The server entry and the app bundle each load this module: they share one store.
const KEY = Symbol.for("cohort.requestScope");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Scope> | undefined>;
const storage: AsyncLocalStorage<Scope> = (holder[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs `work` (the handling of one read-only request) with its own memo. */
export function withReadScope<T>(work: () => T): T {
  return storage.run(new Map(), work);
}

/** Whether this code runs inside a read-only request's scope. */
export function inReadScope(): boolean {
  return storage.getStore() !== undefined;
}

export function isReadOnly(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** `load()` once per read-only request for this key; a failed load is not kept. */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = storage.getStore();
  if (!memo) return load();
  let pending = memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
  }
  return pending;
}
