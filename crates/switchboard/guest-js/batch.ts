/**
 * @module Batching calls: many calls of one kind made close together go to the core as one
 * command. Every command is a request and an answer that the webview and the core each handle on
 * the main thread, so a page that sends many small calls is bound by their count; `batched`
 * keeps a one-call-per-item API and hands the core everything asked for meanwhile as one call.
 */

import type { Rejection, Result } from "./types.js";

/** A call's answer for each item, in order, or the failure of the whole call. */
type Many<T, E> = Promise<Result<Result<T, E>[], E>>;

/**
 * Turns `call`, which takes a list, into a function of one item. Items asked for while a call
 * is in flight wait and go together in the next (at most `most` per call), so at most one call
 * is in flight: the core sees the items in the order they were asked for. Each caller gets its
 * own item's result; a failure of the whole call (say, `permission_denied`) is every caller's.
 */
export function batched<A, T, E>(
  call: (items: A[]) => Many<T, E>,
  most: number,
): (item: A) => Promise<Result<T, E | Rejection>> {
  let waiting: { item: A; answer: (result: Result<T, E | Rejection>) => void }[] = [];
  let flying = false;

  function schedule(): void {
    if (flying || waiting.length === 0) return;
    flying = true;
    afterThisTask(() => void fly());
  }

  async function fly(): Promise<void> {
    try {
      await answerNext();
    } finally {
      // Whatever happened to this call, the next may go.
      flying = false;
      schedule();
    }
  }

  async function answerNext(): Promise<void> {
    const taken = waiting.slice(0, most);
    waiting = waiting.slice(taken.length);
    // Through a promise, so that a call that throws at once fails its callers like one that
    // rejects.
    const result = await Promise.resolve(taken.map((w) => w.item))
      .then(call)
      .catch(
        (e: unknown): Result<never, Rejection> => ({
          status: "error",
          error: { kind: "ipc_failure", message: String(e) },
        }),
      );
    const missing: Result<never, Rejection> = {
      status: "error",
      error: { kind: "ipc_failure", message: "no answer for this item" },
    };
    for (const [i, w] of taken.entries()) {
      w.answer(result.status === "error" ? result : (result.data?.[i] ?? missing));
    }
  }

  return (item) =>
    new Promise((answer) => {
      waiting.push({ item, answer });
      schedule();
    });
}

/** Runs `run` in a task of its own, after everything the current task started, its promise
 * chains included, has run: so the callers that an answer wakes join the next call together.
 * (A message port, not `setTimeout`, which browsers slow to 4 ms when nested.) */
function afterThisTask(run: () => void): void {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    run();
  };
  port2.postMessage(null);
}
