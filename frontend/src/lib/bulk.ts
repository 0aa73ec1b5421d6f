//! Moving bytes between this page and the core. {@link pull} is how the app downloads a
//! payload: raw (`downloadRaw`, an `ArrayBuffer`, no JSON); up to 256 KiB as one response,
//! larger as ranges of 256 KiB, 4 in flight. WebKitGTK reads a response body in small pieces on
//! the core's main thread, which every window shares, and the larger the body the slower (one
//! raw response of 100 MiB moves at about half the rate of ranges). A range is what another
//! window's call may wait behind (docs/tauri-behaviour.md#bulk-on-the-main-thread), so ranges
//! stay small; several in flight keep the bulk lane busy, and the page shows progress. The core
//! takes at most 8 of one window's transfers at once (the limit `transfers_in_flight`).
//! docs/performance.md compares it with one raw response, other range sizes, Channel chunks and
//! JSON.

import { commands } from "../../../bindings/ipc";
import { unwrap } from "./ipc";

/** Byte `i` of the pattern every download is a slice of (`payload_byte` in bulk.rs). */
export function patternByte(i: number): number {
  return i % 251;
}

/** The index of the first byte of `bytes` that is not the pattern from `offset`, or -1. */
export function firstWrongByte(bytes: Uint8Array, offset = 0): number {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== patternByte(offset + i)) return i;
  }
  return -1;
}

/** How {@link pull} splits a download. */
export type PullOptions = {
  /** A payload up to this size comes as one response: 256 KiB unless given. */
  whole?: number;
  /** Bytes per range of a larger payload: 256 KiB unless given. */
  piece?: number;
  /** Ranges requested at once: 4 unless given (the core takes at most 8 of a window's). */
  inFlight?: number;
  /** Called with the bytes received so far, after each range. */
  onProgress?: (received: number) => void;
};

/** Downloads bytes `0..len` of the pattern, as one raw response or as raw ranges of `piece`
 * bytes, `inFlight` at a time, into one array. Rejects with `CommandFailed` if a range fails. */
export async function pull(len: number, options: PullOptions = {}): Promise<Uint8Array> {
  const whole = options.whole ?? 256 << 10;
  if (len <= whole) {
    // One response: its buffer is the result, with no copy.
    const bytes = new Uint8Array(await unwrap(commands.downloadRaw(0, len)));
    if (bytes.length !== len) throw new Error(`${len} bytes came back as ${bytes.length}`);
    options.onProgress?.(len);
    return bytes;
  }
  const piece = Math.max(1, options.piece ?? 256 << 10);
  const inFlight = Math.max(1, Math.min(options.inFlight ?? 4, Math.ceil(len / piece)));
  const out = new Uint8Array(len);
  let next = 0;
  let received = 0;
  // After the first failure the others ask for nothing more and report no progress.
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < len && !failed) {
      const offset = next;
      const size = Math.min(piece, len - offset);
      next += size;
      try {
        const range = await unwrap(commands.downloadRaw(offset, size));
        if (range.byteLength !== size) {
          throw new Error(`range ${offset}+${size} came back with ${range.byteLength} bytes`);
        }
        out.set(new Uint8Array(range), offset);
      } catch (e) {
        failed = true;
        throw e;
      }
      if (failed) return;
      received += size;
      options.onProgress?.(received);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return out;
}
