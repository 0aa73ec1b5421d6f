//! Window labels on the TypeScript side: the generated `WindowLabel` type plus parsing.

import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import type { WindowLabel } from "../../../bindings/ipc";

export type { WindowLabel };

/** A worker's label, `worker-1` to `worker-9999`. */
export type WorkerLabel = Extract<WindowLabel, `worker-${string}`>;

/** The label if `text` is one, else `null`; the same rules as Rust's `WindowLabel::from_str`. */
export function parseLabel(text: string): WindowLabel | null {
  if (text === "main" || text === "inspector") return text;
  return /^worker-[1-9][0-9]{0,3}$/.test(text) ? (text as WorkerLabel) : null;
}

/** True for `worker-<n>`. */
export function isWorker(label: WindowLabel): label is WorkerLabel {
  return label.startsWith("worker-");
}

/** This window's label; throws if the window is not one of ours. */
export function currentLabel(): WindowLabel {
  const label = parseLabel(getCurrentWebviewWindow().label);
  if (label === null)
    throw new Error(`not a Switchboard window: ${getCurrentWebviewWindow().label}`);
  return label;
}
