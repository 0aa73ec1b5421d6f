//! Window labels on the TypeScript side: the generated `WindowLabel` type plus parsing.

import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import type { WindowLabel } from "../../../bindings/ipc";

export type { WindowLabel };

/** The label if `text` is one, else `null`; the same rules as Rust's `WindowLabel::from_str`. */
export function parseLabel(text: string): WindowLabel | null {
  if (text === "main" || text === "inspector") return text;
  return /^worker-[1-9][0-9]{0,9}$/.test(text) && Number(text.slice(7)) <= 0xffffffff
    ? (text as WindowLabel)
    : null;
}

/** True for `worker-<n>`. */
export function isWorker(label: WindowLabel): label is `worker-${number}` {
  return label.startsWith("worker-");
}

/** This window's label; throws if the window is not one of ours. */
export function currentLabel(): WindowLabel {
  const label = parseLabel(getCurrentWebviewWindow().label);
  if (label === null)
    throw new Error(`not a Switchboard window: ${getCurrentWebviewWindow().label}`);
  return label;
}
