//! A typed mock of the core, for unit tests of pages: no app, no webview. Only tests import it.
//!
//! `mockCore({ window, open, commands })` stands in for everything behind
//! `window.__TAURI_INTERNALS__`, for the page under test (running as `window`) and for the other
//! open windows, which tests play through `core.as(label)`:
//! - commands: each handler is typed from the bindings (its arguments and its result), a
//!   handler fails with `throw new Fails(error)`, and a command nobody mocked fails the test
//!   at `core.done()`;
//! - the capabilities in `app/capabilities/`: a window calling a command its capability does
//!   not grant is refused as the real app refuses it (`permission_denied`);
//! - events as the Outbox sends them: to the windows of an audience, over each one's Channel
//!   (or `emit_to`), held for a window until its page calls `windowReady` (at most
//!   `HELD_EVENTS`, and of a latest-only event only the newest), then delivered in order and
//!   followed by the window list; the window list sent to all when a window opens or closes;
//!   and page-to-page notes by `emitTo` label.

import type { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockWindows } from "@tauri-apps/api/mocks";
import inspectorCapability from "../../../app/capabilities/inspector.json";
import mainCapability from "../../../app/capabilities/main.json";
import workerCapability from "../../../app/capabilities/worker.json";
import { type EventSpec, events } from "../../../bindings/events";
import type {
  AppError,
  Audience,
  commands,
  Delivery,
  ReadyReport,
  Transport,
  WindowLabel,
} from "../../../bindings/ipc";
import { HELD_EVENTS } from "../../../bindings/ipc";
import type { Sent } from "./ipc";
import { pluginCommands } from "./plugin";

/** The app's commands and the plugin's, by their names in TypeScript. */
type Commands = typeof commands & typeof pluginCommands;
/** What command `K` answers when it succeeds. */
type Data<K extends keyof Commands> = Extract<
  Awaited<ReturnType<Commands[K]>>,
  { status: "ok" }
>["data"];
/** A stand-in for each command, typed from the bindings: the same arguments, the same result. */
export type Handlers = {
  [K in keyof Commands]?: (...args: Parameters<Commands[K]>) => Data<K> | Promise<Data<K>>;
};

/** The Channel a handler is given, for tests' variables (pages import Tauri only through lib). */
export type { Channel };

/** Thrown by a handler: the command fails with `error`, as the real one would. */
export class Fails {
  constructor(readonly error: AppError) {}
}

/** An event as a window received it. */
export interface Received {
  name: string;
  payload: unknown;
  /** `channel`: over the window's own Channel; `event`: Tauri's routing (`emit_to`). */
  via: Transport;
}

/** An event held for a window still loading. */
interface Held {
  item: Received;
  latestOnly: boolean;
}

/** One open window, played by the test (or the page under test). */
interface Win {
  ready: boolean;
  held: Held[];
  received: Received[];
  /** The page's inbox, once it called `windowReady` (the page under test only). */
  inbox: { id: number; next: number } | null;
}

/** Which capability a label falls under. */
function capabilityOf(label: WindowLabel): { permissions: string[] } {
  if (label === "main") return mainCapability;
  if (label === "inspector") return inspectorCapability;
  return workerCapability;
}

/** `sendMessage` -> `send_message`, as the bindings name commands to Tauri. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A command's name to Tauri: `send_message`, or `plugin:switchboard|subscribe_trace`. */
const wireName = (name: string) =>
  name in pluginCommands ? `plugin:switchboard|${snake(name)}` : snake(name);
/** Tauri's plugins' prefixes, and the prefix of their permissions in a capability. */
const pluginPermissions: Record<string, string> = {
  "plugin:event|": "core:event:",
  "plugin:switchboard|": "switchboard:",
};
/** `send_message` -> `allow-send-message`, the permission that grants it (a plugin's with its
 * prefix: `core:event:allow-listen`, `switchboard:allow-window-ready`). */
const permission = (command: string) => {
  const [prefix, granted] = Object.entries(pluginPermissions).find(([p]) =>
    command.startsWith(p),
  ) ?? ["", ""];
  return `${granted}allow-${command.slice(prefix.length).replaceAll("_", "-")}`;
};

/** The arguments of a call, in the order of the binding's parameters. */
function positional(args: unknown): unknown[] {
  if (args === undefined || args === null) return [];
  if (args instanceof ArrayBuffer || ArrayBuffer.isView(args)) return [args];
  return Object.values(args as Record<string, unknown>);
}

type Internals = {
  invoke: (cmd: string, args?: unknown) => Promise<unknown>;
  transformCallback: (callback: (data: unknown) => void, once?: boolean) => number;
  unregisterCallback: (id: number) => void;
  runCallback: (id: number, data: unknown) => void;
  callbacks: Map<number, (data: unknown) => void>;
};

/** The mock; see the module's doc. */
export interface Core {
  /** Calls `command` as window `label` would, through its capability: how a test plays the
   * other windows. */
  as(label: WindowLabel): {
    invoke: (command: string, args?: Record<string, unknown>) => Promise<unknown>;
  };
  /** Sends `event` as the core's Outbox does, to `audience`, by `transport` (the Channel unless
   * given); held for windows not ready yet. */
  send<T>(
    event: EventSpec<T, "broadcast" | "targeted">,
    audience: Audience,
    payload: T,
    transport?: Transport,
  ): Sent;
  /** Opens `label`: loading until its page is ready, which for a window the test plays is
   * `core.ready(label)`; every window is sent the new list. */
  open(label: WindowLabel): void;
  /** Closes `label`: what was held for it is dropped, sends to it fail, and every window is
   * sent the new list. */
  close(label: WindowLabel): void;
  /** Marks a window the test plays as ready, delivering what was held for it. */
  ready(label: WindowLabel): void;
  /** What window `label` has received so far, oldest first. */
  received(label: WindowLabel): Received[];
  /** The open windows, sorted as the core sorts them. */
  openWindows(): WindowLabel[];
  /** Every command called, by whom, with its arguments. */
  calls: { window: WindowLabel; command: string; args: unknown }[];
  /** The window whose call a handler is answering (read it before the handler awaits). */
  readonly caller: WindowLabel;
  /** Sends `message` to the page over `channel`, a Channel a handler was given (a job's
   * progress, a download's chunks), as Rust's `channel.send` does. */
  toChannel<T>(channel: Channel<T>, message: T): void;
  /** Waits until whatever was sent has been delivered. */
  settled(): Promise<void>;
  /** Removes the mock; throws if the page called a command that no handler stood in for. */
  done(): void;
}

/** Sorted as `WindowLabel`'s order in Rust: main, inspector, then workers by number. */
function sorted(labels: WindowLabel[]): WindowLabel[] {
  const rank = (l: WindowLabel) =>
    l === "main" ? -2 : l === "inspector" ? -1 : Number(l.slice("worker-".length));
  return [...labels].sort((a, b) => rank(a) - rank(b));
}

/** Installs the mock; `window` is the page under test. */
export function mockCore(options: {
  window: WindowLabel;
  open?: WindowLabel[];
  commands?: Handlers;
}): Core {
  const page = options.window;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, handler] of Object.entries(options.commands ?? {})) {
    handlers[wireName(name)] = handler as (...args: unknown[]) => unknown;
  }
  const windows = new Map<WindowLabel, Win>();
  const problems: string[] = [];
  const calls: Core["calls"] = [];
  /** The page's event listeners: handler id -> event name and the window it listens in. */
  const listeners = new Map<number, { event: string; label: string }>();
  let deliveries = Promise.resolve();
  let caller = page;
  /** The next message index of each Channel the test sends to. */
  const channelIndex = new Map<number, number>();

  mockWindows(page);
  const internals = (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__;
  const callbacks = new Map<number, (data: unknown) => void>();
  let nextCallback = 1;
  internals.transformCallback = (callback, once = false) => {
    const id = nextCallback++;
    callbacks.set(id, (data) => {
      if (once) callbacks.delete(id);
      callback(data);
    });
    return id;
  };
  internals.unregisterCallback = (id) => void callbacks.delete(id);
  internals.runCallback = (id, data) => callbacks.get(id)?.(data);
  internals.callbacks = callbacks;

  const win = (label: WindowLabel): Win | undefined => windows.get(label);
  const openWindow = (label: WindowLabel) => {
    if (!windows.has(label))
      windows.set(label, { ready: false, held: [], received: [], inbox: null });
  };

  /** Hands `item` to window `label` now: to the page's Channel or listeners, or to the log of
   * a window the test plays. */
  function deliver(label: WindowLabel, item: Received): void {
    const w = win(label);
    if (!w) return;
    w.received.push(item);
    if (label !== page) return;
    deliveries = deliveries.then(() => {
      if (item.via === "channel" && w.inbox) {
        const batch: Delivery[] = [{ name: item.name, payload: item.payload }];
        internals.runCallback(w.inbox.id, { message: batch, index: w.inbox.next++ });
        return;
      }
      for (const [id, listener] of listeners) {
        if (listener.event === item.name && listener.label === label) {
          internals.runCallback(id, { event: item.name, id, payload: item.payload });
        }
      }
    });
  }

  /** Holds `item` for a loading window, as the Outbox does; false when its queue is full. */
  function hold(w: Win, held: Held): boolean {
    if (held.latestOnly) w.held = w.held.filter((h) => h.item.name !== held.item.name);
    else if (w.held.filter((h) => !h.latestOnly).length >= HELD_EVENTS) return false;
    w.held.push(held);
    return true;
  }

  function send(
    event: EventSpec<unknown>,
    audience: Audience,
    payload: unknown,
    via: Transport,
  ): Sent {
    const open = sorted([...windows.keys()]);
    const targets =
      audience.to === "all"
        ? open
        : audience.to === "workers"
          ? open.filter((l) => l.startsWith("worker-"))
          : audience.to === "one"
            ? [audience.label]
            : [...new Set(audience.labels)];
    const missing = targets.find((l) => !windows.has(l));
    if (missing)
      throw new Fails({
        kind: "window_not_found",
        message: `window \`${missing}\` is not open`,
        label: missing,
      });
    const sent: Sent = { emitted: [], held: [], notHeld: [] };
    for (const label of targets) {
      const w = windows.get(label) as Win;
      const item = { name: event.name, payload, via };
      if (w.ready) {
        deliver(label, item);
        sent.emitted.push(label);
      } else if (hold(w, { item, latestOnly: event.latestOnly === true })) {
        sent.held.push(label);
      } else {
        sent.notHeld.push(label);
      }
    }
    return sent;
  }

  function markReady(label: WindowLabel): number {
    const w = win(label);
    if (!w)
      throw new Fails({
        kind: "window_not_found",
        message: `window \`${label}\` is not open`,
        label,
      });
    const held = w.held;
    w.held = [];
    w.ready = true;
    for (const { item } of held) deliver(label, item);
    // Last, as the core does: whatever list was held, the page ends with the current one.
    deliver(label, {
      name: events.windowsChanged.name,
      payload: { open: sorted([...windows.keys()]) },
      via: "channel",
    });
    return held.length;
  }

  /** A call from `label`, answered as the core would: a `Fails` becomes the command's error. */
  async function invokeAs(label: WindowLabel, cmd: string, args: unknown): Promise<unknown> {
    try {
      return await answer(label, cmd, args);
    } catch (e) {
      throw e instanceof Fails ? e.error : e;
    }
  }

  async function answer(label: WindowLabel, cmd: string, args: unknown): Promise<unknown> {
    if (!capabilityOf(label).permissions.includes(permission(cmd))) {
      // The text Tauri's ACL gives; the bindings turn it into `permission_denied`.
      throw `Command ${cmd} not allowed by ACL`;
    }
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "plugin:event|listen":
        if (label === page) {
          const target = a.target as { label?: string };
          listeners.set(a.handler as number, {
            event: a.event as string,
            label: target.label ?? page,
          });
        }
        return a.handler;
      case "plugin:event|emit_to": {
        const target = a.target as { kind: string; label?: string };
        const to = target.label as WindowLabel | undefined;
        if (target.kind === "App" || !to) return null;
        if (windows.has(to))
          deliver(to, { name: a.event as string, payload: a.payload, via: "event" });
        return null;
      }
      case "plugin:switchboard|window_ready": {
        const w = win(label);
        const inbox = a.inbox as { id: number } | undefined;
        if (w && inbox && label === page) w.inbox = { id: inbox.id, next: 0 };
        const report: ReadyReport<WindowLabel> = { label, flushed: markReady(label) };
        return report;
      }
    }
    calls.push({ window: label, command: cmd, args });
    const handler = handlers[cmd];
    if (!handler) {
      problems.push(`${label} called \`${cmd}\`, which no handler of mockCore stands in for`);
      throw new Error(`no mock for \`${cmd}\``);
    }
    caller = label;
    return handler(...positional(args));
  }

  /** Tells every window which windows are open, as the core does when one opens or closes. */
  function announce(): void {
    send(events.windowsChanged, { to: "all" }, { open: sorted([...windows.keys()]) }, "channel");
  }

  internals.invoke = (cmd, args) => invokeAs(page, cmd, args);
  for (const label of [page, ...(options.open ?? [])]) openWindow(label);

  return {
    as: (label) => ({ invoke: (command, args) => invokeAs(label, command, args) }),
    send: (event, audience, payload, transport = "channel") =>
      send(event, audience, payload, transport),
    open: (label) => {
      openWindow(label);
      announce();
    },
    close: (label) => {
      windows.delete(label);
      announce();
    },
    ready: (label) => void markReady(label),
    received: (label) => [...(win(label)?.received ?? [])],
    openWindows: () => sorted([...windows.keys()]),
    calls,
    get caller() {
      return caller;
    },
    toChannel: (channel, message) => {
      const index = channelIndex.get(channel.id) ?? 0;
      channelIndex.set(channel.id, index + 1);
      deliveries = deliveries.then(() => internals.runCallback(channel.id, { message, index }));
    },
    settled: async () => {
      let seen: Promise<void>;
      do {
        seen = deliveries;
        await seen;
      } while (seen !== deliveries);
    },
    done: () => {
      clearMocks();
      if (problems.length > 0) throw new Error(problems.join("\n"));
    },
  };
}
