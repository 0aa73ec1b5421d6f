//! Greeting: arguments in, a struct out, and the caller's window named by Rust.

use serde::Serialize;
use specta::Type;
use switchboard_events::WindowLabel;
use tauri::{Runtime, Window};

use crate::{limits::Limit, AppError, Call};

/// The answer to `greet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Greeting {
    /// The greeting.
    pub message: String,
    /// The window that asked.
    pub window: WindowLabel,
    /// That window's title.
    pub title: String,
}

/// Greets `name` on behalf of `window`.
pub fn make_greeting(name: &str, window: WindowLabel, title: String) -> Result<Greeting, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name is empty"));
    }
    Limit::NameChars.check(name.chars().count())?;
    Ok(Greeting {
        message: format!("Hello, {name}! (asked by {window})"),
        window,
        title,
    })
}

/// Greets `name`; the answer names the calling window and its title.
#[tauri::command]
#[specta::specta]
pub async fn greet<R: Runtime>(
    call: Call<R>,
    // Tauri's own injected `Window`, shown beside `Call` (which carries the same caller as a
    // typed label). Neither appears in TypeScript.
    window: Window<R>,
    name: String,
) -> Result<Greeting, AppError> {
    call.run(|call| {
        let title = window.title().map_err(AppError::from)?;
        make_greeting(&name, call.caller, title)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greets_and_validates() {
        let g = make_greeting("  Ada ", WindowLabel::Worker(2), "Worker 2".into()).unwrap();
        assert_eq!(g.message, "Hello, Ada! (asked by worker-2)");
        assert_eq!(g.window, WindowLabel::Worker(2));
        assert_eq!(
            make_greeting(" ", WindowLabel::Main, String::new())
                .unwrap_err()
                .kind(),
            "invalid_input"
        );
        assert_eq!(
            make_greeting(&"x".repeat(65), WindowLabel::Main, String::new())
                .unwrap_err()
                .kind(),
            "limit_reached"
        );
    }
}
