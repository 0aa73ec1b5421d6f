//! The entry of a worker's window: its page, and (only in `vite build --mode bench`) the bench's
//! probes. Elsewhere the condition is constant-false and the bench is left out of the bundle.

import { mount } from "./pages/worker";

void mount(document.body);
if (import.meta.env.MODE === "bench") void import("./lib/bench").then((bench) => bench.install());
