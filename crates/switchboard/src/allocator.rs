//! WebKit's allocator in the app's own process, swapped for the system's.
//!
//! On Linux, WebKitGTK allocates with its own allocator (libpas), whose lock waits by spinning
//! and yielding instead of sleeping. In the app's process WebKit has one IPC thread per web
//! process, and they allocate and free the pages' messages under that lock while the main
//! thread allocates too. On a machine with few cores, the thread holding the lock can be kept
//! off a core (for example while it waits for the kernel to map memory) while the others spin
//! on both cores, and every window stops drawing for about a second
//! (docs/tauri-behaviour.md#allocator-convoy has the traces).
//!
//! WebKit's `Malloc=1` makes it use the system's allocator, which sleeps when it must wait, but
//! WebKit reads it when its libraries load, before `main` runs: setting it from `main` changes
//! nothing. So [`use_system_allocator`] starts the binary again, in the same process (same
//! id, arguments and environment), with the variable set, and the second start clears it. The
//! web processes, which WebKit starts later from this environment, keep WebKit's allocator:
//! with the system's, each page took about twice the memory.

/// Makes WebKit allocate with the system's allocator in this process, and keep its own in the
/// web processes. Call it first in `main`, before any thread starts: it may replace the
/// running program with a fresh start of itself (`exec`), which keeps the process's id, so a
/// launcher, `tauri dev` or a WebDriver session that waits on it sees one process.
///
/// Does nothing on other systems (WebView2 and WKWebView do not use WebKitGTK's allocator),
/// nor when `Malloc` is already set: whoever set it chose it for every process. If the
/// restart fails, says why on stderr and goes on with WebKit's allocator.
pub fn use_system_allocator() {
    #[cfg(target_os = "linux")]
    linux::restart_with_system_allocator();
}

/// The restart, where WebKitGTK is the webview.
#[cfg(target_os = "linux")]
mod linux {
    /// WebKit's own switch: any value makes it allocate with the system's allocator.
    const WEBKIT_MALLOC: &str = "Malloc";

    /// Set for the second start only, so that it knows the variable is ours to clear.
    const RESTARTED: &str = "SWITCHBOARD_SYSTEM_ALLOCATOR";

    /// What this start of the binary does about WebKit's allocator, from its environment.
    #[derive(Debug, PartialEq)]
    enum Step {
        /// The first start: start again with the switch set.
        Restart,
        /// The second start: WebKit has read the switch; clear it and the mark, so that no process
        /// started from here (the web processes first) inherits them.
        Clear,
        /// `Malloc` was set by whoever started the app, for every process: leave it.
        Leave,
    }

    fn step(set: impl Fn(&str) -> bool) -> Step {
        if set(RESTARTED) {
            Step::Clear
        } else if set(WEBKIT_MALLOC) {
            Step::Leave
        } else {
            Step::Restart
        }
    }

    pub(super) fn restart_with_system_allocator() {
        use std::os::unix::process::CommandExt;

        match step(|name| std::env::var_os(name).is_some()) {
            Step::Leave => return,
            Step::Clear => {
                std::env::remove_var(RESTARTED);
                std::env::remove_var(WEBKIT_MALLOC);
                return;
            }
            Step::Restart => {}
        }
        // The binary's own path rather than /proc/self/exe: the process is named after the file
        // it runs, and tools that find the app by name must still find it.
        let program = match std::env::current_exe() {
            Ok(program) => program,
            Err(error) => return cannot_restart(error),
        };
        let mut args = std::env::args_os();
        let mut restart = std::process::Command::new(program);
        if let Some(name) = args.next() {
            restart.arg0(name);
        }
        // `exec` returns only if it failed.
        let error = restart
            .args(args)
            .env(WEBKIT_MALLOC, "1")
            .env(RESTARTED, "1")
            .exec();
        cannot_restart(error);
    }

    fn cannot_restart(error: std::io::Error) {
        eprintln!(
            "switchboard: WebKit keeps its own allocator in this process: cannot restart: {error}"
        );
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn restarts_once_and_leaves_a_switch_set_by_the_user() {
            let with = |names: &'static [&'static str]| step(move |name| names.contains(&name));
            assert_eq!(with(&[]), Step::Restart);
            // The second start has both; it must not start a third time.
            assert_eq!(with(&[WEBKIT_MALLOC, RESTARTED]), Step::Clear);
            assert_eq!(with(&[WEBKIT_MALLOC]), Step::Leave);
        }
    }
}
