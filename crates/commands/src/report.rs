//! `export_trace` and the file it writes. The file's types never cross IPC, so ts-rs (not
//! specta) generates their TypeScript, for tools that read the file.

use std::{
    collections::VecDeque,
    fs::{DirBuilder, OpenOptions},
    io::Write,
    path::Path,
    sync::{atomic::AtomicU32, Mutex},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{Manager, State};
use tauri_plugin_switchboard::{ids, lock::lock, LogLevel};
use ts_rs::TS;

use crate::{limits::Limit, AppError, Call, Switchboard, TraceEntry};

/// The version of the file format; bump it when [`TraceReport`] changes shape. (2: log lines.)
pub const FORMAT: u32 = 2;

/// An exported trace file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TraceReport {
    /// Always [`FORMAT`].
    pub format: u32,
    /// When it was written, in milliseconds since the Unix epoch.
    pub exported_at_ms: f64,
    /// The lines, oldest first.
    pub lines: Vec<ReportLine>,
}

/// One line of a [`TraceReport`]: a flat, stable summary of a trace entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ReportLine {
    /// The entry's id.
    pub id: u32,
    /// Milliseconds since the app started.
    pub at_ms: u32,
    /// What happened.
    pub what: LineKind,
    /// The command or event name.
    pub name: String,
    /// The calling window for a command, the audience for an event.
    pub subject: String,
    /// The error kind of a failed command, or why an event was refused.
    pub problem: Option<String>,
}

/// The kind of a [`ReportLine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum LineKind {
    /// A command call.
    Command,
    /// An event sent by Rust.
    Event,
    /// An event from a page that was refused.
    Refused,
    /// A record of the log: `name` is its message, `subject` where it came from, and
    /// `problem` its level when it is a warning or an error.
    Log,
}

impl ReportLine {
    fn from_entry(entry: &TraceEntry) -> Self {
        match entry {
            TraceEntry::Command {
                id,
                at_ms,
                window,
                command,
                error,
                ..
            } => ReportLine {
                id: *id,
                at_ms: *at_ms,
                what: LineKind::Command,
                name: command.clone(),
                subject: window.to_string(),
                problem: error.map(|kind| kind.as_str().to_owned()),
            },
            TraceEntry::Event {
                id,
                at_ms,
                name,
                audience,
                ..
            } => ReportLine {
                id: *id,
                at_ms: *at_ms,
                what: LineKind::Event,
                name: name.clone(),
                subject: serde_json::to_string(audience).unwrap_or_default(),
                problem: None,
            },
            TraceEntry::Refused {
                id,
                at_ms,
                name,
                reason,
            } => ReportLine {
                id: *id,
                at_ms: *at_ms,
                what: LineKind::Refused,
                name: name.clone(),
                subject: String::new(),
                problem: Some(reason.clone()),
            },
            TraceEntry::Log {
                id,
                at_ms,
                level,
                target,
                message,
            } => ReportLine {
                id: *id,
                at_ms: *at_ms,
                what: LineKind::Log,
                name: message.clone(),
                subject: target.clone(),
                problem: match level {
                    LogLevel::Error => Some("error".to_owned()),
                    LogLevel::Warn => Some("warn".to_owned()),
                    LogLevel::Info | LogLevel::Debug | LogLevel::Trace => None,
                },
            },
        }
    }
}

impl TraceReport {
    /// A report of `entries`, stamped now.
    pub fn from_entries(entries: &[TraceEntry]) -> Self {
        let exported_at_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or(0.0);
        TraceReport {
            format: FORMAT,
            exported_at_ms,
            lines: entries.iter().map(ReportLine::from_entry).collect(),
        }
    }

    /// Writes the report into `dir` (made, owner-only, if missing) as
    /// `trace-<ms>-<n>.json`, a name no other export of this process takes. The bytes go to a
    /// temporary file that must not exist yet (so a planted link is never followed), readable
    /// by the owner only, and are renamed into place: a reader never sees half a file.
    /// Blocking: call it off the async runtime.
    pub fn write_to(&self, dir: &Path) -> Result<ExportedTrace, AppError> {
        static EXPORTS: AtomicU32 = AtomicU32::new(0);
        let failed = |what: &str, path: &Path, e: std::io::Error| {
            AppError::internal(format!("cannot {what} {}: {e}", path.display()))
        };
        let n = ids::take(&EXPORTS).ok_or_else(|| AppError::internal("export names used up"))?;
        let name = format!("trace-{}-{n}.json", self.exported_at_ms as u64);
        let path = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| AppError::internal(e.to_string()))?;
        let mut folder = DirBuilder::new();
        folder.recursive(true);
        let mut file = OpenOptions::new();
        file.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
            folder.mode(0o700);
            file.mode(0o600);
        }
        folder.create(dir).map_err(|e| failed("create", dir, e))?;
        let written = file
            .open(&partial)
            .and_then(|mut f| f.write_all(&json).and_then(|()| f.sync_all()))
            .map_err(|e| failed("write", &partial, e))
            .and_then(|()| {
                std::fs::rename(&partial, &path).map_err(|e| failed("rename", &path, e))
            });
        if written.is_err() {
            // Whatever was left half-written is of no use to anyone.
            let _ = std::fs::remove_file(&partial);
        }
        written?;
        Ok(ExportedTrace {
            path: path.display().to_string(),
            entries: self.lines.len() as u32,
        })
    }
}

/// Where an exported trace was written.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportedTrace {
    /// The file's path.
    pub path: String,
    /// Entries written.
    pub entries: u32,
}

/// When the exports of the last minute were made, managed as Tauri state: at most
/// [`Limit::TraceExports`] a minute, so that a page looping exports cannot fill the disk.
#[derive(Debug, Default)]
pub struct Exports(Mutex<VecDeque<Instant>>);

impl Exports {
    /// Counts an export, or refuses it with the limit's error.
    pub fn count(&self) -> Result<(), AppError> {
        let mut made = lock(&self.0);
        let now = Instant::now();
        made.retain(|at| now.duration_since(*at) < Duration::from_secs(60));
        Limit::TraceExports.check(made.len() + 1)?;
        made.push_back(now);
        Ok(())
    }
}

/// Writes the kept trace as JSON (the `TraceReport` type, generated by ts-rs) to a new file in
/// the `traces` folder of the app's data folder (or of `--data-dir`), readable by the user
/// only.
#[tauri::command]
#[specta::specta]
pub async fn export_trace<R: tauri::Runtime>(
    call: Call<R>,
    switchboard: State<'_, Switchboard>,
    exports: State<'_, Exports>,
) -> Result<ExportedTrace, AppError> {
    call.run_async(|call| {
        let counted = exports.count();
        let report = TraceReport::from_entries(&switchboard.trace().snapshot());
        let dir = match call.app.try_state::<crate::DataDir>() {
            Some(given) => Ok(given.0.clone()),
            None => call.app.path().app_data_dir(),
        }
        .map(|d| d.join("traces"));
        async move {
            counted?;
            let dir = dir.map_err(AppError::from)?;
            // File work blocks; it runs on the blocking pool, not on the async runtime.
            tauri::async_runtime::spawn_blocking(move || report.write_to(&dir))
                .await
                .map_err(|e| AppError::internal(format!("export stopped: {e}")))?
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_events::{Audience, WindowLabel};

    #[test]
    fn writes_a_file_that_reads_back() {
        let entries = [
            TraceEntry::Command {
                id: 1,
                at_ms: 5,
                window: WindowLabel::Main,
                command: "greet".into(),
                duration_us: 10,
                error: None,
            },
            TraceEntry::Event {
                id: 2,
                at_ms: 6,
                name: "inbox-message".into(),
                audience: Audience::Workers,
                transport: tauri_plugin_switchboard::Transport::Event,
                emitted: vec![],
                not_held: vec![],
                held: vec![],
                bytes: 40,
            },
            TraceEntry::Refused {
                id: 3,
                at_ms: 7,
                name: "note-to-core".into(),
                reason: "malformed".into(),
            },
        ];
        let report = TraceReport::from_entries(&entries);
        let dir = std::env::temp_dir().join(format!("sb-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let written = report.write_to(&dir).unwrap();
        assert_eq!(written.entries, 3);
        let back: TraceReport =
            serde_json::from_slice(&std::fs::read(&written.path).unwrap()).unwrap();
        assert_eq!(back, report);
        assert_eq!(back.lines[0].subject, "main");
        assert_eq!(back.lines[1].subject, r#"{"to":"workers"}"#);
        assert_eq!(back.lines[2].problem.as_deref(), Some("malformed"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
