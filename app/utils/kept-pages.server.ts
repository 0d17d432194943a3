// The heavy pages' data kept in memory while no write has changed it (docs/decisions/079).
import { keptWhileUnchanged, pageKey } from "./data-revision.server";
import { dataRevision } from "./db.server";

/**
 * What `load()` gives, kept in memory for this process while no write that can change a
 * page has committed (and for at most the current minute). `key` names everything the
 * result depends on besides the data: the page, the viewer, the address.
 */
export function keptUntilChanged<T>(key: string, load: () => Promise<T>): Promise<T> {
  return keptWhileUnchanged(dataRevision, key, load);
}

/** A page's data for one viewer, kept while unchanged (keyed by the page, viewer and address). */
export function keptPageData<T>(
  page: string,
  viewerId: string,
  request: Request,
  load: () => Promise<T>,
): Promise<T> {
  return keptUntilChanged(pageKey(page, viewerId, request), load);
}
