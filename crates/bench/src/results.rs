//! The results file that the runner writes: raw samples only. Statistics and ratios are
//! computed by [`crate::report`], so that the file stays what was measured.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::physical::Physical;

/// One run of `npm run bench`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenchRun {
    /// When the run started, as an ISO 8601 UTC time.
    pub started: String,
    /// A smoke run: tiny sizes and one launch, to show the harness works; its figures mean
    /// nothing.
    pub smoke: bool,
    /// The cargo profile the app was built with: `release`, or `debug` for a smoke.
    pub profile: String,
    /// How many times the app was started; each series holds the samples of all launches.
    pub launches: u32,
    /// The commit measured (`git rev-parse HEAD`), or `unknown` outside a git checkout.
    pub commit: String,
    /// Whether the tree matched that commit (`git status --porcelain` printed nothing): the
    /// figures of a tree with changes are not that commit's.
    pub clean: bool,
    /// Where it ran.
    pub machine: Machine,
    /// Everything measured in the webview.
    pub series: Vec<Series>,
    /// The machine's limits, measured by `bench-report` right after the runner and kept here,
    /// so that rendering the report again shows the run's own figures, not the machine's
    /// load at that later time. The runner leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub limits: Option<Physical>,
}

/// The machine a run came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Machine {
    /// The CPU's model name.
    pub cpu: String,
    /// Logical cores.
    pub cores: u32,
    /// The kernel, as `uname -sr` prints it.
    pub kernel: String,
    /// The WebKitGTK version of the webview.
    pub webkitgtk: String,
    /// Whether the webviews composited with acceleration. Headless runs turn it off
    /// (`WEBKIT_DISABLE_COMPOSITING_MODE`, see scripts/lib/display.sh), which changes what
    /// drawing and each window cost.
    pub compositing: bool,
}

/// What a series measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    /// One command round trip, sequential: a typed binding call, a raw `invoke` of the same
    /// command, and a command of Tauri's core.
    Call,
    /// A message to one window (main itself) while more windows are open, over the window's
    /// Channel and over `emit_to`; a plain command alongside as a control.
    TargetedSend,
    /// A plain command with the inspector closed and open (every call is traced to it).
    Inspector,
    /// One message to 1, 4 and 8 workers over their Channels.
    FanOut,
    /// Bytes from the core to the page, every way it can send them, 1 KiB to 100 MiB.
    Download,
    /// Bytes from the page to the core, as JSON and raw.
    Upload,
    /// Many small messages to one worker, counted by its page as they arrive: a burst from
    /// the core as events or over the worker's Channel, and one command per message.
    Messages,
    /// The inspector's trace under a burst: entries it receives per second, entries lost,
    /// and the time between its frames, idle and under load.
    TraceLoad,
    /// From the process's start to its first window's page being ready: Switchboard's main
    /// (`switchboard:ready`), and a hello-world Tauri app built in the same run.
    Startup,
    /// Main's plain command while worker-1 is busy (idle; many commands in flight; one
    /// 100 MiB `pull` after another; bursts of messages), and worker-1's own rate at each,
    /// alone and while main calls (`<load>:alone`, `<load>:shared`).
    Neighbours,
    /// Proportional memory (PSS) of the core process and of its children (the webviews' and
    /// the network's processes): `switchboard` with 1 to 9 windows open early in a launch,
    /// `restarted` with every window the app allows, just restored.
    Memory,
    /// With every window the app allows open, the app is stopped and started again on the
    /// same folder: from the new process's start to the last restored page being ready.
    Restart,
}

/// The unit of a series' samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Milliseconds per call, from timing a block of sequential calls.
    MsPerCall,
    /// Mebibytes per second, from timing a block of sequential transfers.
    MibPerSecond,
    /// Items (messages, entries) per second, from the first send to the last arrival.
    PerSecond,
    /// How many (lost, duplicated or reordered items), one sample per launch.
    Count,
    /// Milliseconds between two frames of a page.
    MsPerFrame,
    /// Milliseconds, once.
    Ms,
    /// Mebibytes.
    Mib,
}

/// The samples of one variant of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Series {
    /// What was measured.
    pub scenario: Scenario,
    /// Which way, e.g. `typed`, `raw`, `channel`.
    pub variant: String,
    /// How many windows were open.
    pub windows: u32,
    /// How many windows each call sends to (0 for a call that sends nothing).
    pub recipients: u32,
    /// Bytes per transfer (0 for a call that moves no payload).
    pub bytes: u32,
    /// The unit of `samples`.
    pub unit: Unit,
    /// One figure per block, in the order they were taken.
    pub samples: Vec<f64>,
    /// How many of `samples` each launch took, in launch order (empty: all from one). A goal
    /// on a tail must hold in each launch: one launch can flatter a tail that the union hides.
    pub per_launch: Vec<u32>,
}

impl Series {
    /// The samples of each launch, in launch order; launches that took none are left out.
    pub fn by_launch(&self) -> Vec<&[f64]> {
        if self.per_launch.is_empty() {
            return vec![&self.samples];
        }
        let mut rest = self.samples.as_slice();
        let mut launches = Vec::new();
        for &count in &self.per_launch {
            let (this, after) = rest.split_at((count as usize).min(rest.len()));
            if !this.is_empty() {
                launches.push(this);
            }
            rest = after;
        }
        launches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_split_by_launch() {
        let series = Series {
            scenario: Scenario::Call,
            variant: "raw".into(),
            windows: 1,
            recipients: 0,
            bytes: 0,
            unit: Unit::MsPerCall,
            samples: vec![1.0, 2.0, 3.0, 4.0, 5.0],
            per_launch: vec![2, 0, 3],
        };
        assert_eq!(series.by_launch(), [&[1.0, 2.0][..], &[3.0, 4.0, 5.0][..]]);
        let one = Series {
            per_launch: vec![],
            ..series
        };
        assert_eq!(one.by_launch(), [&[1.0, 2.0, 3.0, 4.0, 5.0][..]]);
    }
}
