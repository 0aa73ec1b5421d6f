//! Writing an app's TypeScript bindings and checking that they are fresh: the event list as a
//! module of its own (each event's name, route and payload type, for the guest package's
//! functions), tauri-specta's output read back as text, and a folder compared with, or made
//! into, what would be generated. The app's generator (a small binary, or a test) calls these;
//! nothing here runs when the app starts.

use std::{
    collections::BTreeMap,
    fmt,
    path::{Path, PathBuf},
    sync::atomic::{AtomicU32, Ordering},
};

use specta_typescript::Typescript;

use crate::EventInfo;

/// Generated files, by path relative to the bindings' folder.
pub type Files = BTreeMap<PathBuf, String>;

/// The runtime for command errors in an app's tauri-specta bindings (its `typed_error_impl`):
/// the guest package's `typedError`. tauri-specta's own assumes that every rejection is the
/// command's error type; Tauri's own rejections are plain strings, which the package's turns
/// into [`Rejection`](crate::Rejection) values (register that type with the builder), whose
/// kinds never collide with the app's. The plugin's commands answer in the same shape.
pub const TYPED_ERROR_IMPL: &str = r#"import { typedError as guestTypedError } from "tauri-plugin-switchboard-api";

/** The package's `typedError` itself, by the types of these bindings; the type is spelt out so
 * that lint rules which follow promises see one without the package's types. */
export const typedError: <T, E>(result: Promise<T>) => Promise<{ status: "ok"; data: T } | { status: "error"; error: E | Rejection }> = guestTypedError;"#;

/// The guest package, whose `EventSpec` the event module uses.
const GUEST_PACKAGE: &str = "tauri-plugin-switchboard-api";

/// The event module (`events.ts`), after `header`: every event of `events` with its name, its
/// route and whether only its latest value is held, its payload type (imported from
/// `./{types}`, the module tauri-specta writes) as a type parameter. The package's `EventSpec`
/// accepts the routes it knows: an event of a route it does not know fails the type check.
pub fn events_module(events: &[EventInfo], header: &str, types: &str) -> String {
    let mut names: Vec<&str> = events.iter().map(|e| e.type_name).collect();
    names.sort_unstable();
    names.dedup();
    let mut out = String::from(header);
    out.push_str(&format!(
        "\nimport {{ eventSpec }} from \"{GUEST_PACKAGE}/generated\";\nimport type {{ {} }} from \"./{types}\";\n\nexport type {{ EventSpec, Route }} from \"{GUEST_PACKAGE}\";\n",
        names.join(", ")
    ));
    let mut entries = Vec::new();
    for event in events {
        let key = camel_case(event.name);
        let route = event.route.as_str();
        let (latest, latest_doc) = if event.latest_only {
            (", true", ", only the latest held")
        } else {
            ("", "")
        };
        out.push_str(&format!(
            "\n/** `{}` ({route}{latest_doc}); the payload is `{}`. */\nconst {key} = eventSpec<{}, \"{route}\">(\"{}\", \"{route}\"{latest});\n",
            event.name, event.type_name, event.type_name, event.name
        ));
        entries.push(key);
    }
    out.push_str(&format!(
        "\n/** Every event, for the guest package's `pageApi`. */\nexport const events = {{ {} }} as const;\n",
        entries.join(", ")
    ));
    out
}

/// The payload types of `events`, for the app's tauri-specta builder (`.types(..)`), so that the
/// bindings define every type the event module imports.
pub fn event_types(events: &[EventInfo]) -> specta::Types {
    let mut types = specta::Types::default();
    for event in events {
        (event.register)(&mut types);
    }
    types
}

/// What `export` wrote to the file it was given, for generators that write only to files
/// (tauri-specta). Each call has a folder of its own, so that concurrent calls (tests run
/// several) never share or delete each other's output.
pub fn exported(export: impl FnOnce(&Path) -> Result<(), String>) -> Result<String, String> {
    static CALLS: AtomicU32 = AtomicU32::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!(
        "switchboard-bindings-{}-{call}",
        std::process::id()
    ));
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let file = scratch.join("out.ts");
    let read =
        export(&file).and_then(|()| std::fs::read_to_string(&file).map_err(|e| e.to_string()));
    let _ = std::fs::remove_dir_all(&scratch);
    read
}

/// Makes rustdoc read as TypeScript docs in tauri-specta's output: link brackets (`` [`X`] ``) become plain code spans,
/// and the extra space after each comment's `*` goes.
pub fn tidy_docs(ts: &str) -> String {
    let mut out = String::with_capacity(ts.len());
    for line in ts.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !(trimmed.starts_with("/**") || trimmed.starts_with('*')) {
            out.push_str(line);
            continue;
        }
        let line = line.replacen("/**  ", "/** ", 1).replacen(" *  ", " * ", 1);
        let mut rest = line.as_str();
        while let Some(start) = rest.find("[`") {
            match rest[start..].find("`]") {
                Some(end) => {
                    out.push_str(&rest[..start]);
                    out.push_str(&rest[start + 1..start + end + 1]);
                    rest = &rest[start + end + 2..];
                }
                None => break,
            }
        }
        out.push_str(rest);
    }
    out
}

/// `inbox-message` -> `inboxMessage`.
fn camel_case(kebab: &str) -> String {
    let mut parts = kebab.split('-');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// Every file under `dir`, by relative path.
fn read_tree(dir: &Path) -> Result<Files, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path
                    .strip_prefix(root)
                    .map_err(std::io::Error::other)?
                    .to_path_buf();
                out.insert(rel, std::fs::read_to_string(&path)?);
            }
        }
        Ok(())
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    }
    Ok(out)
}

/// How a folder differs from what would be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// Would be written with other content.
    Changed(PathBuf),
    /// Would be created.
    Missing(PathBuf),
    /// Would be deleted.
    Extra(PathBuf),
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::Changed(p) => write!(f, "changed: {}", p.display()),
            Drift::Missing(p) => write!(f, "missing: {}", p.display()),
            Drift::Extra(p) => write!(f, "not generated: {}", p.display()),
        }
    }
}

/// Compares `dir` with `want`, file by file, over the whole folder.
pub fn diff(dir: &Path, want: &Files) -> Result<Vec<Drift>, String> {
    let have = read_tree(dir)?;
    let mut drift = Vec::new();
    for (path, text) in want {
        match have.get(path) {
            None => drift.push(Drift::Missing(path.clone())),
            Some(old) if old != text => drift.push(Drift::Changed(path.clone())),
            Some(_) => {}
        }
    }
    drift.extend(
        have.keys()
            .filter(|p| !want.contains_key(*p))
            .map(|p| Drift::Extra(p.clone())),
    );
    Ok(drift)
}

/// Makes `dir` hold exactly `want`: writes what differs, deletes what is not generated.
pub fn write(dir: &Path, want: &Files) -> Result<Vec<Drift>, String> {
    let drift = diff(dir, want)?;
    for d in &drift {
        let io = match d {
            Drift::Changed(p) | Drift::Missing(p) => {
                let path = dir.join(p);
                path.parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&path, &want[p]))
            }
            Drift::Extra(p) => std::fs::remove_file(dir.join(p)),
        };
        io.map_err(|e| format!("{d}: {e}"))?;
    }
    Ok(drift)
}

/// A generator's command line, `[--check] [DIR]`: writes `generate()`'s files into DIR
/// (`default_dir` when not given), or with `--check` only compares. `Ok` is what to print on
/// success; `Err` what to print before exiting with failure, which names every stale file and
/// `regenerate`, the command that mends them.
pub fn cli(
    args: &[String],
    default_dir: PathBuf,
    regenerate: &str,
    generate: impl FnOnce() -> Result<Files, String>,
) -> Result<String, String> {
    let mut check = false;
    let mut dir = default_dir;
    for arg in args {
        match arg.as_str() {
            "--check" => check = true,
            other => dir = PathBuf::from(other),
        }
    }
    let want = generate().map_err(|e| format!("bindings: {e}"))?;
    let drift = if check {
        diff(&dir, &want)
    } else {
        write(&dir, &want)
    };
    let drift = drift.map_err(|e| format!("bindings: {e}"))?;
    if check && !drift.is_empty() {
        let stale: Vec<String> = drift
            .iter()
            .map(|d| format!("bindings are stale: {d}"))
            .collect();
        return Err(format!(
            "{}\nrun `{regenerate}` and commit the result",
            stale.join("\n")
        ));
    }
    let verb = if check { "up to date" } else { "written" };
    Ok(format!(
        "bindings {verb} in {} ({} file(s) changed)",
        dir.display(),
        drift.len()
    ))
}

/// The `main` of an app's bindings generator, for an app whose bindings are tauri-specta's
/// (`ipc.ts`) and the event module (`events.ts`): reads `[--check] [DIR]` from the command line
/// (DIR defaulting to `dir`) and runs [`cli`] over them, printing its report. `export` is the
/// app's tauri-specta builder writing a file (`|ts, file| builder.export(ts, file)`); each file
/// starts with a header naming `regenerate`, the command that runs this.
pub fn main<E: fmt::Display>(
    dir: PathBuf,
    regenerate: &str,
    events: &[EventInfo],
    export: impl FnOnce(Typescript, &Path) -> Result<(), E>,
) -> std::process::ExitCode {
    let header = format!(
        "// GENERATED by `{regenerate}`. Do not edit: change the Rust, then run it again.\n"
    );
    let generate = || {
        let ts = Typescript::default().header(header.clone());
        let ipc = exported(|file| export(ts, file).map_err(|e| e.to_string()))?;
        Ok(Files::from([
            ("ipc.ts".into(), tidy_docs(&ipc)),
            ("events.ts".into(), events_module(events, &header, "ipc")),
        ]))
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli(&args, dir, regenerate, generate) {
        Ok(report) => {
            println!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("{report}");
            std::process::ExitCode::FAILURE
        }
    }
}
