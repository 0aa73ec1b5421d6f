//! Batching calls: many calls of one kind made close together go to the core as one command.
//!
//! Every command is a request and an answer that the webview and the core each handle on the
//! main thread, so a page that sends messages one command each tops out near 2,000 a second
//! (docs/performance.md). `sendMessage` here keeps the one-call-per-message API and hands the
//! core everything asked for meanwhile as one `sendMessages` command.

import { type Audience, commands, type Outgoing, type Transport } from "../../../bindings/ipc";
import type { Failure, Result, Sent } from "./ipc";

/** A call's answer for each item, in order, or the failure of the whole call. */
type Many<T> = Promise<Result<({ status: "ok"; data: T } | { status: "error"; error: Failure })[]>>;

/**
 * Turns `call`, which takes a list, into a function of one item. Items asked for while a call
 * is in flight wait and go together in the next (at most `most` per call), so at most one call
 * is in flight: the core sees the items in the order they were asked for. Each caller gets its
 * own item's result; a failure of the whole call (say, `permission_denied`) is every caller's.
 */
export function batched<A, T>(
  call: (items: A[]) => Many<T>,
  most: number,
): (item: A) => Promise<Result<T>> {
  let waiting: { item: A; answer: (result: Result<T>) => void }[] = [];
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
        (e: unknown): Result<never> => ({
          status: "error",
          error: { kind: "ipc_failure", message: String(e) },
        }),
      );
    const missing: Result<never> = {
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

/** Messages per `sendMessages` call: well under the core's `messages_per_call`. */
const MOST = 500;

const send = batched((messages: Outgoing[]) => commands.sendMessages(messages), MOST);

/** Sends `text` to `audience` by `transport`, as `commands.sendMessage` does, batched with the
 * page's other sends. */
export function sendMessage(
  audience: Audience,
  text: string,
  transport: Transport,
): Promise<Result<Sent>> {
  return send({ audience, text, transport });
}
