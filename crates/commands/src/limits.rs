//! Every limit on what a page can ask of the core, in one place. A page is code the app does
//! not fully trust: whatever it sends is bounded here, and going over a bound is an
//! `AppError::LimitReached` that names the limit (`Limit::check`, in `error.rs`), never a
//! silent cut or unbounded memory.
//!
//! docs/limits.md lists the same values; a test keeps the two equal.

use serde::Serialize;
use specta::Type;
use switchboard_events::{NoteToCore, MAX_WORKER};
use tauri_plugin_switchboard::{lane::TRANSFERS_PER_WINDOW, HELD_EVENTS, MAX_PAYLOAD_BYTES};

/// One limit. In TypeScript a string such as `"message_chars"`, carried by `limit_reached`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Most characters in a message's text.
    MessageChars,
    /// Most characters in a name to greet.
    NameChars,
    /// Most characters in a delayed ping's note.
    PingNoteChars,
    /// Most characters in a note to the core.
    CoreNoteChars,
    /// Most bytes of JSON in an event a page sends.
    EventBytes,
    /// Most windows one audience may name.
    AudienceWindows,
    /// Most delayed pings waiting for one window.
    PendingPings,
    /// Longest delay of a ping, in milliseconds.
    PingDelayMs,
    /// Most jobs running for one window.
    JobsPerWindow,
    /// Most steps in a job.
    JobSteps,
    /// Shortest step of a job, in milliseconds: every step is work on the main thread.
    ShortestStepMs,
    /// Longest step of a job, in milliseconds.
    LongestStepMs,
    /// Most workers open at once.
    OpenWorkers,
    /// Highest worker number; numbers are not reused while the app runs.
    WorkerNumber,
    /// Most trace exports in a minute, so that exports cannot fill the disk.
    TraceExports,
    /// Most events held for one window that is still loading (state-like events such as the
    /// window list and the counter are kept as their latest value and do not count).
    HeldEvents,
    /// Most messages one command sends: a burst, or a `sendMessages` list.
    MessagesPerCall,
    /// Most bytes in one transfer, down or up.
    TransferBytes,
    /// Smallest chunk of a chunked download, in bytes: every chunk is a message the page's
    /// webview handles on the main thread.
    SmallestChunkBytes,
    /// Most large downloads of one window waiting for their turn on the bulk lane or under way
    /// (a chunked download holds one turn at a time; bodies under 64 KiB take none).
    TransfersInFlight,
}

impl Limit {
    /// Every limit, in docs/limits.md's order.
    pub const ALL: [Limit; 20] = [
        Limit::MessageChars,
        Limit::NameChars,
        Limit::PingNoteChars,
        Limit::CoreNoteChars,
        Limit::EventBytes,
        Limit::AudienceWindows,
        Limit::PendingPings,
        Limit::PingDelayMs,
        Limit::JobsPerWindow,
        Limit::JobSteps,
        Limit::ShortestStepMs,
        Limit::LongestStepMs,
        Limit::OpenWorkers,
        Limit::WorkerNumber,
        Limit::TraceExports,
        Limit::HeldEvents,
        Limit::MessagesPerCall,
        Limit::TransferBytes,
        Limit::SmallestChunkBytes,
        Limit::TransfersInFlight,
    ];

    /// The bound: a maximum, except for [`Limit::ShortestStepMs`] and
    /// [`Limit::SmallestChunkBytes`], minimums.
    pub const fn bound(self) -> u32 {
        match self {
            Limit::MessageChars => 1_000,
            Limit::NameChars => 64,
            Limit::PingNoteChars => 200,
            Limit::CoreNoteChars => NoteToCore::MAX_CHARS as u32,
            Limit::EventBytes => MAX_PAYLOAD_BYTES as u32,
            // Every window at once: main, the inspector and every worker.
            Limit::AudienceWindows => Limit::OpenWorkers.bound() + 2,
            Limit::PendingPings => 4,
            Limit::PingDelayMs => 60_000,
            Limit::JobsPerWindow => 2,
            Limit::JobSteps => 1_000,
            Limit::ShortestStepMs => 20,
            Limit::LongestStepMs => 5_000,
            Limit::OpenWorkers => 16,
            Limit::WorkerNumber => MAX_WORKER,
            Limit::TraceExports => 10,
            Limit::HeldEvents => HELD_EVENTS,
            Limit::MessagesPerCall => 10_000,
            Limit::TransferBytes => 100 << 20,
            Limit::SmallestChunkBytes => 64 << 10,
            Limit::TransfersInFlight => TRANSFERS_PER_WINDOW as u32,
        }
    }

    /// The limit's name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Limit::MessageChars => "message_chars",
            Limit::NameChars => "name_chars",
            Limit::PingNoteChars => "ping_note_chars",
            Limit::CoreNoteChars => "core_note_chars",
            Limit::EventBytes => "event_bytes",
            Limit::AudienceWindows => "audience_windows",
            Limit::PendingPings => "pending_pings",
            Limit::PingDelayMs => "ping_delay_ms",
            Limit::JobsPerWindow => "jobs_per_window",
            Limit::JobSteps => "job_steps",
            Limit::ShortestStepMs => "shortest_step_ms",
            Limit::LongestStepMs => "longest_step_ms",
            Limit::OpenWorkers => "open_workers",
            Limit::WorkerNumber => "worker_number",
            Limit::TraceExports => "trace_exports",
            Limit::HeldEvents => "held_events",
            Limit::MessagesPerCall => "messages_per_call",
            Limit::TransferBytes => "transfer_bytes",
            Limit::SmallestChunkBytes => "smallest_chunk_bytes",
            Limit::TransfersInFlight => "transfers_in_flight",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_and_all_is_complete() {
        for limit in Limit::ALL {
            assert_eq!(serde_json::to_value(limit).unwrap(), limit.name());
        }
        let mut names: Vec<_> = Limit::ALL.iter().map(|l| l.name()).collect();
        names.dedup();
        assert_eq!(names.len(), Limit::ALL.len());
    }
}
