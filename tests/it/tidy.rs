//! Repository rules that are cheap to check: every citation of the behaviour notes resolves
//! inside the repository, so a clone can follow each one.

use std::path::{Path, PathBuf};

const NOTES: &str = "docs/tauri-behaviour.md";

fn root() -> PathBuf {
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

/// The README's limits table says what `limits.rs` does, limit by limit.
#[test]
fn the_readme_lists_every_limit_with_its_bound() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let rows: Vec<(String, u32)> = readme
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
