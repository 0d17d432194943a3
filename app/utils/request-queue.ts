// Page requests take turns instead of all running at once (docs/decisions/064).
//
// Fifty browsers asking at the same moment used to start fifty page renders that
// interleaved on one event loop: each took fifty times as long, a timer could fire
// before a waiting socket was read, and the slowest requests waited for the whole
// burst. With a few places and a first-come line, a request waits its turn and then
// runs at its own speed; none is refused for being late.

export type RequestQueue = {
  /**
   * Calls `start` now when a place is free, otherwise when one frees, in arrival order.
   * The returned function gives the place back (or leaves the line); it may be called
   * more than once.
   */
  enter(start: () => void): () => void;
  /** requests running and waiting now */
  size(): { running: number; waiting: number };
};

export function createRequestQueue(places: number): RequestQueue {
  let running = 0;
  const line: (() => void)[] = [];
  // A finished request's place passes to the next in line, which starts on its own
  // stack rather than inside that response's 'finish'.
  const passOn = () => {
    const next = line.shift();
    if (next) setImmediate(next);
    else running--;
  };
  return {
    enter(start) {
      let state: "waiting" | "running" | "done" = "waiting";
      const begin = () => {
        // gone (the browser closed the connection) after being handed the place
        if (state === "done") return passOn();
        state = "running";
        start();
      };
      if (running < places) {
        running++;
        begin();
      } else line.push(begin);
      return () => {
        if (state === "waiting") {
          const at = line.indexOf(begin);
          if (at >= 0) line.splice(at, 1);
        } else if (state === "running") passOn();
        state = "done";
      };
    },
    size: () => ({ running, waiting: line.length }),
  };
}
