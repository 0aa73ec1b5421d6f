//! Batching calls: many calls of one kind made close together go to the core as one command.
//!
//! Every command is a request and an answer that the webview and the core each handle on the
//! main thread, so a page that sends messages one command each tops out near 2,000 a second
//! (docs/performance.md). `sendMessage` here keeps the one-call-per-message API and hands the
//! core everything asked for meanwhile as one `sendMessages` command, through the plugin's
//! `batched`.

import { batched } from "tauri-plugin-switchboard-api";
import { type Audience, commands, type Outgoing, type Transport } from "../../../bindings/ipc";
import type { Result, Sent } from "./ipc";

/** Messages per `sendMessages` call: well under the core's `messages_per_call`. */
const MOST = 500;

const send = batched((messages: Outgoing[]) => commands.sendMessages(messages), MOST);

/** Sends `text` to `audience` by `transport`, as `commands.sendMessage` does, batched with the
 * page's other sends. */
export function sendMessage(
  audience: Audience,
  text: string,
  transport: Transport,
): Promise<Result<Sent>> {
  return send({ audience, text, transport });
}
