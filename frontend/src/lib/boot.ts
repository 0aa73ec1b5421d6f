//! Starting a page: each section registers its listeners and handlers, then the page tells
//! the core it is ready, in every case. A page that never announces itself would have every
//! event for it held by the core until its limit, so a section that fails is shown in the
//! status line, and the others still work.

import { messageOf, showStatus } from "./dom";
import { announceReady } from "./events";

/** A section's start: resolves once its listeners are registered. */
export type Start = () => Promise<unknown> | unknown;

/** Starts every section at once, waits for all of them, then announces the page ready (also
 * when some failed, which the status line names). */
export async function boot(sections: Record<string, Start>): Promise<void> {
  const names = Object.keys(sections);
  const started = await Promise.allSettled(names.map(async (name) => sections[name]?.()));
  const failed = started.flatMap((outcome, i) =>
    outcome.status === "rejected" ? [`${names[i]} failed: ${messageOf(outcome.reason)}`] : [],
  );
  try {
    const ready = await announceReady();
    const flushed = `${ready.flushed} held event(s) delivered`;
    showStatus(
      failed.length ? `ready (${flushed}), but ${failed.join("; ")}` : `ready (${flushed})`,
      failed.length > 0,
    );
  } catch (e) {
    showStatus(`not ready: ${[messageOf(e), ...failed].join("; ")}`, true);
  }
}
