//! The docs stay true: every `npm run` script, file and lint rule they name exists, the script
//! table lists every script, the reliability figures cover every command, and every figure
//! measured by hand says by what command and on what date (the figures pages are written by
//! their commands, and say so in their first lines).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The hand-written and the command-written docs, as (path from the root, text).
fn docs() -> Vec<(String, String)> {
    let mut paths = vec![
        "README.md".to_owned(),
        "ARCHITECTURE.md".to_owned(),
        "crates/switchboard/README.md".to_owned(),
    ];
    let mut pages: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    pages.sort();
    paths.extend(pages);
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(root().join(&p)).unwrap();
            (p, text)
        })
        .collect()
}

/// A page that its command writes (`Written by `npm run ...``): its figures carry their run.
fn written_by_a_command(text: &str) -> bool {
    text.lines()
        .take(4)
        .any(|l| l.starts_with("Written by `npm run "))
}

fn scripts() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("package.json")).unwrap();
    let package: serde_json::Value = serde_json::from_str(&text).unwrap();
    package["scripts"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

/// The script names after each `npm run ` in `text` (`npm test` counts as `test`).
fn scripts_named(text: &str) -> Vec<String> {
    let mut named: Vec<String> = text
        .match_indices("npm run ")
        .map(|(i, _)| {
            text[i + 8..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'))
                .collect::<String>()
                .trim_end_matches([':', '-'])
                .to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect();
    if text.contains("npm test") {
        named.push("test".into());
    }
    named
}

#[test]
fn every_npm_script_the_docs_name_exists() {
    let scripts = scripts();
    let mut wrong = Vec::new();
    for (path, text) in docs() {
        for name in scripts_named(&text) {
            if !scripts.contains(&name) {
                wrong.push(format!(
                    "{path} names `npm run {name}`, which package.json lacks"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_script_table_lists_every_script() {
    let page = std::fs::read_to_string(root().join("docs/development.md")).unwrap();
    let listed: BTreeSet<String> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .flat_map(|cell| scripts_named(cell.split('|').next().unwrap_or_default()))
        .collect();
    let missing: Vec<String> = scripts().difference(&listed).cloned().collect();
    assert!(
        missing.is_empty(),
        "docs/development.md's table of scripts lacks {missing:?}"
    );
}

/// The file extensions whose paths the docs are checked for.
const EXTENSIONS: [&str; 13] = [
    "rs", "ts", "mjs", "sh", "md", "json", "toml", "grit", "png", "svg", "html", "css", "conf",
];

/// The repository paths `text` names: words with a `/` that end in a known extension or name a
/// folder (end in `/`), without anchors, outside URLs, absolute and home paths, and the build
/// and run outputs (`target/`, `artifacts/`).
fn paths_named(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "`()[]<>,;\"'*".contains(c))
        .map(|word| word.split('#').next().unwrap_or_default())
        .map(|word| word.trim_end_matches(['.', ':']))
        .filter(|word| word.contains('/') && !word.contains("://") && !word.contains('$'))
        .filter(|word| {
            ![
                "/",
                "~",
                "..",
                "target/",
                "artifacts/",
                "node_modules/",
                "@",
            ]
            .iter()
            .any(|p| word.starts_with(p))
        })
        .filter(|word| {
            word.ends_with('/')
                || word
                    .rsplit_once('.')
                    .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
        })
        .map(str::to_owned)
        .collect()
}

/// Paths the docs name that are not in a clone: folders made at run time or by a build, and
/// files of Tauri's and tao's sources that docs/tauri-behaviour.md cites.
const NOT_OURS: [&str; 6] = [
    "traces/",
    "dist-js/",
    "event/listener.rs",
    "manager/mod.rs",
    "permissions/autogenerated/",
    "platform_impl/linux/portal.rs",
];

/// Every file and folder of the repository (folders end in `/`), from the root, outside
/// installed, built and hidden folders.
fn repository(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') || matches!(name.as_str(), "target" | "node_modules") {
            continue;
        }
        let shown = path.strip_prefix(root()).unwrap().display().to_string();
        if path.is_dir() {
            out.push(format!("{shown}/"));
            repository(&path, out);
        } else {
            out.push(shown);
        }
    }
}

#[test]
fn every_file_the_docs_name_exists() {
    let mut everything = Vec::new();
    repository(&root(), &mut everything);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (path, text) in docs() {
        let dir = root().join(Path::new(&path).parent().unwrap());
        for named in paths_named(&text) {
            checked += 1;
            // From the root, from the page (links), or inside a folder the text is about
            // (ARCHITECTURE.md's `src/main.ts` under `frontend/`).
            let found = root().join(&named).exists()
                || dir.join(&named).exists()
                || everything.iter().any(|p| p.ends_with(&format!("/{named}")));
            if !found && !NOT_OURS.contains(&named.as_str()) {
                wrong.push(format!("{path} names {named}, which does not exist"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        checked > 100,
        "only {checked} paths found: is the scan right?"
    );
}

#[test]
fn every_lint_rule_is_documented() {
    let page = std::fs::read_to_string(root().join("docs/development.md")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root().join("lint")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".grit") && !page.contains(&format!("`lint/{name}`")) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/development.md lacks the lint rules {missing:?}"
    );
}

#[test]
fn the_reliability_figures_cover_every_command() {
    let page = std::fs::read_to_string(root().join("docs/reliability.md")).unwrap();
    let missing: Vec<&str> = switchboard_commands::COMMAND_NAMES
        .iter()
        .chain(tauri_plugin_switchboard::COMMANDS)
        .filter(|c| !page.contains(&format!("| `{c}` |")))
        .copied()
        .collect();
    assert!(
        missing.is_empty(),
        "docs/reliability.md has no row for {missing:?}: run `npm run soak`"
    );
}

/// Words that say a figure was measured, not designed.
const MEASURED: [&str; 9] = [
    "measured", "took", "median", "p50", "p99", "came", "about", "here", "moves",
];

/// Whether `block` holds a figure with a unit of time, size or rate.
fn has_figure(block: &str) -> bool {
    let words: Vec<&str> = block.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let number = pair[0].trim_start_matches(['(', '~']);
        let unit = pair[1].trim_end_matches([',', '.', ')', ';', ':']);
        number.chars().next().is_some_and(|c| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || ".,".contains(c))
            && [
                "ms", "s", "minutes", "min", "MiB", "MB", "KiB", "GiB", "MiB/s",
            ]
            .contains(&unit)
    })
}

/// Whether `block` names a date (YYYY-MM-DD).
fn has_date(block: &str) -> bool {
    let bytes = block.as_bytes();
    bytes.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        }) && w.starts_with(b"20")
    })
}

#[test]
fn every_measured_figure_names_its_command_and_date() {
    let mut wrong = Vec::new();
    for (path, text) in docs() {
        if written_by_a_command(&text) {
            continue;
        }
        // A paragraph, list item or table row at a time, code blocks left out.
        let mut in_code = false;
        let mut blocks = vec![String::new()];
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            let starts_item = line.trim_start().starts_with("- ") || line.starts_with('|');
            if line.trim().is_empty() || starts_item || in_code {
                blocks.push(String::new());
            }
            if !in_code {
                let block = blocks.last_mut().unwrap();
                block.push_str(line);
                block.push('\n');
            }
        }
        for block in blocks {
            let measured = MEASURED.iter().any(|w| block.contains(w));
            if measured && has_figure(&block) && !(has_date(&block) && block.contains('`')) {
                let first = block.trim().lines().next().unwrap_or_default();
                wrong.push(format!(
                    "{path}: a figure without its command and date: {first}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
