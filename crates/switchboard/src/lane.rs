//! The bulk lane: large responses take turns, and wait for the main loop to be idle.
//!
//! Every response a command returns is handed to the webview on the core's main thread, and on
//! Linux WebKitGTK reads its body there, piece by piece. A window that keeps several large
//! bodies in flight thus queues milliseconds of reading ahead of every other window's call
//! (their tail was seen to follow the size of one body). A command that moves many bytes
//! first takes a [`Turn`] on the app's one lane:
//! - turns go one at a time, in the order asked (Tokio's mutex is fair), so that one window's
//!   queue cannot jump another's;
//! - a turn starts once the main loop has run everything more urgent than idle work (another
//!   window's call that is already waiting goes first), or after [`MOST_WAIT`], so that a busy
//!   loop slows a transfer and never stops it;
//! - a window may have at most [`TRANSFERS_PER_WINDOW`] turns waiting or under way; one more is
//!   refused ([`Busy`]), so that what a page asks for cannot grow the queue without bound;
//! - a body under [`SMALL_BYTES`] takes no turn ([`Lane::turn_for`]): it costs the main thread
//!   about what a plain answer does, and waiting would only slow it.
//!
//! docs/tauri-behaviour.md#bulk-on-the-main-thread has what was measured.

use std::{collections::BTreeMap, sync, time::Duration};

use tokio::sync::{Mutex, MutexGuard};

use crate::{lock::lock, Label};

/// The most turns one window may have waiting or under way.
pub const TRANSFERS_PER_WINDOW: usize = 8;

/// Bodies smaller than this go without a turn.
pub const SMALL_BYTES: usize = 64 << 10;

/// The most a turn waits for the main loop to be idle.
pub const MOST_WAIT: Duration = Duration::from_millis(50);

/// The app's one lane for large responses, per window bounded by [`TRANSFERS_PER_WINDOW`].
pub struct Lane<L: Label> {
    turn: Mutex<()>,
    /// Turns waiting or under way, by window; a window with none has no entry.
    queued: sync::Mutex<BTreeMap<L, usize>>,
}

impl<L: Label> Default for Lane<L> {
    fn default() -> Self {
        Lane {
            turn: Mutex::new(()),
            queued: sync::Mutex::default(),
        }
    }
}

/// A window asked for a turn while it had [`TRANSFERS_PER_WINDOW`] already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// The right to hand one large body to the main thread: the command holds it until it returns,
/// so that its body is handed over before the next turn starts.
pub struct Turn<'a, L: Label> {
    _queued: Queued<'a, L>,
    _held: MutexGuard<'a, ()>,
}

/// One of a window's turns, counted from the moment it is asked for until it ends or its
/// command is cancelled while it waits.
struct Queued<'a, L: Label> {
    lane: &'a Lane<L>,
    window: L,
}

impl<L: Label> Drop for Queued<'_, L> {
    fn drop(&mut self) {
        self.lane.leave(self.window);
    }
}

impl<L: Label> Lane<L> {
    /// Waits for `window`'s turn, then for the main loop to be idle (at most [`MOST_WAIT`]).
    pub async fn turn(&self, window: L) -> Result<Turn<'_, L>, Busy> {
        self.enter(window)?;
        let queued = Queued { lane: self, window };
        let held = self.turn.lock().await;
        // A loop that stays busy is not waited out: the transfer goes on, more slowly.
        let _ = tokio::time::timeout(MOST_WAIT, main_loop_idle()).await;
        Ok(Turn {
            _queued: queued,
            _held: held,
        })
    }

    /// A turn for a body of `bytes`, or none for a body under [`SMALL_BYTES`].
    pub async fn turn_for(&self, window: L, bytes: usize) -> Result<Option<Turn<'_, L>>, Busy> {
        if bytes < SMALL_BYTES {
            return Ok(None);
        }
        self.turn(window).await.map(Some)
    }

    /// How many turns `window` has waiting or under way.
    pub fn queued(&self, window: L) -> usize {
        lock(&self.queued).get(&window).copied().unwrap_or(0)
    }

    fn enter(&self, window: L) -> Result<(), Busy> {
        let mut queued = lock(&self.queued);
        let count = queued.entry(window).or_insert(0);
        if *count >= TRANSFERS_PER_WINDOW {
            return Err(Busy);
        }
        *count += 1;
        Ok(())
    }

    fn leave(&self, window: L) {
        let mut queued = lock(&self.queued);
        if let Some(count) = queued.get_mut(&window) {
            *count -= 1;
            if *count == 0 {
                queued.remove(&window);
            }
        }
    }
}

/// Resolves once GTK's main loop has run everything of a higher priority than idle work.
#[cfg(target_os = "linux")]
async fn main_loop_idle() {
    let context = glib::MainContext::default();
    // The main thread holds the context while its loop runs; if this thread can take it,
    // nothing runs the loop (the mock runtime of tests), and there is nothing to wait for.
    if context.acquire().is_ok() {
        return;
    }
    let (done, idle) = tokio::sync::oneshot::channel();
    context.invoke_with_priority(glib::Priority::DEFAULT_IDLE, move || {
        let _ = done.send(());
    });
    let _ = idle.await;
}

/// Elsewhere the webview reads responses off the main thread: nothing to wait for.
#[cfg(not(target_os = "linux"))]
async fn main_loop_idle() {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Win;

    #[tokio::test]
    async fn a_window_has_at_most_its_share_of_turns_and_gets_them_back() {
        let lane = Lane::default();
        let first = lane.turn(Win(0)).await.expect("a first turn");
        // The others wait behind the first: each counts while it waits.
        let mut waiting: Vec<_> = (1..TRANSFERS_PER_WINDOW)
            .map(|_| Box::pin(lane.turn(Win(0))))
            .collect();
        for turn in &mut waiting {
            assert!(
                futures_poll_once(turn.as_mut()).is_none(),
                "waits behind the first"
            );
        }
        assert_eq!(lane.queued(Win(0)), TRANSFERS_PER_WINDOW);
        assert_eq!(lane.turn(Win(0)).await.err(), Some(Busy));
        // A small body goes at once, counted nowhere; a large one is refused like any turn.
        assert!(matches!(
            lane.turn_for(Win(0), SMALL_BYTES - 1).await,
            Ok(None)
        ));
        assert_eq!(lane.turn_for(Win(0), SMALL_BYTES).await.err(), Some(Busy));
        // Another window is not refused for it.
        let mut other = Box::pin(lane.turn(Win(1)));
        assert!(futures_poll_once(other.as_mut()).is_none());
        assert_eq!(lane.queued(Win(1)), 1);
        // Cancelled turns and finished ones leave the count.
        drop(waiting);
        drop(other);
        drop(first);
        assert_eq!(lane.queued(Win(0)), 0);
        assert_eq!(lane.queued(Win(1)), 0);
        assert!(lane.turn(Win(0)).await.is_ok());
    }

    #[tokio::test]
    async fn turns_go_in_the_order_asked() {
        let lane = std::sync::Arc::new(Lane::default());
        let order = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let first = lane.turn(Win(0)).await.expect("a turn");
        let mut tasks = Vec::new();
        for (n, window) in [Win(1), Win(0), Win(2)].into_iter().enumerate() {
            let (lane, order) = (lane.clone(), order.clone());
            tasks.push(tokio::spawn(async move {
                let _turn = lane.turn(window).await.expect("a turn");
                order.lock().expect("not poisoned").push(n);
            }));
            // Each is queued before the next asks.
            tokio::task::yield_now().await;
        }
        drop(first);
        for task in tasks {
            task.await.expect("the task ends");
        }
        assert_eq!(*order.lock().expect("not poisoned"), vec![0, 1, 2]);
    }

    /// Polls `future` once: `Some` if it is ready.
    fn futures_poll_once<F: std::future::Future>(
        future: std::pin::Pin<&mut F>,
    ) -> Option<F::Output> {
        let waker = std::task::Waker::noop();
        match future.poll(&mut std::task::Context::from_waker(waker)) {
            std::task::Poll::Ready(out) => Some(out),
            std::task::Poll::Pending => None,
        }
    }
}
