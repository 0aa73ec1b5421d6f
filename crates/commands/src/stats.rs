//! What the core keeps, for the inspector and the soak run: the size of each table a page can
//! make grow, and the core process's memory. Every table here is bounded (see `limits.rs`);
//! this is how a run shows that they also shrink back.

use serde::Serialize;
use specta::Type;
use switchboard_events::WindowLabel;
use tauri::{Manager, Runtime};

use crate::{jobs::Jobs, ping::Pings, AppError, Call, Switchboard};

/// Sizes of the core's tables, and its memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CoreStats {
    /// Windows open.
    pub open_windows: u32,
    /// Windows the Outbox keeps delivery state for.
    pub outbox_windows: u32,
    /// Events held for windows still loading, over all of them.
    pub held_events: u32,
    /// Jobs running.
    pub jobs: u32,
    /// Delayed pings waiting.
    pub pings: u32,
    /// Trace subscriptions.
    pub trace_subscribers: u32,
    /// The core process's resident memory in KiB, where the system tells it (Linux).
    pub resident_kib: Option<u32>,
}

/// The core process's resident memory in KiB, from `/proc/self/status`.
fn resident_kib() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// How many windows Tauri lists whose labels are ours: the Outbox's count should match it.
fn open_in_tauri<R: Runtime>(app: &impl Manager<R>) -> usize {
    app.webview_windows()
        .keys()
        .filter(|l| l.parse::<WindowLabel>().is_ok())
        .count()
}

/// Reads the stats.
pub fn read<R: Runtime>(app: &impl Manager<R>) -> CoreStats {
    let switchboard = app.state::<Switchboard>();
    let outbox = switchboard.outbox();
    // Totals over every owner, open or not: a leak shows as a count that does not fall back.
    CoreStats {
        open_windows: open_in_tauri(app) as u32,
        outbox_windows: outbox.open().len() as u32,
        held_events: outbox.held_total() as u32,
        jobs: app.state::<Jobs>().count() as u32,
        pings: app.state::<Pings>().count() as u32,
        trace_subscribers: switchboard.trace().subscribers() as u32,
        resident_kib: resident_kib(),
    }
}

/// The sizes of the core's tables and its memory, for the inspector.
#[tauri::command]
#[specta::specta]
pub async fn core_stats<R: Runtime>(call: Call<R>) -> Result<CoreStats, AppError> {
    call.run(|call| Ok(read(&call.app)))
}
