/**
 * @module tauri-plugin-switchboard-api/generated: what an app's generated bindings use to make
 * its event list. Pages never import it (the app's lint forbids it): an `EventSpec` is the
 * generated one or none.
 */

import type { EventSpec, Route } from "./types.js";

/** The spec of the event `name`, whose payload is `T` and route `R`, as the bindings declare
 * each event of the app's Rust list: `eventSpec<Payload, "targeted">("name", "targeted")`. */
export function eventSpec<T, R extends Route>(
  name: string,
  route: R,
  latestOnly?: true,
): EventSpec<T, R> {
  const spec = latestOnly ? { name, route, latestOnly } : { name, route };
  // The brand exists only as a type (see `EventSpec`).
  return spec as EventSpec<T, R>;
}
