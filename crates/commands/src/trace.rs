//! The live trace's command: the inspector subscribes to the plugin's trace of every call,
//! send and log record.

use tauri::{ipc::Channel, State};

use crate::{AppError, Call, Switchboard, TraceEntry};

/// Streams the trace to the calling window in batches, oldest entry first: the kept entries
/// now, then the new ones every 50 ms while there are any. Returns how many kept entries were
/// sent.
#[tauri::command]
#[specta::specta]
pub async fn subscribe_trace<R: tauri::Runtime>(
    call: Call<R>,
    switchboard: State<'_, Switchboard>,
    on_entries: Channel<Vec<TraceEntry>>,
) -> Result<u32, AppError> {
    call.run(|call| Ok(switchboard.trace().subscribe(call.caller, on_entries)))
}
