//! The workspace: which windows are open and the last messages each inbox showed, kept in one
//! file so that the app comes back as it was (window geometry is the window-state plugin's,
//! in a file beside it; the app wires both).
//!
//! A change marks the workspace dirty and wakes one writer thread, which writes a snapshot to
//! a temporary file, syncs it and renames it over the old one: a reader never sees half a
//! file. Writes start at most once every [`WRITE_EVERY`]; changes that come meanwhile go out
//! together in the next one, so a crash (even `kill -9`) loses at most the changes of the last
//! [`WRITE_EVERY`] and of the write under way. Without that pause, bursts of messages kept the
//! writer writing and syncing about 300 times a second, and each write told main, whose page
//! and calls paid for it (docs/workspace.md).
//!
//! The file is input like any other: one that is unreadable, too large, of another format or
//! naming impossible windows is set aside (renamed, kept for the user), reported, and the app
//! starts with a fresh workspace. Quitting closes every window; those closes are not changes
//! ([`WorkspaceStore::freeze`]), so the windows open at quit are the ones restored.

use std::{
    collections::BTreeMap,
    fs,
    io::Write,
    path::{Path, PathBuf},
    sync::{Arc, Condvar, Mutex, PoisonError},
    thread::JoinHandle,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use serde::{Deserialize, Serialize};
use specta::Type;
use switchboard_events::{Audience, InboxMessage, WindowLabel, WorkspaceSaved};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_switchboard::lock::lock;

use crate::{limits::Limit, AppError, Call, Sent, Switchboard};

/// The version of the file format; bump it when [`Workspace`] changes shape.
pub const FORMAT: u32 = 1;

/// How many of its last messages each window's inbox keeps across a restart.
pub const HISTORY: usize = 50;

/// The least time from the start of one write to the start of the next.
pub const WRITE_EVERY: Duration = Duration::from_millis(100);

/// The largest workspace file read; a larger one was not written by this app.
const MAX_FILE_BYTES: u64 = 4 << 20;

/// The workspace file's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Workspace {
    /// Always [`FORMAT`].
    pub format: u32,
    /// The open windows besides main, in the order they opened.
    pub windows: Vec<WindowLabel>,
    /// The last messages of each window's inbox, oldest first (at most [`HISTORY`]).
    pub inboxes: BTreeMap<WindowLabel, Vec<InboxMessage>>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format: FORMAT,
            windows: Vec::new(),
            inboxes: BTreeMap::new(),
        }
    }
}

impl Workspace {
    /// Keeps what this app could have written: each window once, main not among them, no more
    /// workers than may be open, inboxes of listed windows only, each at most [`HISTORY`]
    /// messages within the length limit. Returns what it dropped, for the report.
    fn sanitize(&mut self) -> Vec<String> {
        let mut dropped = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut workers = 0;
        self.windows.retain(|label| {
            let keep = *label != WindowLabel::Main
                && seen.insert(*label)
                && (!label.is_worker() || {
                    workers += 1;
                    Limit::OpenWorkers.check(workers).is_ok()
                });
            if !keep {
                dropped.push(format!("window {label}"));
            }
            keep
        });
        let windows = &self.windows;
        self.inboxes.retain(|label, messages| {
            let keep = *label == WindowLabel::Main || windows.contains(label);
            if !keep {
                dropped.push(format!("inbox of {label}"));
            }
            messages.retain(|m| Limit::MessageChars.check(m.text.chars().count()).is_ok());
            let extra = messages.len().saturating_sub(HISTORY);
            messages.drain(..extra);
            keep
        });
        dropped
    }

    pub(crate) fn last_seq(&self) -> u32 {
        let seqs = self.inboxes.values().flatten().map(|m| m.seq);
        seqs.max().unwrap_or(0)
    }
}

/// A workspace file that could not be used, and where it was put.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SetAside {
    /// Where the file is now.
    pub path: String,
    /// Why it was not used.
    pub reason: String,
}

/// What [`load`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The workspace to restore: fresh when there was no usable file.
    pub workspace: Workspace,
    /// The file that was set aside, if any.
    pub set_aside: Option<SetAside>,
    /// What a readable file named that this app would not have written, dropped.
    pub dropped: Vec<String>,
}

/// Reads the workspace at `path`. A missing file is a fresh workspace; one that cannot be
/// used is renamed to `<name>.set-aside-<ms>` and reported.
pub fn load(path: &Path) -> Loaded {
    let fresh = |set_aside| Loaded {
        workspace: Workspace::default(),
        set_aside,
        dropped: Vec::new(),
    };
    match read(path) {
        Ok(None) => fresh(None),
        Ok(Some(mut workspace)) => {
            let dropped = workspace.sanitize();
            Loaded {
                workspace,
                set_aside: None,
                dropped,
            }
        }
        Err(reason) => {
            let aside = path.with_extension(format!("json.set-aside-{}", now_ms()));
            let reason = match fs::rename(path, &aside) {
                Ok(()) => reason,
                Err(e) => format!("{reason}; and it could not be renamed: {e}"),
            };
            log::warn!(
                "workspace {} set aside as {}: {reason}",
                path.display(),
                aside.display()
            );
            fresh(Some(SetAside {
                path: aside.display().to_string(),
                reason,
            }))
        }
    }
}

fn read(path: &Path) -> Result<Option<Workspace>, String> {
    let size = match fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read it: {e}")),
    };
    if size > MAX_FILE_BYTES {
        return Err(format!("{size} bytes, more than {MAX_FILE_BYTES}"));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("not JSON: {e}"))?;
    match value.get("format").and_then(serde_json::Value::as_u64) {
        Some(format) if format == u64::from(FORMAT) => {}
        Some(format) => return Err(format!("format {format}; this app reads {FORMAT}")),
        None => return Err("no format number".to_owned()),
    }
    serde_json::from_value(value)
        .map(Some)
        .map_err(|e| format!("not a workspace: {e}"))
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// Writes `bytes` to `path` so that `path` always holds a whole file: a temporary file
/// beside it, synced, renamed over it, and the folder synced so that the rename lasts.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = path.with_extension("json.tmp");
    let mut file = fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(&tmp, path)?;
    fs::File::open(dir)?.sync_all()
}

/// What one pass of the writer did, handed to the app after it, outside every lock: the app
/// saves window geometry when it changed, and tells main what was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// A window moved or was resized since the pass before.
    pub geometry: bool,
    /// The workspace file was written (or failed to be), when the workspace had changed.
    pub file: Option<WorkspaceSaved>,
}

type AfterWrite = Box<dyn Fn(Written) + Send + Sync>;

/// The workspace as the app runs, and its writer. Managed as Tauri state; without it (the
/// integration tests' default) nothing is kept.
pub struct WorkspaceStore {
    shared: Arc<Shared>,
    writer: Mutex<Option<JoinHandle<()>>>,
    set_aside: Option<SetAside>,
}

struct Shared {
    path: PathBuf,
    state: Mutex<Pending>,
    wake: Condvar,
    after_write: AfterWrite,
}

struct Pending {
    workspace: Workspace,
    /// Changed since the last write began.
    dirty: bool,
    /// A window moved or was resized since the last write began.
    geometry: bool,
    /// Quitting: window closes are not changes.
    frozen: bool,
    /// The writer is to finish what is pending and stop.
    stopping: bool,
    /// Writes of the file done or tried.
    writes: u32,
}

impl Pending {
    /// Whether the next write has something to do.
    fn wanted(&self) -> bool {
        self.dirty || self.geometry
    }
}

impl WorkspaceStore {
    /// Starts keeping `workspace` at `path`; `after_write` runs after each pass of the writer.
    /// What loading set aside is kept for the pages to read.
    pub fn start(
        path: PathBuf,
        loaded: &Loaded,
        after_write: impl Fn(Written) + Send + Sync + 'static,
    ) -> Self {
        let shared = Arc::new(Shared {
            path,
            state: Mutex::new(Pending {
                workspace: loaded.workspace.clone(),
                dirty: false,
                geometry: false,
                frozen: false,
                stopping: false,
                writes: 0,
            }),
            wake: Condvar::new(),
            after_write: Box::new(after_write),
        });
        let writer = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("workspace-writer".into())
                .spawn(move || shared.write_until_stopped())
                .map_err(|e| log::error!("workspace writer not started, nothing is kept: {e}"))
                .ok()
        };
        WorkspaceStore {
            shared,
            writer: Mutex::new(writer),
            set_aside: loaded.set_aside.clone(),
        }
    }

    /// The file it writes.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// Window `label` opened.
    pub fn opened(&self, label: WindowLabel) {
        if label == WindowLabel::Main {
            return;
        }
        self.change(|w| {
            let new = !w.windows.contains(&label);
            if new {
                w.windows.push(label);
            }
            new
        });
    }

    /// Window `label` was closed while the app runs on: it and its inbox are forgotten.
    pub fn closed(&self, label: WindowLabel) {
        self.change(|w| {
            let before = w.windows.len();
            w.windows.retain(|l| *l != label);
            w.inboxes.remove(&label).is_some() || w.windows.len() != before
        });
    }

    /// `message` reached (or is held for) each of `labels`.
    pub fn received(&self, labels: &[WindowLabel], message: &InboxMessage) {
        if labels.is_empty() {
            return;
        }
        self.change(|w| {
            for label in labels {
                let inbox = w.inboxes.entry(*label).or_default();
                // Senders number messages under the Outbox's lock but record them after it:
                // keep each inbox in number order.
                let at = inbox.partition_point(|m| m.seq < message.seq);
                inbox.insert(at, message.clone());
                if inbox.len() > HISTORY {
                    inbox.remove(0);
                }
            }
            true
        });
    }

    /// A window moved or was resized: the next write also saves geometry.
    pub fn geometry_changed(&self) {
        let mut pending = lock(&self.shared.state);
        if pending.frozen {
            return;
        }
        // Once something is pending the writer looks again by itself: no need to wake it.
        if !pending.wanted() {
            self.shared.wake.notify_one();
        }
        pending.geometry = true;
    }

    /// The app is quitting: from now on windows close because of that, and the workspace
    /// stays as it is.
    pub fn freeze(&self) {
        lock(&self.shared.state).frozen = true;
    }

    /// Writes what is pending and stops the writer; later changes are not kept. Called as the
    /// app exits.
    pub fn finish(&self) {
        {
            let mut pending = lock(&self.shared.state);
            pending.frozen = true;
            pending.stopping = true;
            self.shared.wake.notify_one();
        }
        if let Some(writer) = lock(&self.writer).take() {
            if writer.join().is_err() {
                log::error!("the workspace writer panicked");
            }
        }
    }

    /// The workspace as it is now.
    pub fn snapshot(&self) -> Workspace {
        lock(&self.shared.state).workspace.clone()
    }

    /// How many writes of the file are done or tried.
    pub fn writes(&self) -> u32 {
        lock(&self.shared.state).writes
    }

    fn change(&self, apply: impl FnOnce(&mut Workspace) -> bool) {
        let mut pending = lock(&self.shared.state);
        if pending.frozen || pending.stopping {
            return;
        }
        if apply(&mut pending.workspace) {
            // A burst changes it thousands of times a second: only the first change wakes the
            // writer, which looks again by itself before it sleeps.
            if !pending.wanted() {
                self.shared.wake.notify_one();
            }
            pending.dirty = true;
        }
    }
}

impl Shared {
    fn write_until_stopped(&self) {
        let mut next_write = Instant::now();
        loop {
            let (file, geometry) = {
                let mut pending = lock(&self.state);
                // Something to write, and the pause since the last write over; stopping
                // writes at once.
                loop {
                    let now = Instant::now();
                    if pending.stopping || (pending.wanted() && now >= next_write) {
                        break;
                    }
                    pending = if pending.wanted() {
                        let waited = self.wake.wait_timeout(pending, next_write - now);
                        waited.unwrap_or_else(PoisonError::into_inner).0
                    } else {
                        self.wake
                            .wait(pending)
                            .unwrap_or_else(PoisonError::into_inner)
                    };
                }
                next_write = Instant::now() + WRITE_EVERY;
                if !pending.wanted() {
                    return;
                }
                let file = pending.dirty.then(|| {
                    let w = &pending.workspace;
                    let messages = w.inboxes.values().map(Vec::len).sum::<usize>();
                    let summary = (
                        w.windows.clone(),
                        u32::try_from(messages).unwrap_or(u32::MAX),
                    );
                    (serde_json::to_vec_pretty(w), summary)
                });
                let geometry = pending.geometry;
                pending.dirty = false;
                pending.geometry = false;
                (file, geometry)
            };
            let file = file.map(|(bytes, (windows, messages))| {
                let error = match bytes {
                    Ok(bytes) => write_atomically(&self.path, &bytes).err(),
                    Err(e) => Some(e.into()),
                }
                .map(|e| {
                    log::error!("workspace not saved to {}: {e}", self.path.display());
                    e.to_string()
                });
                let writes = {
                    let mut pending = lock(&self.state);
                    pending.writes = pending.writes.saturating_add(1);
                    pending.writes
                };
                WorkspaceSaved {
                    windows,
                    messages,
                    writes,
                    error,
                }
            });
            (self.after_write)(Written { geometry, file });
        }
    }
}

/// What main and the inspector are told about the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceStatus {
    /// The workspace file, or `null` when nothing is kept.
    pub path: Option<String>,
    /// The workspace as it is now.
    pub workspace: Workspace,
    /// A file that could not be used at start, and where it is now.
    pub set_aside: Option<SetAside>,
}

/// Tells main what the writer wrote. Main may be gone (the last write as the app exits): that
/// is no warning.
pub fn tell_main<R: Runtime>(app: &AppHandle<R>, saved: &WorkspaceSaved) {
    let main = Audience::One {
        label: WindowLabel::Main,
    };
    if let Err(e) = app.state::<Switchboard>().send(app, &main, saved) {
        log::debug!("main not told of the workspace write: {e}");
    }
}

/// Where the workspace is kept, what it holds now, and what was set aside at start.
#[tauri::command]
#[specta::specta]
pub async fn workspace_status<R: Runtime>(call: Call<R>) -> Result<WorkspaceStatus, AppError> {
    call.run(|call| {
        let store: Option<State<'_, WorkspaceStore>> = call.app.try_state();
        Ok(match store {
            Some(store) => WorkspaceStatus {
                path: Some(store.path().display().to_string()),
                workspace: store.snapshot(),
                set_aside: store.set_aside.clone(),
            },
            None => WorkspaceStatus {
                path: None,
                workspace: Workspace::default(),
                set_aside: None,
            },
        })
    })
}

/// Records a message in the inboxes of the windows it reached (`sent`: emitted or held), when
/// a workspace is kept; `message` makes it only then, off the sender's hot path otherwise.
pub fn record_received<R: Runtime>(
    app: &AppHandle<R>,
    sent: &Sent,
    message: impl FnOnce() -> InboxMessage,
) {
    if let Some(store) = app.try_state::<WorkspaceStore>() {
        let reached: Vec<WindowLabel> = sent.emitted.iter().chain(&sent.held).copied().collect();
        store.received(&reached, &message());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of its own for each test, removed when the test ends.
    struct Scratch(PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    impl std::ops::Deref for Scratch {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    /// A folder no other test uses: tests run in parallel, and two of them may ask for the
    /// same name in the same millisecond (seen: one removed the other's folder).
    fn scratch(name: &str) -> Scratch {
        static MADE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("sb-workspace-{name}-{}-{n}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn message(seq: u32, text: &str) -> InboxMessage {
        InboxMessage {
            seq,
            from: WindowLabel::Main,
            audience: Audience::All,
            text: text.into(),
        }
    }

    fn set_aside_for(contents: &[u8]) -> (Loaded, PathBuf, Scratch) {
        let dir = scratch("aside");
        let path = dir.join("workspace.json");
        fs::write(&path, contents).unwrap();
        (load(&path), path, dir)
    }

    #[test]
    fn a_missing_file_is_a_fresh_workspace() {
        let dir = scratch("missing");
        let loaded = load(&dir.join("workspace.json"));
        assert_eq!(loaded.workspace, Workspace::default());
        assert_eq!(loaded.set_aside, None);
    }

    #[test]
    fn a_file_it_cannot_use_is_set_aside_with_the_reason_and_kept() {
        let old = br#"{"format":0,"windows":[],"inboxes":{}}"#;
        for (contents, reason) in [
            (&b"{ not json"[..], "not JSON"),
            (&old[..], "format 0; this app reads 1"),
            (br#"{"windows":[]}"#, "no format number"),
            (
                br#"{"format":1,"windows":["worker-0"],"inboxes":{}}"#,
                "not a workspace",
            ),
            (
                br#"{"format":1,"windows":[],"inboxes":{},"extra":1}"#,
                "not a workspace",
            ),
        ] {
            let (loaded, path, _dir) = set_aside_for(contents);
            assert_eq!(loaded.workspace, Workspace::default());
            let aside = loaded.set_aside.expect("set aside");
            assert!(aside.reason.starts_with(reason), "{}", aside.reason);
            assert!(!path.exists(), "the file is moved out of the way");
            assert_eq!(fs::read(&aside.path).unwrap(), contents, "and kept");
        }
    }

    #[test]
    fn a_file_too_large_is_not_read() {
        let (loaded, _, _dir) = set_aside_for(&vec![b' '; MAX_FILE_BYTES as usize + 1]);
        assert!(loaded.set_aside.unwrap().reason.contains("more than"));
    }

    #[test]
    fn keeps_only_what_this_app_could_have_written() {
        let mut inboxes = BTreeMap::new();
        let many: Vec<_> = (1..=80).map(|n| message(n, "m")).collect();
        inboxes.insert(WindowLabel::Worker(1), many);
        inboxes.insert(WindowLabel::Worker(9), vec![message(81, "closed")]);
        inboxes.insert(
            WindowLabel::Main,
            vec![message(82, &"x".repeat(5_000)), message(83, "fine")],
        );
        let mut workspace = Workspace {
            format: FORMAT,
            windows: [
                1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            ]
            .into_iter()
            .map(WindowLabel::Worker)
            .chain([WindowLabel::Main, WindowLabel::Inspector])
            .collect(),
            inboxes,
        };
        let dropped = workspace.sanitize();
        assert_eq!(
            workspace.windows.len(),
            16 + 1,
            "16 workers and the inspector"
        );
        assert_eq!(workspace.windows[0], WindowLabel::Worker(1));
        assert!(!workspace.windows.contains(&WindowLabel::Main));
        assert!(
            dropped.contains(&"inbox of worker-9".to_owned()),
            "{dropped:?}"
        );
        let kept = &workspace.inboxes[&WindowLabel::Worker(1)];
        assert_eq!(kept.len(), HISTORY);
        assert_eq!(kept[0].seq, 31, "the newest are kept");
        assert_eq!(workspace.inboxes[&WindowLabel::Main].len(), 1);
        assert_eq!(workspace.last_seq(), 83);
    }

    #[test]
    fn the_store_writes_every_change_and_a_burst_in_few_writes() {
        let dir = scratch("store");
        let path = dir.join("workspace.json");
        let last = Arc::new(Mutex::new(None));
        let report = last.clone();
        let store = WorkspaceStore::start(path.clone(), &load(&path), move |written| {
            if let Some(file) = written.file {
                *lock(&report) = Some(file);
            }
        });
        store.opened(WindowLabel::Worker(2));
        store.opened(WindowLabel::Inspector);
        store.opened(WindowLabel::Main);
        for n in 1..=1_000 {
            let burst = message(2 * n, "b");
            store.received(&[WindowLabel::Worker(2), WindowLabel::Main], &burst);
        }
        // Recorded out of order (numbered under one lock, recorded after it): kept in order.
        store.received(&[WindowLabel::Main], &message(1_999, "late"));
        store.finish();
        assert!(store.writes() < 100, "{} writes", store.writes());
        let last = lock(&last).clone().expect("writes were reported");
        assert_eq!(
            (last.writes, last.messages, last.error),
            (store.writes(), 2 * HISTORY as u32, None)
        );
        let read = load(&path).workspace;
        assert_eq!(
            read.windows,
            [WindowLabel::Worker(2), WindowLabel::Inspector]
        );
        let main = &read.inboxes[&WindowLabel::Main];
        assert_eq!(main.len(), HISTORY);
        assert_eq!(main.last().map(|m| m.seq), Some(2_000));
        assert_eq!(main[main.len() - 2].text, "late");
        assert!(!path.with_extension("json.tmp").exists());
        // Finished: later changes are not kept.
        store.opened(WindowLabel::Worker(3));
        assert_eq!(load(&path).workspace.windows.len(), 2);
    }

    #[test]
    fn writes_start_at_most_once_every_write_every() {
        let dir = scratch("paced");
        let path = dir.join("workspace.json");
        let last_written = || {
            load(&path).workspace.inboxes[&WindowLabel::Worker(1)]
                .last()
                .map(|m| m.seq)
        };
        // No write starts before this.
        let started = Instant::now();
        let store = WorkspaceStore::start(path.clone(), &load(&path), |_| {});
        store.opened(WindowLabel::Worker(1));
        let mut seq = 1;
        store.received(&[WindowLabel::Worker(1)], &message(seq, "often"));
        // A change every millisecond: written at once, the writer would write hundreds of times.
        while started.elapsed() < WRITE_EVERY * 3 + WRITE_EVERY / 2 {
            seq += 1;
            store.received(&[WindowLabel::Worker(1)], &message(seq, "often"));
            std::thread::sleep(Duration::from_millis(1));
        }
        // The n-th write starts no sooner than (n - 1) pauses after the first.
        let writes = store.writes();
        let most = started.elapsed().as_millis() / WRITE_EVERY.as_millis() + 1;
        assert!(
            u128::from(writes) <= most,
            "{writes} writes, at most {most}"
        );
        // Each change reaches the file without `finish`: the last of the stream, and one made
        // after a quiet spell, when the writer sleeps until a change wakes it.
        let written = |seq| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while path.exists().then(last_written).flatten() != Some(seq) {
                assert!(Instant::now() < deadline, "change {seq} was never written");
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        written(seq);
        std::thread::sleep(WRITE_EVERY * 2);
        seq += 1;
        store.received(&[WindowLabel::Worker(1)], &message(seq, "after a while"));
        written(seq);
        // Stopping writes what is pending, a change made just after a write included.
        store.received(&[WindowLabel::Worker(1)], &message(seq + 1, "last"));
        store.finish();
        assert_eq!(last_written(), Some(seq + 1));
    }

    #[test]
    fn closes_while_quitting_change_nothing() {
        let dir = scratch("quit");
        let path = dir.join("workspace.json");
        let store = WorkspaceStore::start(path.clone(), &load(&path), |_| {});
        store.opened(WindowLabel::Worker(1));
        store.received(&[WindowLabel::Worker(1)], &message(1, "kept"));
        store.closed(WindowLabel::Inspector);
        store.freeze();
        store.closed(WindowLabel::Worker(1));
        store.finish();
        let read = load(&path).workspace;
        assert_eq!(read.windows, [WindowLabel::Worker(1)]);
        assert_eq!(read.inboxes[&WindowLabel::Worker(1)][0].text, "kept");
    }

    #[test]
    fn geometry_is_saved_after_a_write_when_a_window_moved() {
        let dir = scratch("geometry");
        let path = dir.join("workspace.json");
        let saved = Arc::new(Mutex::new(Vec::new()));
        let log = saved.clone();
        let store = WorkspaceStore::start(path.clone(), &load(&path), move |written| {
            lock(&log).push(written)
        });
        store.geometry_changed();
        store.finish();
        let only_geometry = Written {
            geometry: true,
            file: None,
        };
        assert_eq!(*lock(&saved), [only_geometry]);
        assert!(!path.exists(), "nothing but geometry changed");
        assert_eq!(store.writes(), 0);
    }

    #[test]
    fn each_write_is_reported_and_a_failed_one_says_why() {
        let dir = scratch("report");
        // A file where the workspace's folder should be: every write fails.
        fs::write(dir.join("taken"), "not a folder").unwrap();
        let path = dir.join("taken").join("workspace.json");
        let reports = Arc::new(Mutex::new(Vec::new()));
        let log = reports.clone();
        let store = WorkspaceStore::start(path.clone(), &load(&path), move |written| {
            lock(&log).extend(written.file)
        });
        store.opened(WindowLabel::Worker(4));
        store.received(&[WindowLabel::Worker(4)], &message(1, "hi"));
        store.finish();
        let reports = lock(&reports);
        let last = reports.last().expect("a write was reported");
        assert_eq!(last.windows, [WindowLabel::Worker(4)]);
        assert_eq!(last.messages, 1);
        assert_eq!(last.writes, store.writes());
        // Its folder cannot be made: the OS's reason.
        assert_eq!(last.error.as_deref(), Some("File exists (os error 17)"));
        // The app runs on with what it has in memory.
        assert_eq!(store.snapshot().windows, [WindowLabel::Worker(4)]);
    }
}
