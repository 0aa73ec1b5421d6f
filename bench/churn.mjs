// @ts-check
// `npm run bench -- --heap`: where the core's memory goes when windows open and close. Runs
// the app (SWITCHBOARD_E2E_APP, which scripts/bench.sh points at a heaptrack wrapper) for
// CYCLES cycles of: open a worker, send it a message over its Channel, wait until its page
// shows it, close it. Then closes main, which quits the app, so that heaptrack sees every
// free the app makes on its way out. scripts/bench.sh runs it twice and compares the two.

import { APP, App, startDriver, stopDriver } from "../tests/e2e/harness.mjs";

const cycles = Number(process.env.CYCLES ?? 10);

await startDriver();
const app = await App.start(APP);
try {
  for (let cycle = 0; cycle < cycles; cycle++) {
    const opened = await app.in("main", () => app.rawInvoke("open_worker", {}));
    if (!opened.ok) throw new Error(`open_worker: ${JSON.stringify(opened)}`);
    const label = opened.ok;
    const to = { to: "one", label };
    const text = `churn ${cycle}`;
    await app.in("main", () =>
      app.rawInvoke("send_message", { audience: to, text, transport: "channel" }),
    );
    await app.waitForWindows(["main", label]);
    await app.in(label, () => app.waitText("[data-testid=inbox]", new RegExp(`churn ${cycle}$`)));
    await app.in("main", () => app.rawInvoke("close_window", { label }));
    await app.waitForWindows(["main"]);
  }
  console.log(`churn: ${cycles} cycles`);
  // The session ends with the app: its answer never comes.
  await app
    .in("main", () => app.rawInvoke("close_window", { label: "main" }, 2000))
    .catch(() => {});
} finally {
  await app.stop();
  await stopDriver();
}
