//! How the inspector words a trace entry: a call, an event, a refusal or a log record.

import type { Audience } from "../../../bindings/ipc";
import type { TraceEntry } from "./ipc";

/** One row of the inspector's table. */
export interface Row {
  name: string;
  subject: string;
  detail: string;
  tone: "ok" | "error" | "event" | "refused";
}

/** `all`, `workers`, a label, or labels joined by commas. */
export function audienceText(audience: Audience): string {
  switch (audience.to) {
    case "all":
    case "workers":
      return audience.to;
    case "one":
      return audience.label;
    case "some":
      return audience.labels.join(",");
  }
}

export function describeEntry(entry: TraceEntry): Row {
  switch (entry.type) {
    case "command":
      return {
        name: entry.command,
        subject: entry.window,
        detail: `${entry.durationUs} µs ${entry.error ?? "ok"}`,
        tone: entry.error ? "error" : "ok",
      };
    case "event": {
      const held = entry.held.length ? `, held for ${entry.held.join(",")}` : "";
      const full = entry.notHeld.length ? `, NOT held (full) for ${entry.notHeld.join(",")}` : "";
      return {
        name: entry.name,
        subject: `→ ${audienceText(entry.audience)}`,
        detail: `${entry.bytes} B via ${entry.transport}${held}${full}`,
        tone: entry.notHeld.length ? "error" : "event",
      };
    }
    case "refused":
      return { name: entry.name, subject: "", detail: entry.reason, tone: "refused" };
    case "log":
      return {
        name: entry.level,
        subject: entry.target,
        detail: entry.message,
        tone: entry.level === "error" ? "error" : entry.level === "warn" ? "refused" : "ok",
      };
  }
}
