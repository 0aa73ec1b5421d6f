// @ts-check
// Calling the pages' bench probes (bench/probe.ts, in bench builds only) from a runner's
// WebDriver session: shared by bench/run.mjs and bench/ranges.mjs.

/** @typedef {import("../tests/e2e/harness.mjs").App} App */
/** @typedef {NonNullable<Window["__switchboardBench"]>} Probes */

/** In a page: calls probe `name` with `args` and answers with its (awaited) value.
 * @param {string} name @param {unknown[]} args
 * @param {(answer: { value?: unknown, failed?: string }) => void} done */
function probeInPage(name, args, done) {
  const bench = /** @type {Record<string, (...args: unknown[]) => unknown> | undefined} */ (
    /** @type {unknown} */ (window.__switchboardBench)
  );
  const probe = bench?.[name];
  if (!probe) return done({ failed: `no probe ${name}: not a bench build` });
  Promise.resolve()
    .then(() => probe(...args))
    .then(
      (value) => done({ value: value ?? null }),
      (e) => done({ failed: String(e) }),
    );
}

/** Calls probe `name` (see bench/probe.ts) in window `label`'s page.
 * @template {keyof Probes} N
 * @param {App} app @param {string} label @param {N} name @param {Parameters<Probes[N]>} args
 * @returns {Promise<Awaited<ReturnType<Probes[N]>>>} */
export async function probe(app, label, name, ...args) {
  /** @type {{ value?: unknown, failed?: string }} */
  const answer = await app.in(label, () => app.browser.executeAsync(probeInPage, name, args));
  if (answer.failed !== undefined) throw new Error(`${name} in ${label}: ${answer.failed}`);
  return /** @type {any} */ (answer.value);
}
