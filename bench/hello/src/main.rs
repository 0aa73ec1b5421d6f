//! A hello-world Tauri app: one window whose page makes one command call. `npm run bench`
//! starts it beside Switchboard, in the same run and the same build profile, for the floor of
//! start-up time and memory. `bench/.taurignore` hides it from the Tauri CLI, which takes the
//! first `tauri.conf.json` it finds under the root: `npm run tauri` must find only the app's.

/// The page's one call.
#[tauri::command]
fn hello() -> &'static str {
    "hello"
}

fn main() {
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![hello])
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("hello: cannot start: {e}");
        std::process::exit(1);
    }
}
