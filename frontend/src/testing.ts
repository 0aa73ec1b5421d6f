//! This app's typed mock of the core, for unit tests of pages: the plugin's
//! (`tauri-plugin-switchboard-api/testing`) told what this app is. Only tests import it.
//!
//! On top of the plugin's: the capabilities in `app/capabilities/`, this app's audiences
//! (`all`, `workers`, one label, some labels), its labels' order, and the window list it sends
//! (to a page once it is ready, after what was held for it; to all when a window opens or
//! closes), as `windows.rs` does.

import {
  type Core as AnyCore,
  Fails as AnyFails,
  type Handlers as AnyHandlers,
  mockSwitchboard,
} from "tauri-plugin-switchboard-api/testing";
import inspectorCapability from "../../app/capabilities/inspector.json";
import mainCapability from "../../app/capabilities/main.json";
import workerCapability from "../../app/capabilities/worker.json";
import { events } from "../../bindings/events";
import { type AppError, type Audience, type commands, HELD_EVENTS } from "../../bindings/ipc";
import type { WindowLabel } from "./lib/labels";
import type { pluginCommands } from "./lib/plugin";

export type { Channel, Delivered } from "tauri-plugin-switchboard-api/testing";

/** The mock, by this app's labels, audiences and commands. */
export type Core = AnyCore<WindowLabel, Audience, typeof commands & typeof pluginCommands>;
/** A stand-in for each of this app's commands and the plugin's, typed from the bindings. */
export type Handlers = AnyHandlers<typeof commands & typeof pluginCommands>;

/** Thrown by a handler: the command fails with `error`, one of this app's errors. (The
 * plugin's class, typed: the mock recognises what it throws by its class.) */
export const Fails: new (error: AppError) => AnyFails<AppError> = AnyFails;
export type Fails = AnyFails<AppError>;

/** Main, the inspector, then workers by number: `WindowLabel`'s order in Rust. */
const rank = (l: WindowLabel) =>
  l === "main" ? -2 : l === "inspector" ? -1 : Number(l.slice("worker-".length));

/** Tells every window which windows are open, as the core does when one opens or closes. */
const announce = (core: AnyCore<WindowLabel, Audience>) =>
  core.send(events.windowsChanged, { to: "all" }, { open: core.openWindows() });

/** Installs the mock; `window` is the page under test. */
export const mockCore = mockSwitchboard<
  WindowLabel,
  Audience,
  typeof commands & typeof pluginCommands
>({
  events,
  permissions: (label) =>
    label === "main"
      ? mainCapability.permissions
      : label === "inspector"
        ? inspectorCapability.permissions
        : workerCapability.permissions,
  resolve: (audience, open) => {
    switch (audience.to) {
      case "all":
        return open;
      case "workers":
        return open.filter((l) => l.startsWith("worker-"));
      case "one":
        return [audience.label];
      case "some":
        return audience.labels;
    }
  },
  compare: (a, b) => rank(a) - rank(b),
  heldEvents: HELD_EVENTS,
  // Last, as the core does: whatever list was held, the page ends with the current one.
  onReady: (core, label) =>
    void core.send(events.windowsChanged, { to: "one", label }, { open: core.openWindows() }),
  onWindowsChanged: (core) => void announce(core),
});
