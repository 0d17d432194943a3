import { describe, expect, it } from "vitest";
import { createRequestQueue } from "./request-queue";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("pages take turns", () => {
  it("runs at most the number of places at once and the rest in arrival order, refusing none", async () => {
    const queue = createRequestQueue(2);
    const started: number[] = [];
    const leave = Array.from({ length: 6 }, (_, n) => queue.enter(() => started.push(n)));
    expect(started).toEqual([0, 1]);
    expect(queue.size()).toEqual({ running: 2, waiting: 4 });
    leave[1]();
    leave[1](); // 'finish' and then 'close': the place is given back once
    await tick();
    expect(started).toEqual([0, 1, 2]);
    leave[0]();
    leave[2]();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    leave[3]();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    leave[4]();
    leave[5]();
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });

  it("a browser that gives up while waiting loses its turn, also when the place was already on its way", async () => {
    const queue = createRequestQueue(1);
    const started: string[] = [];
    const first = queue.enter(() => started.push("first"));
    const gone = queue.enter(() => started.push("gone"));
    const handed = queue.enter(() => started.push("handed"));
    const last = queue.enter(() => started.push("last"));
    gone(); // left the line
    first(); // the place is on its way to "handed"…
    handed(); // …which closes before it starts: the place goes on to "last"
    await tick();
    await tick();
    expect(started).toEqual(["first", "last"]);
    last();
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });
});
