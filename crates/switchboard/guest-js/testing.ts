/**
 * @module tauri-plugin-switchboard-api/testing: a typed mock of a Switchboard app's core, for
 * unit tests of pages: no app, no webview. Only tests import it; it is never part of a bundle.
 *
 * `mockSwitchboard<L, A, C>(app)` describes the app once (its window labels `L`, audiences `A`,
 * commands `C`, which capability each window has, how an audience names windows, what the app
 * sends when a window opens, closes or becomes ready). The function it returns,
 * `mockCore({ window, open, commands })`, stands in for everything behind
 * `window.__TAURI_INTERNALS__`, for the page under test (running as `window`) and for the other
 * open windows, which tests play through `core.as(label)`:
 * - commands: each handler is typed from the app's bindings (its arguments and its result), a
 *   handler fails with `throw new Fails(error)`, and a command nobody mocked fails the test at
 *   `core.done()`;
 * - the capabilities: a window calling a command its capability does not grant is refused as
 *   the real app refuses it (`permission_denied`);
 * - events as the plugin sends them: to the windows of an audience, over each one's Channel (or
 *   `emit_to`), held for a window until its page calls `window_ready` (at most `heldEvents`,
 *   and of a latest-only event only the newest), then delivered in order; page-to-page events
 *   relayed (`emitTo`) over the Channel of the window named, with their true sender; and what a
 *   window sends by Tauri's `emit_to`, heard only by listeners of `listenRouted`.
 *
 * What it does not check: that a payload is of its event's type (the plugin parses a relayed
 * one in Rust; the mock passes it on as given).
 */

import type { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockWindows } from "@tauri-apps/api/mocks";
import { PLUGIN_COMMANDS } from "./commands.js";
import type { Delivery, EventSpec, ReadyReport, Route, Sent, Transport } from "./types.js";

/** The Channel a handler is given, for tests' variables. */
export type { Channel };

/** `sendMessage` -> `send_message`: a command's name to Tauri, as a type. */
type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;

/** The plugin's commands, by their names in TypeScript. */
type PluginCommand = (typeof PLUGIN_COMMANDS)[number];

/** What a window the test plays may call by name: the commands of `C` as Tauri names them
 * (the plugin's with their prefix) and Tauri's event commands. Any other name is a typo. */
export type CommandName<C> =
  | Snake<Exclude<keyof C, PluginCommand> & string>
  | `plugin:switchboard|${Snake<Extract<keyof C, PluginCommand>>}`
  | "plugin:event|emit_to"
  | "plugin:event|listen";

/** What a command answers when it succeeds. */
type Data<F> = F extends (...args: never[]) => Promise<infer R>
  ? Extract<R, { status: "ok" }> extends { data: infer D }
    ? D
    : never
  : never;

/** A stand-in for each command of `C` (the app's `commands` object, with the plugin's if it
 * wants them), typed from the bindings: the same arguments, the same result. */
export type Handlers<C> = {
  [K in keyof C]?: C[K] extends (...args: infer P) => Promise<unknown>
    ? (...args: P) => Data<C[K]> | Promise<Data<C[K]>>
    : never;
};

/** Thrown by a handler: the command fails with `error`, as the real one would. */
export class Fails<E = unknown> {
  constructor(readonly error: E) {}
}

/** An event as a window received it. */
export interface Delivered<L extends string = string> {
  name: string;
  payload: unknown;
  /** `channel`: over the window's own Channel; `event`: Tauri's routing (`emit_to`). */
  via: Transport;
  /** The window that sent a relayed page-to-page event; `null` for what Rust sends, and for
   * what comes by `emit_to` (which carries no sender). */
  from: L | null;
}

/** The app, described once for all its tests. */
export interface App<L extends string, A> {
  /** The app's events (its generated `events`): how the mock knows which a page may relay. */
  events: Readonly<Record<string, { readonly name: string; readonly route: Route }>>;
  /** The permissions of the capability that `label` falls under (its `permissions` list). */
  permissions(label: L): readonly string[];
  /** The windows `audience` names, given the open ones in order; a label that is not open
   * fails the send with `window_not_found`, as the plugin does. */
  resolve(audience: A, open: readonly L[]): readonly L[];
  /** How the core orders labels (by `Ord` in Rust). */
  compare(a: L, b: L): number;
  /** How many events the plugin holds for a window still loading (`HELD_EVENTS`). */
  heldEvents: number;
  /** What the app sends when a page has become ready, after what was held (the plugin's
   * `on_ready` hook). */
  onReady?(core: Core<L, A>, label: L): void;
  /** What the app sends when a window opens or closes. */
  onWindowsChanged?(core: Core<L, A>): void;
}

/** The mock; see the module's doc. */
export interface Core<L extends string, A, C = unknown> {
  /** Calls `command` (its name to Tauri) as window `label` would, through its capability: how
   * a test plays the other windows. */
  as(label: L): {
    invoke: (command: CommandName<C>, args?: Record<string, unknown>) => Promise<unknown>;
  };
  /** Sends `event` as the plugin does, to `audience`, by `transport` (the Channel unless
   * given); held for windows not ready yet. The payload is checked against the event's type. */
  send<T>(
    event: EventSpec<T, "broadcast" | "targeted">,
    audience: A,
    payload: NoInfer<T>,
    transport?: Transport,
  ): Sent<L>;
  /** Opens `label`: loading until its page is ready, which for a window the test plays is
   * `core.ready(label)`. */
  open(label: L): void;
  /** Closes `label`: what was held for it is dropped and sends to it fail. */
  close(label: L): void;
  /** Marks a window the test plays as ready, delivering what was held for it. */
  ready(label: L): void;
  /** What window `label` has received so far, oldest first. */
  received(label: L): Delivered<L>[];
  /** The open windows, in the core's order. */
  openWindows(): L[];
  /** Every command called, by whom, with its arguments. */
  calls: { window: L; command: string; args: unknown }[];
  /** The window whose call a handler is answering (read it before the handler awaits). */
  readonly caller: L;
  /** Sends `message` to the page over `channel`, a Channel a handler was given (a job's
   * progress, a download's chunks), as Rust's `channel.send` does. */
  toChannel<T>(channel: Channel<T>, message: NoInfer<T>): void;
  /** Waits until whatever was sent has been delivered. */
  settled(): Promise<void>;
  /** Removes the mock; throws if the page called a command that no handler stood in for. */
  done(): void;
}

/** What `mockCore` is given for one test. */
export interface Options<L extends string, C> {
  /** The window the page under test runs in. */
  window: L;
  /** Other windows open from the start (loading until `core.ready`). */
  open?: L[];
  commands?: Handlers<C>;
}

/** An event held for a window still loading. */
interface Held<L extends string> {
  item: Delivered<L>;
  latestOnly: boolean;
}

/** One open window, played by the test (or the page under test). */
interface Win<L extends string> {
  ready: boolean;
  held: Held<L>[];
  received: Delivered<L>[];
  /** The page's inbox, once it called `window_ready` (the page under test only). */
  inbox: { id: number; next: number } | null;
}

/** The plugin's own commands, by their names in TypeScript. */
const pluginCommands = new Set<string>(PLUGIN_COMMANDS);

/** `sendMessage` -> `send_message`, as the bindings name commands to Tauri. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A command's name to Tauri: `send_message`, or `plugin:switchboard|subscribe_trace`. */
const wireName = (name: string) =>
  pluginCommands.has(name) ? `plugin:switchboard|${snake(name)}` : snake(name);
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

/** The app's `mockCore`; see the module's doc. */
export function mockSwitchboard<L extends string, A, C>(
  app: App<L, A>,
): (options: Options<L, C>) => Core<L, A, C> {
  return (options) => install(app, options);
}

function install<L extends string, A, C>(app: App<L, A>, options: Options<L, C>): Core<L, A, C> {
  const page = options.window;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, handler] of Object.entries(options.commands ?? {})) {
    handlers[wireName(name)] = handler as (...args: unknown[]) => unknown;
  }
  const windows = new Map<L, Win<L>>();
  const problems: string[] = [];
  const calls: Core<L, A, C>["calls"] = [];
  /** The page's event listeners: handler id -> event name and the window it listens in. */
  const listeners = new Map<number, { event: string; label: string }>();
  let deliveries = Promise.resolve();
  let caller = page;
  /** The next message index of each Channel the test sends to. */
  const channelIndex = new Map<number, number>();
  const sorted = (labels: Iterable<L>) => [...labels].sort(app.compare);

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

  const win = (label: L): Win<L> | undefined => windows.get(label);
  const openWindow = (label: L) => {
    if (!windows.has(label))
      windows.set(label, { ready: false, held: [], received: [], inbox: null });
  };
  const notOpen = (label: L) =>
    new Fails({ kind: "window_not_found", message: `window \`${label}\` is not open`, label });

  /** Hands `item` to window `label` now: to the page's Channel or listeners, or to the log of
   * a window the test plays. */
  function deliver(label: L, item: Delivered<L>): void {
    const w = win(label);
    if (!w) return;
    w.received.push(item);
    if (label !== page) return;
    deliveries = deliveries.then(() => {
      if (item.via === "channel" && w.inbox) {
        const batch: Delivery[] = [{ name: item.name, payload: item.payload, from: item.from }];
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

  /** Holds `item` for a loading window, as the plugin does; false when its queue is full. */
  function hold(w: Win<L>, held: Held<L>): boolean {
    if (held.latestOnly) w.held = w.held.filter((h) => h.item.name !== held.item.name);
    else if (w.held.filter((h) => !h.latestOnly).length >= app.heldEvents) return false;
    w.held.push(held);
    return true;
  }

  /** Sends as the plugin does: `from` is the sender of a relayed page-to-page event. */
  function send(
    event: { name: string; latestOnly?: true },
    targets: readonly L[],
    payload: unknown,
    via: Transport,
    from: L | null = null,
  ): Sent<L> {
    const missing = targets.find((l) => !windows.has(l));
    if (missing) throw notOpen(missing);
    const sent: Sent<L> = { emitted: [], held: [], notHeld: [] };
    for (const label of targets) {
      const w = windows.get(label) as Win<L>;
      const item = { name: event.name, payload, via, from };
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

  function markReady(label: L): number {
    const w = win(label);
    if (!w) throw notOpen(label);
    const held = w.held;
    w.held = [];
    w.ready = true;
    for (const { item } of held) deliver(label, item);
    app.onReady?.(core, label);
    return held.length;
  }

  /** A call from `label`, answered as the core would: a `Fails` becomes the command's error. */
  async function invokeAs(label: L, cmd: string, args: unknown): Promise<unknown> {
    try {
      return await answer(label, cmd, args);
    } catch (e) {
      throw e instanceof Fails ? e.error : e;
    }
  }

  async function answer(label: L, cmd: string, args: unknown): Promise<unknown> {
    if (!app.permissions(label).includes(permission(cmd))) {
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
        const target = a.target as { kind: string; label?: L };
        const to = target.label;
        if (target.kind === "App" || !to) return null;
        if (windows.has(to))
          deliver(to, { name: a.event as string, payload: a.payload, via: "event", from: null });
        return null;
      }
      case "plugin:switchboard|relay": {
        const name = a.event as string;
        const event = Object.values(app.events).find((e) => e.name === name);
        if (event?.route !== "page_to_page") {
          const message = `\`${name}\` is not a page-to-page event of this app`;
          throw new Fails({ kind: "not_a_page_event", message });
        }
        return send(event, [a.to as L], a.payload, "channel", label);
      }
      case "plugin:switchboard|window_ready": {
        const w = win(label);
        const inbox = a.inbox as { id: number } | undefined;
        if (w && inbox && label === page) w.inbox = { id: inbox.id, next: 0 };
        const report: ReadyReport<L> = { label, flushed: markReady(label) };
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

  internals.invoke = (cmd, args) => invokeAs(page, cmd, args);
  for (const label of [page, ...(options.open ?? [])]) openWindow(label);

  const core: Core<L, A, C> = {
    as: (label) => ({ invoke: (command, args) => invokeAs(label, command, args) }),
    send: (event, audience, payload, transport = "channel") =>
      send(event, [...new Set(app.resolve(audience, sorted(windows.keys())))], payload, transport),
    open: (label) => {
      openWindow(label);
      app.onWindowsChanged?.(core);
    },
    close: (label) => {
      windows.delete(label);
      app.onWindowsChanged?.(core);
    },
    ready: (label) => void markReady(label),
    received: (label) => [...(win(label)?.received ?? [])],
    openWindows: () => sorted(windows.keys()),
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
  return core;
}
