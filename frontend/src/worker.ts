//! The entry of a worker's window: its page, and (only in `vite build --mode bench`) the bench's
//! probes. Elsewhere the condition is constant-false and the bench is left out of the bundle.

import { mount } from "./pages/worker";

// A root of its own: what else is put in the body (the dev server's error overlay) stays.
void mount(document.body.appendChild(document.createElement("div")));
if (import.meta.env.MODE === "bench")
  void import("../../bench/probe").then((bench) => bench.install());
