import { describe, expect, it } from "vitest";
import { batched } from "./batch.js";
import type { Result as Answer, Rejection } from "./types.js";

/** What the calls under test fail with: Tauri's refusals and one error of their own. */
type Failure = Rejection | { kind: "invalid_input"; message: string };
type Result<T> = Answer<T, Failure>;
type Many = Promise<Result<Item[]>>;
type Item =
  | { status: "ok"; data: number }
  | { status: "error"; error: { kind: "invalid_input"; message: string } };

/** A list call that doubles each number (refusing negatives), records each list it got and how
 * many calls were in flight at once, and answers after a few milliseconds. */
function doubler() {
  const calls: number[][] = [];
  let inFlight = 0;
  let most = 0;
  const call = async (items: number[]): Promise<Result<Item[]>> => {
    calls.push(items);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 3));
    inFlight -= 1;
    return {
      status: "ok",
      data: items.map((n) =>
        n < 0
          ? { status: "error", error: { kind: "invalid_input", message: `${n}` } }
          : { status: "ok", data: n * 2 },
      ),
    };
  };
  return { calls, call, most: () => most };
}

describe("batched", () => {
  it("sends the calls of one task as one list, in order, and answers each its own item", async () => {
    const { calls, call } = doubler();
    const double = batched(call, 100);
    const answers = await Promise.all([double(1), double(-2), double(3)]);
    expect(calls).toEqual([[1, -2, 3]]);
    expect(answers).toEqual([
      { status: "ok", data: 2 },
      { status: "error", error: { kind: "invalid_input", message: "-2" } },
      { status: "ok", data: 6 },
    ]);
  });

  it("keeps one call in flight; what is asked meanwhile goes in the next, at most `most` each", async () => {
    const { calls, call, most } = doubler();
    const double = batched(call, 2);
    const first = double(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    // The first call is in flight: these wait for it, then go two at a time.
    const rest = [2, 3, 4, 5, 6].map(double);
    await Promise.all([first, ...rest]);
    expect(calls).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(most()).toBe(1);
  });

  it("gathers the callers an answer wakes into one call, however long their promise chains", async () => {
    const { calls, call } = doubler();
    const double = batched(call, 100);
    const sender = async (base: number) => {
      for (let n = 0; n < 3; n++) {
        const answer = await double(base + n);
        if (answer.status !== "ok") throw new Error("refused");
        // More awaits, as `unwrap` and the caller's own code add: a different number each.
        for (let hop = 0; hop < base; hop++) await Promise.resolve();
      }
    };
    await Promise.all([0, 1, 5, 20].map(sender));
    expect(calls.map((c) => c.length)).toEqual([4, 4, 4]);
  });

  it("gives every caller the failure of the whole call, and the next call goes on", async () => {
    let fail = true;
    const double = batched(async (items: number[]): Promise<Result<Item[]>> => {
      if (fail) {
        fail = false;
        return { status: "error", error: { kind: "permission_denied", message: "no" } };
      }
      return { status: "ok", data: items.map((n) => ({ status: "ok", data: n * 2 })) };
    }, 10);
    const refused = await Promise.all([double(1), double(2)]);
    expect(refused.map((r) => r.status === "error" && r.error.kind)).toEqual([
      "permission_denied",
      "permission_denied",
    ]);
    expect(await double(3)).toEqual({ status: "ok", data: 6 });
  });

  it("answers every caller and goes on after a call that throws at once or answers nonsense", async () => {
    let round = 0;
    const double = batched((items: number[]): Many => {
      round += 1;
      if (round === 1) throw new Error("at once");
      if (round === 2) return Promise.resolve({ status: "ok", data: null as unknown as Item[] });
      return Promise.resolve({
        status: "ok",
        data: items.map((n) => ({ status: "ok", data: n * 2 })),
      });
    }, 10);
    const kind = (r: Result<unknown>) => (r.status === "error" ? r.error.kind : "ok");
    expect((await Promise.all([double(1), double(2)])).map(kind)).toEqual([
      "ipc_failure",
      "ipc_failure",
    ]);
    expect(kind(await double(3))).toBe("ipc_failure");
    expect(await double(4)).toEqual({ status: "ok", data: 8 });
  });

  it("turns a call that throws, or answers too few, into `ipc_failure` for those callers", async () => {
    const throws = batched(async (): Promise<Result<Item[]>> => {
      throw new Error("gone");
    }, 10);
    expect(await throws(1)).toEqual({
      status: "error",
      error: { kind: "ipc_failure", message: "Error: gone" },
    });
    const short = batched(async (): Promise<Result<Item[]>> => ({ status: "ok", data: [] }), 10);
    const answer = await short(1);
    expect(answer.status === "error" && answer.error.kind).toBe("ipc_failure");
  });
});
