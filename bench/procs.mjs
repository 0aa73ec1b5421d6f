// @ts-check
// Processes, read from /proc: which process runs a binary, its descendants (WebKitGTK's web and
// network processes are children of the app), their proportional memory (PSS: shared pages
// split between the processes that share them, so that the sum is what the app costs), and
// when a process started, in epoch milliseconds.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Clock ticks per second, the unit of a process's start time. */
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** The fields of /proc/PID/stat after the command name, which may hold spaces.
 * @param {number} pid @returns {string[]} */
function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** Every process id now. @returns {number[]} */
function pids() {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The process running `binary`, or null. @param {string} binary @returns {number | null} */
export function pidOf(binary) {
  for (const pid of pids()) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === binary) return pid;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return null;
}

/** Every descendant of `root`. @param {number} root @returns {number[]} */
export function descendants(root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const pid of pids()) {
    try {
      const parent = Number(stat(pid)[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // Gone since the listing.
    }
  }
  const out = [];
  const todo = [...(children.get(root) ?? [])];
  for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** PSS of `pid` in MiB, 0 if it is gone. @param {number} pid @returns {number} */
export function pssMib(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kib = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

/** When `pid` started, in epoch ms (to the kernel's clock tick, usually 10 ms).
 * @param {number} pid @returns {number} */
export function startedAt(pid) {
  const sinceBoot = Number(stat(pid)[19]) / TICKS;
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return Date.now() - (uptime - sinceBoot) * 1000;
}
