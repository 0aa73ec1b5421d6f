//! Timing loops and probes for `npm run bench`, run inside the pages. Installed only in bench
//! builds (`vite build --mode bench`, made by scripts/bench.sh): it lives outside the pages'
//! sources, and the pages that ship do not contain it.
//!
//! `performance.now()` is coarse in this webview (whole milliseconds have been seen), so each
//! figure times a block of sequential calls, not one call.

import { invoke } from "@tauri-apps/api/core";
import { events } from "../bindings/events";
import { commands, type Transport, type WindowLabel } from "../bindings/ipc";
import { sendMessage } from "../frontend/src/lib/batch";
import { firstWrongByte, type PullOptions, pull } from "../frontend/src/lib/bulk";
import { listenHere, listenRouted } from "../frontend/src/lib/events";
// A failed call throws, so that it cannot pass for a fast one.
import { channel, unwrap } from "../frontend/src/lib/ipc";
import { traceWatchers } from "../frontend/src/pages/inspector";

const toMain = { to: "one", label: "main" } as const;

/** `worker-1` to `worker-<count>`: the runner opens them before it times a fan-out. */
function firstWorkers(count: number): WindowLabel[] {
  return Array.from({ length: count }, (_, i) => `worker-${i + 1}` as WindowLabel);
}

/** One message over the Channels of the first `count` workers. */
function fanOut(count: number): () => Promise<unknown> {
  const audience = { to: "some", labels: firstWorkers(count) } as const;
  return () => unwrap(commands.sendMessage(audience, "bench", "channel"));
}

/** The calls the runner can time, by name. Each is one round trip. */
const calls = {
  /** The generated binding of `counter_get`. */
  typed: () => unwrap(commands.counterGet()),
  /** Tauri's raw `invoke` of the same command. */
  raw: () => invoke("counter_get"),
  /** A command of Tauri's core: an event to Rust that nothing listens to. */
  core: () =>
    invoke("plugin:event|emit_to", { target: { kind: "App" }, event: "bench", payload: null }),
  /** A message to main, over main's own Channel. */
  channel: () => unwrap(commands.sendMessage(toMain, "bench", "channel")),
  /** The same message over Tauri's `emit_to`. */
  event: () => unwrap(commands.sendMessage(toMain, "bench", "event")),
  /** One message to worker-1, over its Channel. */
  fanout1: fanOut(1),
  /** One message to worker-1 to worker-4. */
  fanout4: fanOut(4),
  /** One message to worker-1 to worker-8. */
  fanout8: fanOut(8),
  /** One message to worker-1 to worker-16, the most workers the app opens. */
  fanout16: fanOut(16),
  /** A broadcast: `counter_add(0)` tells every open window the counter's value. */
  broadcast: () => unwrap(commands.counterAdd(0)),
  /** One message to every open window, over their Channels. */
  to_all: () => unwrap(commands.sendMessage({ to: "all" }, "bench", "channel")),
} satisfies Record<string, () => Promise<unknown>>;

/** The name of a call the runner can time. */
export type CallName = keyof typeof calls;

/** Runs one warm-up round, then `rounds` rounds; in each, every call runs a block of `block`
 * sequential calls, in an order rotated each round so that noise hits all of them alike.
 * Returns the milliseconds per call of each block, by call name. */
export async function timeBlocks(
  names: CallName[],
  rounds: number,
  block: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -1; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + 1 + i) % names.length] as CallName;
      const call = calls[name];
      const start = performance.now();
      for (let n = 0; n < block; n++) await call();
      const perCall = (performance.now() - start) / block;
      if (round >= 0) samples[name]?.push(perCall);
    }
  }
  return samples;
}

/** `len` bytes of the pattern over a Channel in chunks of `chunk` bytes, gathered into one
 * array; resolves when the last chunk has arrived (the command returns before that). */
function chunks(len: number, chunk: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const out = new Uint8Array(len);
    let received = 0;
    const onChunk = channel<ArrayBuffer>((data) => {
      out.set(new Uint8Array(data), received);
      received += data.byteLength;
      if (received >= len) resolve(out);
    });
    unwrap(commands.downloadChunks(len, chunk, onChunk)).then(() => {
      if (len === 0) resolve(out);
    }, reject);
  });
}

/** Checks that a download holds `len` bytes of the pattern. */
function checkDownload(bytes: Uint8Array | number[], len: number): void {
  const array = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
  const wrong = array.length === len ? firstWrongByte(array) : 0;
  if (wrong >= 0) throw new Error(`a download of ${len} bytes came back wrong at byte ${wrong}`);
}

/** The transfers the runner can time, by name: each moves `len` bytes once, and returns
 * what arrived, for a check. */
const transfers = {
  /** Down as JSON: `Vec<u8>`, a number per byte. */
  down_json: (len: number) => unwrap(commands.downloadJson(0, len)),
  /** Down as one raw response. */
  down_raw: async (len: number) => new Uint8Array(await unwrap(commands.downloadRaw(0, len))),
  /** Down over a Channel in 64 KiB raw chunks. */
  down_chunks_64k: (len: number) => chunks(len, 64 << 10),
  /** Down over a Channel in 1 MiB raw chunks. */
  down_chunks_1m: (len: number) => chunks(len, 1 << 20),
  /** Down the app's way: `pull` (one response up to 256 KiB, else 256 KiB ranges, 4 in flight). */
  down_pieces: (len: number) => pull(len),
  /** Down as one raw response up to 16 MiB, else ranges of 4 MiB, 4 in flight. */
  down_pieces_large: (len: number) => pull(len, { whole: 16 << 20, piece: 4 << 20, inFlight: 4 }),
  /** Up as JSON (the conversion to a number array included). */
  up_json: (len: number, bytes: Uint8Array) =>
    unwrap(commands.uploadJson(Array.from(bytes.subarray(0, len)))),
  /** Up as the raw body of the call. */
  up_raw: (len: number, bytes: Uint8Array) => unwrap(commands.uploadRaw(bytes.subarray(0, len))),
} satisfies Record<string, (len: number, bytes: Uint8Array) => Promise<unknown>>;

/** The name of a transfer the runner can time. */
export type TransferName = keyof typeof transfers;

/** One warm-up round, whose results are checked, then `rounds` rounds of every transfer at
 * every size, the order rotated each round. Small sizes are timed over blocks of several
 * transfers: up to 8 MiB in all (1 MiB for JSON, which is slow), at most 100 transfers.
 * Returns MiB/s per block, by `name/size`. */
export async function timeTransfers(
  names: TransferName[],
  sizes: number[],
  rounds: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  const upload = new Uint8Array(Math.max(0, ...sizes));
  for (let i = 0; i < upload.length; i++) upload[i] = i % 256;
  // Variants are compared size by size, so each size's variants run back to back, in an order
  // that turns each round: what one leaves to collect (100 MiB arrays) then weighs on a
  // neighbour of the same size, a different one each round.
  for (let round = -1; round < rounds; round++) {
    for (const len of sizes) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + 1 + i) % names.length] as TransferName;
        const total = name.endsWith("json") ? 1 << 20 : 8 << 20;
        const block = Math.max(1, Math.min(100, Math.floor(total / len)));
        const start = performance.now();
        let last: unknown;
        for (let n = 0; n < block; n++) last = await transfers[name](len, upload);
        const seconds = (performance.now() - start) / 1000;
        if (round < 0) {
          if (name.startsWith("down_")) checkDownload(last as Uint8Array | number[], len);
          else if ((last as { bytes: number }).bytes !== len)
            throw new Error(`an upload of ${len} bytes arrived as ${JSON.stringify(last)}`);
          continue;
        }
        // A block faster than the clock's tick counts as one tick.
        const mib = (block * len) / (1 << 20);
        const key = `${name}/${len}`;
        samples[key] = [...(samples[key] ?? []), mib / Math.max(seconds, 0.001)];
      }
    }
  }
  return samples;
}

/** Milliseconds since the epoch, comparable between pages (unlike `performance.now()`). */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** What a probe saw arrive: how many, how many distinct, how often one came before an
 * earlier one, the lowest and highest number, and when the first and last arrived (epoch
 * ms). */
export type Arrivals = {
  received: number;
  distinct: number;
  outOfOrder: number;
  lowest: number;
  highest: number;
  firstAt: number;
  lastAt: number;
};

/** Counts numbered arrivals: by number, so that duplicates and reordering show. */
class Counter {
  private seen = new Set<number>();
  private last = -1;
  private arrivals: Arrivals = {
    received: 0,
    distinct: 0,
    outOfOrder: 0,
    lowest: 0,
    highest: 0,
    firstAt: 0,
    lastAt: 0,
  };

  add(n: number): void {
    const now = epochMs();
    const a = this.arrivals;
    if (a.received === 0) {
      a.firstAt = now;
      a.lowest = n;
    }
    a.lowest = Math.min(a.lowest, n);
    a.highest = Math.max(a.highest, n);
    a.lastAt = now;
    a.received += 1;
    if (n < this.last) a.outOfOrder += 1;
    this.last = n;
    this.seen.add(n);
    a.distinct = this.seen.size;
  }

  get result(): Arrivals {
    return { ...this.arrivals };
  }
}

/** The inbox probe: counts the messages whose text is `tag`. Its listener is registered on
 * first use, so pages that never count pay nothing. */
let inboxCount: { tag: string; counter: Counter } | null = null;
let inboxListening: Promise<void> | null = null;

/** Starts counting the messages with text `tag` that reach this page. */
async function countInbox(tag: string): Promise<void> {
  inboxCount = { tag, counter: new Counter() };
  const count = (text: unknown, seq: unknown) => {
    if (inboxCount && inboxCount.tag === text && typeof seq === "number")
      inboxCount.counter.add(seq);
  };
  // Over the Channel, and what comes by `emit_to` (the `*_event` floods), which pages hear
  // only as an unverified claim.
  inboxListening ??= Promise.all([
    listenHere(events.inboxMessage, (m) => count(m.text, m.seq)),
    listenRouted(events.inboxMessage, (claim) => {
      if (typeof claim === "object" && claim !== null && "text" in claim && "seq" in claim)
        count(claim.text, claim.seq);
    }),
  ]).then(() => {});
  await inboxListening;
}

/** The trace probe: counts entries by id, and takes frame times while it runs. */
let traceCount: { counter: Counter; frames: number[]; running: boolean } | null = null;

/** Starts counting the trace entries this page (the inspector) receives, and the time
 * between frames. */
function countTrace(): void {
  const probe = { counter: new Counter(), frames: [] as number[], running: true };
  traceCount = probe;
  if (!traceWatchers.includes(watchTrace)) traceWatchers.push(watchTrace);
  let previous = performance.now();
  const frame = (now: number) => {
    if (!probe.running) return;
    probe.frames.push(now - previous);
    previous = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function watchTrace(entries: { id: number }[]): void {
  for (const entry of entries) traceCount?.counter.add(entry.id);
}

/** What the trace probe saw so far; with `stop`, stops its frame timing. */
function traceCounted(stop: boolean): { arrivals: Arrivals; frames: number[] } | null {
  if (!traceCount) return null;
  if (stop) traceCount.running = false;
  return { arrivals: traceCount.counter.result, frames: [...traceCount.frames] };
}

/** How a flood is sent: one `sendBurst` command; the page's batched `sendMessage` per message;
 * or one `sendMessage` command per message. */
export type FloodWay = "burst" | "batched" | "commands";

/** Sends `count` messages with text `tag` to `to`, the `way` given; one at a time per sender,
 * `inFlight` senders. Returns when the first call started (epoch ms). */
async function flood(
  to: WindowLabel,
  tag: string,
  transport: Transport,
  count: number,
  way: FloodWay,
  inFlight: number,
): Promise<number> {
  const audience = { to: "one", label: to } as const;
  const started = epochMs();
  if (way === "burst") {
    await unwrap(commands.sendBurst(audience, tag, transport, count));
    return started;
  }
  const send = way === "batched" ? sendMessage : commands.sendMessage;
  let left = count;
  const sender = async () => {
    while (left > 0) {
      left -= 1;
      await unwrap(send(audience, tag, transport));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return started;
}

/** What a neighbour did while it ran: units of work (calls, MiB, messages) and over how many
 * seconds. */
export type Work = { units: number; seconds: number };

/** The load a worker makes for the neighbours scenario: many commands in flight, or `pull`s
 * of 100 MiB one after another; `fetch` (bench --ranges only) gets the same bytes over plain
 * HTTP from a server on the loopback, a path that leaves the core out. */
export type Noise = "commands" | "pull" | "fetch";

/** The running load of this page, if any. */
let noise: { stop: () => Promise<Work> } | null = null;

/** Starts `kind` in this page, in the background: `inFlight` loops of `counter_get` each
 * awaiting its answer, or one `pull` of `pullBytes` after another (counted as they arrive;
 * `pullOptions` other than the app's ranges, to see what their size and number cost), or
 * `inFlight` loops each fetching `url`'s `pullBytes` into one array, as `pull` gathers them. */
function startNoise(
  kind: Noise,
  inFlight: number,
  pullBytes: number,
  pullOptions: PullOptions = {},
  url = "",
): void {
  if (noise) throw new Error("noise is already running");
  let running = true;
  let units = 0;
  const started = performance.now();
  const loop = async () => {
    while (running) {
      if (kind === "commands") {
        await invoke("counter_get");
        units += 1;
      } else if (kind === "fetch") {
        // Not `units += await …`: that reads `units` before the fetch, and the loops beside
        // this one would add in the meantime for nothing.
        const mib = await fetchInto(url, pullBytes, () => running);
        units += mib;
      } else {
        let before = 0;
        await pull(pullBytes, {
          ...pullOptions,
          onProgress: (received) => {
            // Only while running: a pull still going when the load stops does not count.
            if (running) units += (received - before) / (1 << 20);
            before = received;
          },
        });
      }
    }
  };
  const loops = Array.from({ length: kind === "pull" ? 1 : inFlight }, loop);
  noise = {
    stop: async () => {
      running = false;
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(loops);
      noise = null;
      return { units, seconds };
    },
  };
}

/** Fetches `url` (`len` bytes) into one array while `running()`; the MiB that came meanwhile. */
async function fetchInto(url: string, len: number, running: () => boolean): Promise<number> {
  const body = (await fetch(url)).body;
  if (!body) throw new Error(`no body from ${url}`);
  const reader = body.getReader();
  const into = new Uint8Array(len);
  let received = 0;
  let counted = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    into.set(r.value, received);
    received += r.value.byteLength;
    if (running()) counted = received;
  }
  if (received !== len) throw new Error(`${url}: ${received} bytes of ${len}`);
  return counted / (1 << 20);
}

/** Stops this page's load and says what it did until then. */
function stopNoise(): Promise<Work> {
  if (!noise) throw new Error("no noise is running");
  return noise.stop();
}

/** Bursts of `count` messages with text `tag` to `to` over its Channel, one every `everyMs`
 * (the time the worker takes to take one alone), until `stopBursts`. From main's page: it is
 * the window allowed to send them, and one command per burst is all it costs main. */
let bursting: { stop: () => Promise<void> } | null = null;

function startBursts(to: WindowLabel, tag: string, count: number, everyMs: number): void {
  if (bursting) throw new Error("bursts are already running");
  let running = true;
  const audience = { to: "one", label: to } as const;
  const loop = (async () => {
    while (running) {
      const next = performance.now() + everyMs;
      await unwrap(commands.sendBurst(audience, tag, "channel", count));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  bursting = {
    stop: async () => {
      running = false;
      await loop;
      bursting = null;
    },
  };
}

function stopBursts(): Promise<void> {
  if (!bursting) throw new Error("no bursts are running");
  return bursting.stop();
}

const probes = {
  timeBlocks,
  startNoise,
  stopNoise,
  startBursts,
  stopBursts,
  timeTransfers,
  countInbox,
  inboxCounted: () => inboxCount?.counter.result ?? null,
  countTrace,
  traceCounted,
  flood,
};

declare global {
  interface Window {
    /** Set in bench builds only. */
    __switchboardBench?: typeof probes;
  }
}

/** Makes the timing loops and probes reachable from the runner's scripts. */
export function install(): void {
  window.__switchboardBench = probes;
}
