//! Repository rules that are cheap to check: every citation of the behaviour notes resolves
//! inside the repository, so a clone can follow each one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const NOTES: &str = "docs/tauri-behaviour.md";

/// The repository's root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The text files a clone has, outside generated, installed and built folders.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy();
        if path.is_dir() {
            if !matches!(
                name.as_ref(),
                "target" | "node_modules" | "dist" | "gen" | "artifacts" | "icons"
            ) && !name.starts_with('.')
            {
                sources(&path, out);
            }
        } else if [
            ".rs", ".ts", ".mjs", ".sh", ".md", ".json", ".html", ".toml",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_behaviour_note_cited_exists_and_nothing_cites_files_outside_the_repository() {
    let notes = std::fs::read_to_string(root().join(NOTES)).unwrap();
    let anchors: Vec<&str> = notes
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .collect();
    let mut files = Vec::new();
    sources(&root(), &mut files);
    let mut cited = 0;
    let mut wrong = Vec::new();
    let outside = ["FACTS", "DESIGN", "STYLE"].map(|name| format!("{name}.md"));
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        for name in &outside {
            if text.contains(name.as_str()) && !shown.ends_with("tidy.rs") {
                wrong.push(format!("{shown} cites {name}, which a clone does not have"));
            }
        }
        if shown == NOTES {
            continue;
        }
        for (i, _) in text.match_indices(&format!("{NOTES}#")) {
            let anchor: String = text[i + NOTES.len() + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            cited += 1;
            if !anchors.contains(&anchor.as_str()) {
                wrong.push(format!(
                    "{shown} cites {NOTES}#{anchor}, which has no such heading"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        cited >= 15,
        "only {cited} citations found: is the walk right?"
    );
}

/// `tauri build` runs `npm run build` first; that must type-check, or a release could ship
/// TypeScript that does not compile (Vite alone strips types without checking them).
#[test]
fn the_frontend_build_type_checks_first() {
    let text = std::fs::read_to_string(root().join("package.json")).unwrap();
    let package: serde_json::Value = serde_json::from_str(&text).unwrap();
    let build = package["scripts"]["build"].as_str().unwrap_or_default();
    assert!(
        build.starts_with("tsc --noEmit"),
        "scripts.build is {build:?}"
    );
    let text = std::fs::read_to_string(root().join("app/tauri.conf.json")).unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(config["build"]["beforeBuildCommand"], "npm run build");
}

/// The page policy of the built app: nothing inline, no plugins, no `<base>`, no form posts,
/// and a frozen `Object.prototype`, so that a compromised dependency has less to work with.
#[test]
fn the_content_security_policy_is_strict_and_the_prototype_frozen() {
    let text = std::fs::read_to_string(root().join("app/tauri.conf.json")).unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    let security = &config["app"]["security"];
    assert_eq!(security["freezePrototype"], true);
    let csp = security["csp"].as_str().unwrap_or_default();
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'none'",
    ] {
        assert!(
            csp.split("; ").any(|d| d == directive),
            "{directive} missing from {csp}"
        );
    }
    assert!(!csp.contains("unsafe-"), "{csp}");
}

/// docs/limits.md says what `limits.rs` does, limit by limit.
#[test]
fn the_docs_list_every_limit_with_its_bound() {
    let page = std::fs::read_to_string(root().join("docs/limits.md")).unwrap();
    let rows: Vec<(String, u32)> = page
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let bound = cells.get(2)?.replace(',', "").parse().ok()?;
            Some((name.to_owned(), bound))
        })
        .collect();
    let want: Vec<(String, u32)> = switchboard_commands::Limit::ALL
        .iter()
        .map(|l| (l.name().to_owned(), l.bound()))
        .collect();
    assert_eq!(rows, want);
}

/// The modules (files) of a crate's `src`, by name (`lib` for the root), with their code up to
/// their `mod tests`: tests may use anything.
fn modules(krate: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(&root().join(krate).join("src"), &mut files);
    files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            // Doc links name modules too, but only `use` and paths in code make a dependency.
            let code: String = code
                .lines()
                .map(|line| line.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            (name, code)
        })
        .collect()
}

/// The first path segment of each item after `crate::` in `code`: `crate::a::b` gives `a`,
/// `crate::{a::b, C}` gives `a` and `C`.
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let Some(inner) = rest.strip_prefix('{') else {
            out.push(ident(rest));
            continue;
        };
        let (mut depth, mut item) = (0, String::new());
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(ident(&item));
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        out.push(ident(&item));
    }
    out.retain(|name| !name.is_empty());
    out
}

/// Which module each module of `krate` imports: `crate::module::...` directly, or a name the
/// root re-exports with `pub use module::...`.
fn module_imports(krate: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    let modules = modules(krate);
    let names: Vec<&str> = modules.iter().map(|(n, _)| n.as_str()).collect();
    let mut reexported = std::collections::HashMap::new();
    if let Some((_, lib)) = modules.iter().find(|(n, _)| n == "lib") {
        for statement in lib.split(';') {
            let Some(path) = statement.trim().strip_prefix("pub use ") else {
                continue;
            };
            let Some((module, items)) = path.split_once("::") else {
                continue;
            };
            let items = items.trim_matches(|c| c == '{' || c == '}');
            for item in items.split(',') {
                let name = item.split("::").last().unwrap_or_default().trim();
                reexported.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    modules
        .iter()
        .filter(|(name, _)| name != "lib")
        .map(|(name, code)| {
            let mut imports: Vec<String> = crate_paths(code)
                .into_iter()
                .filter_map(|first| match names.contains(&first.as_str()) {
                    true => Some(first),
                    false => reexported.get(&first).cloned(),
                })
                .filter(|module| module != name)
                .collect();
            imports.sort();
            imports.dedup();
            (name.clone(), imports)
        })
        .collect()
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &std::collections::BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &std::collections::BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut std::collections::HashSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = std::collections::HashSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_import_reader_sees_direct_and_reexported_imports_and_cycles() {
    let code = "use crate::{a::b, C, d::{e, f}};\nfn g() { crate::h::i(); }";
    assert_eq!(crate_paths(code), ["a", "C", "d", "h"]);
    let graph = |edges: &[(&str, &str)]| {
        let mut g = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (from, to) in edges {
            g.entry(from.to_string()).or_default().push(to.to_string());
        }
        g
    };
    assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "b")])),
        Some(vec!["b".into(), "c".into(), "b".into()])
    );
    // The engine's state imports the Outbox and the trace (re-exported); the trace imports
    // what a send reports.
    let plugin = module_imports("crates/switchboard");
    assert!(
        plugin["switchboard"].contains(&"outbox".to_owned()),
        "{plugin:?}"
    );
    assert!(
        plugin["switchboard"].contains(&"trace".to_owned()),
        "{plugin:?}"
    );
    assert!(
        plugin["trace"].contains(&"delivery".to_owned()),
        "{plugin:?}"
    );
}

/// Every crate is layered: no two of its modules import each other, directly or round a longer
/// circle, so that each can be read, and changed, knowing only what it imports.
#[test]
fn no_two_modules_of_a_crate_import_each_other() {
    for krate in [
        "crates/switchboard",
        "crates/events",
        "crates/commands",
        "crates/bench",
        "app",
    ] {
        let graph = module_imports(krate);
        assert!(graph.len() >= 3, "{krate}: {graph:?}");
        assert_eq!(find_cycle(&graph), None, "{krate} imports in a circle");
    }
}

/// The type-like names a crate's sources declare public (`pub struct X`, `pub const Y`, ...),
/// and with `own`, also those it declares privately or in traits (`type K;`).
fn declared_names(dir: &str, own: bool) -> std::collections::BTreeSet<String> {
    let mut files = Vec::new();
    sources(&root().join(dir), &mut files);
    let mut names = std::collections::BTreeSet::new();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            for kind in ["struct", "enum", "trait", "type", "const", "static"] {
                let declared = line.strip_prefix(&format!("pub {kind} ")).or_else(|| {
                    own.then(|| line.strip_prefix(&format!("{kind} ")))
                        .flatten()
                });
                if let Some(rest) = declared {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                        names.insert(name);
                    }
                }
            }
        }
    }
    names
}

/// The plugin depends on no crate of the app and names none of its types or constants (names it
/// declares itself aside), in code or as `code` in its docs, so that any app can add it.
#[test]
fn the_plugin_names_nothing_of_the_app() {
    let manifest = std::fs::read_to_string(root().join("crates/switchboard/Cargo.toml")).unwrap();
    assert!(
        !manifest.contains("switchboard-"),
        "the plugin depends on a crate of the app:\n{manifest}"
    );
    let own = declared_names("crates/switchboard/src", true);
    let app: std::collections::BTreeSet<String> = ["crates/events", "crates/commands", "app/src"]
        .iter()
        .flat_map(|dir| declared_names(dir, false))
        .filter(|name| !own.contains(name))
        .collect();
    assert!(
        app.contains("WindowLabel") && app.contains("AppError"),
        "{app:?}"
    );
    let mut files = Vec::new();
    sources(&root().join("crates/switchboard"), &mut files);
    let mut named = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Code, and what docs and comments quote as code; not their prose.
        let quoted = |comment: &str| -> String {
            comment
                .split('`')
                .skip(1)
                .step_by(2)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let code: String = text
            .lines()
            .map(|line| match line.split_once("//") {
                Some((code, comment)) => format!("{code} {}\n", quoted(comment)),
                None => format!("{line}\n"),
            })
            .collect();
        let words: std::collections::BTreeSet<&str> = code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for name in app.iter().filter(|n| words.contains(n.as_str())) {
            named.push(format!("{} names `{name}`", file.display()));
        }
        for krate in [
            "switchboard_events",
            "switchboard_commands",
            "switchboard_app",
        ] {
            if words.contains(krate) {
                named.push(format!("{} names the crate `{krate}`", file.display()));
            }
        }
    }
    assert!(named.is_empty(), "{}", named.join("\n"));
}

/// The vocabulary names no Tauri API and depends on Tauri only through the plugin: an app's
/// labels and payloads stay plain types, and the plugin is its one way to the IPC. (The
/// plugin itself needs Tauri, so the vocabulary does not yet compile without it.)
#[test]
fn the_vocabulary_names_no_tauri_api_and_reaches_tauri_through_the_plugin_alone() {
    let manifest = std::fs::read_to_string(root().join("crates/events/Cargo.toml")).unwrap();
    let deps: Vec<&str> = manifest
        .split("\n[")
        .filter(|section| section.starts_with("dependencies]"))
        .flat_map(|section| section.lines().skip(1))
        .filter_map(|l| l.split(['.', '=', ' ']).next())
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert!(deps.contains(&"tauri-plugin-switchboard"), "{deps:?}");
    let tauri =
        |d: &&str| *d == "tauri" || d.starts_with("tauri-") && *d != "tauri-plugin-switchboard";
    assert!(!deps.iter().any(tauri), "{deps:?}");
    for (name, code) in modules("crates/events") {
        assert!(
            !code.contains("tauri::"),
            "crates/events/src/{name}.rs names a Tauri API"
        );
    }
}

/// Where each call of `method` is made in the shipped crates (test modules aside), as
/// `dir/file.rs` paths.
fn callers_of(method: &str) -> std::collections::BTreeSet<String> {
    let mut callers = std::collections::BTreeSet::new();
    for krate in [
        "crates/switchboard",
        "crates/events",
        "crates/commands",
        "app",
    ] {
        for (name, code) in modules(krate) {
            if code.contains(&format!(".{method}(")) {
                callers.insert(format!("{krate}/src/{name}.rs"));
            }
        }
    }
    callers
}

/// A window's state lives in several tables (the Outbox's readiness, the trace's subscribers,
/// the demo's jobs, pings and workspace). Only the plugin's lifecycle module changes the
/// engine's for a window's open, ready, reload and close, and only the teardown hook the app
/// gives it ends the app's, so that a table added later is ended in one place, not forgotten
/// in one of several.
#[test]
fn only_the_lifecycle_opens_readies_and_tears_down_a_windows_state() {
    let only = |method: &str, allowed: &[&str]| {
        let want: std::collections::BTreeSet<String> =
            allowed.iter().map(|s| s.to_string()).collect();
        assert_eq!(callers_of(method), want, "who calls .{method}(");
    };
    let lifecycle = "crates/switchboard/src/lifecycle.rs";
    only("mark_loading", &[lifecycle]);
    only("unsubscribe", &[lifecycle]);
    only("ready", &[lifecycle]);
    // The demo's teardown, `windows::torn_down`, is the hook the app gives the lifecycle.
    only("stop_all_of", &["crates/commands/src/windows.rs"]);
    // ... and `restore` forgets a saved window that did not open again (it never had state).
    only(
        "closed",
        &[
            "crates/commands/src/windows.rs",
            "crates/commands/src/restore.rs",
        ],
    );
}

/// The minimal example stays minimal: its own Rust and TypeScript (not its generated bindings,
/// nor its configuration: manifests, `tauri.conf.json`, capabilities, the Vite config) fit in
/// 150 lines, blank lines and comments included.
#[test]
fn the_minimal_example_is_at_most_150_lines() {
    let dir = root().join("examples/minimal");
    let mut files = Vec::new();
    sources(&dir, &mut files);
    let own: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            let rel = f.strip_prefix(&dir).unwrap();
            let name = rel.to_string_lossy();
            (name.ends_with(".rs") || name.ends_with(".ts"))
                && !rel.starts_with("bindings")
                && !name.ends_with(".config.ts")
        })
        .collect();
    let count = |f: &PathBuf| std::fs::read_to_string(f).unwrap().lines().count();
    let lines: usize = own.iter().map(|f| count(f)).sum();
    let listed: Vec<String> = own
        .iter()
        .map(|f| format!("{} ({})", f.strip_prefix(&dir).unwrap().display(), count(f)))
        .collect();
    println!("examples/minimal: {lines} lines of Rust and TypeScript: {listed:?}");
    for needed in ["src/lib.rs", "build.rs", "ui/main.ts"] {
        assert!(
            listed.iter().any(|l| l.starts_with(needed)),
            "{needed} not counted: {listed:?}"
        );
    }
    assert!(lines <= 150, "{lines} lines: {listed:?}");
}

/// The packages a manifest's `[section]` names, one per line (`name.workspace = true` or
/// `name = ...`).
fn manifest_section(manifest: &str, section: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(manifest)).unwrap();
    text.split("\n[")
        .filter(|part| part.starts_with(&format!("{section}]")))
        .flat_map(|part| part.lines().skip(1))
        .filter(|line| !line.starts_with('#') && line.contains('='))
        .map(|line| {
            line.split(['.', ' ', '='])
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// The bindings' generator is built with every dependency of the app, its own or through the
/// commands crate, so that the two builds share every crate's features and `tauri dev`
/// compiles no crate a second time after the generator (see crates/bindings/Cargo.toml).
#[test]
fn the_generator_has_every_dependency_of_the_app() {
    for section in ["dependencies", "build-dependencies"] {
        let app = manifest_section("app/Cargo.toml", section);
        let mut generator = manifest_section("crates/bindings/Cargo.toml", section);
        generator.extend(manifest_section("crates/commands/Cargo.toml", section));
        assert!(!app.is_empty(), "app/Cargo.toml has no [{section}]");
        let missing: Vec<&String> = app.difference(&generator).collect();
        assert!(
            missing.is_empty(),
            "crates/bindings/Cargo.toml's [{section}] lacks the app's {missing:?}"
        );
    }
}
