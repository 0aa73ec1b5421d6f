//! Pacing: while other windows call too, a window that calls faster than its share of the IPC
//! path waits for its share.
//!
//! Every call and its answer are work for the core's main thread and for the web processes,
//! which all windows share, on as few as two cores. One window keeping 64 commands in flight
//! (about 7,000 a second) made another window's calls 2 to 3 times slower; the same window held
//! to 1,000 calls a second, about 1.5 times (docs/tauri-behaviour.md#core-cpu-under-load).
//! A fixed share per window does not work: a window making one call after another is paced
//! as soon as its own rate reaches the share, and its calls then take exactly the share's
//! interval. What tells the flood from the click is the rate against the other windows. So an
//! app's commands go through [`paced`]:
//! - a window is never slowed while no other window calls: one counts as calling while its
//!   calls average at least [`Pacing::active`] a second over the last [`Pacing::contended`]
//!   and over the last [`Pacing::memory`] (a window that has just stopped is not calling).
//!   A window that calls now and then (a page loading, the inspector, a person clicking)
//!   does not make a window calling hard wait for it: at first any call counted, and a page's
//!   one call held a window calling one command after another to [`Pacing::share`], 5 ms a
//!   call. The price: such a window's own calls are not shielded from a flood, and take what
//!   a call takes under load (two to three times idle, a millisecond or two);
//! - otherwise a window may call [`Pacing::slack`] times as often as the busiest other window
//!   calls now (each window's rate decays over [`Pacing::memory`]), and never needs to call
//!   less than [`Pacing::share`] a second; a window calling one call after another therefore
//!   sets the pace and is not slowed by it;
//! - a window that had more than [`Pacing::flood`] calls waiting at once in the last
//!   [`Pacing::contended`] is flooding: it has many calls in flight, which a window calling one
//!   call after another never has. While a window that is not flooding calls, a flooding one
//!   may call only [`Pacing::behind`] times as often as it (at least `share`), and a window
//!   that is not flooding is never paced by a flooding one. Holding the flood to 1.5 times
//!   the other's rate, or 1.0 times, left the other window's calls at about twice their cost
//!   idle; under 1 both ways, the two windows held each other down to `share`. Windows found
//!   flooding keep the slack against each other (two floods with no other window calling end
//!   one-sided: the first found is held to half the other's rate, and the other, which no
//!   flood paces, goes on unpaced);
//! - beyond that rate a window has a burst of [`Pacing::burst`] calls at once, then waits (a
//!   leaky bucket: each call adds one to the window's bucket, which drains at the window's
//!   rate, and a call waits until it is at most `burst` deep);
//! - a call that must wait is run later, in the order it came; a window with
//!   [`Pacing::most_waiting`] calls waiting has more refused at once, as [`TOO_MANY_CALLS`], so
//!   that what one page sends cannot grow the core's memory without bound.
//!
//! What a window takes in costs the others too: a window's page handling 10,000 messages a
//! burst kept most of a core busy, and another window's calls took two to three times idle.
//! So a sender of many messages (a burst, a batch) waits, after each part of them, for
//! [`intake_turn`]: while a window other than the receiving one calls, a window takes in at
//! most [`Pacing::intake`] messages a second, and a sender to it waits until it has had time
//! for what it was sent. While no other window calls, nothing waits.
//!
//! A large answer costs the main thread more than a plain one: [`charge`] counts each
//! [`CHARGE_BYTES`] of it as one more call in the window's rate as the other windows see it, so
//! that a window pulling a few large ranges a second does not make a window calling one plain
//! command after another the faster one. It is not added to the pulling window's own bucket:
//! large transfers take their turns on the bulk lane (`lane.rs`) instead.
//!
//! The app manages a [`Pace`] to turn pacing on; without one, [`paced`] passes every call
//! through. The plugin's commands are paced with the app's, on the same rates. Tauri's own
//! commands (`plugin:event|…` and the like) go as they come: Tauri has no hook before its own
//! dispatch, so what a page may make the core do through them is bounded only by what its
//! capability grants.

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use tauri::{ipc::Invoke, Manager, Runtime};

use crate::lock::lock;

/// The start of what a refused call rejects with; the guest package's `typedError` turns it
/// into the rejection `too_many_calls`.
pub const TOO_MANY_CALLS: &str = "too many calls waiting";

/// An answer's bytes that count as one call more in its window's rate.
pub const CHARGE_BYTES: usize = 64 << 10;

/// How windows share the IPC path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacing {
    /// Calls a second a window may always make.
    pub share: f64,
    /// How many times the busiest other window's rate a window may call at. Above 1, so that
    /// two windows calling hard do not hold each other down: at 0.7 both fell to `share`.
    pub slack: f64,
    /// Over how long a window's rate is reckoned (its calls' weight decays by e in this time).
    pub memory: Duration,
    /// Calls a window may make at once beyond its share.
    pub burst: u32,
    /// Over how long another window's calls are averaged to tell whether it is calling (its
    /// calls' weight decays by e in this time); one quiet this long is forgotten.
    pub contended: Duration,
    /// Calls a second another window must average over `contended` to count as calling.
    pub active: f64,
    /// Calls a window may have waiting; more are refused.
    pub most_waiting: usize,
    /// Calls waiting at once beyond which a window counts as flooding.
    pub flood: usize,
    /// How many times the rate of the busiest window that is not flooding a flooding window may
    /// call at.
    pub behind: f64,
    /// Messages a second a window takes in while another window calls.
    pub intake: f64,
    /// Messages a window may be sent at once beyond its intake before a sender waits: a few
    /// calls' worth, so that senders of a few messages a call do not each wait a sleep's
    /// least time (about a millisecond), longer than their share.
    pub intake_burst: f64,
}

impl Pacing {
    /// What the app runs with: while another window calls at least 20 times a second
    /// (averaged over a second and over its last tenth), 1.5 times the busiest such window's
    /// rate over about 100 ms and at least 200 calls a second, after a burst of 32; at most 256
    /// calls waiting. A window that had more than 4 waiting in the last second floods: half the
    /// rate of the busiest window that does not. While another window calls, a window takes in 15,000
    /// messages a second, after 1,000 at once.
    pub const DEFAULT: Pacing = Pacing {
        share: 200.0,
        slack: 1.5,
        memory: Duration::from_millis(100),
        burst: 32,
        // Long against one call: a flood that reaches the main thread first delays the other
        // window's next call, and within 100 ms (tried first) it then looked alone and went
        // unpaced.
        contended: Duration::from_secs(1),
        active: 20.0,
        most_waiting: 256,
        // A page awaiting a few calls together (`Promise.all`) is not a flood.
        flood: 4,
        behind: 0.5,
        // Bursts to worker-1 one after another, sent as fast as it takes them (about 145,000
        // messages a second), made main's calls 1.9 to 2.4 times slower; taken in at 30,000 a
        // second, 1.2 to 1.7 times; at 15,000, 1.1 to 1.5 times
        // (docs/tauri-behaviour.md#core-cpu-under-load).
        intake: 15_000.0,
        intake_burst: 1_000.0,
    };
}

/// What a call may do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admit {
    /// Run now.
    Now,
    /// Run after this long.
    After(Duration),
    /// Refused: the window has [`Pacing::most_waiting`] calls waiting.
    Refused,
}

/// What pacing knows of a window that called recently.
#[derive(Debug)]
struct Window {
    /// When it last called.
    last: Instant,
    /// Its calls a second at `last`: each call adds `1 / memory`, and the sum decays by e
    /// over `memory`.
    rate: f64,
    /// The same over `contended`: whether it is calling, as the other windows see it.
    recent: f64,
    /// Its bucket at `last`: calls made and not yet drained, the waiting ones included.
    level: f64,
    /// Its calls waiting.
    waiting: usize,
    /// When it last had more than [`Pacing::flood`] calls waiting.
    flooded: Option<Instant>,
}

impl Window {
    /// `value`, set at `last`, at `now`: decayed by e over each `over`.
    fn decayed(&self, value: f64, over: Duration, now: Instant) -> f64 {
        let age = now.saturating_duration_since(self.last).as_secs_f64();
        value * (-age / over.as_secs_f64()).exp()
    }

    /// Whether it counts as flooding at `now`: more than `flood` calls waiting within
    /// `contended`.
    fn flooding(&self, p: &Pacing, now: Instant) -> bool {
        self.flooded
            .is_some_and(|at| now.saturating_duration_since(at) < p.contended)
    }

    /// Whether it counts as calling at `now`: calls waiting, or a call within `contended`, and
    /// both `recent` and `rate` at least `active`. Without `rate`, a window that had just
    /// stopped calling hard held the others to `share` for up to a second, against a rate of
    /// its own that had long fallen to nothing.
    fn calling(&self, p: &Pacing, now: Instant) -> bool {
        let quiet = now.saturating_duration_since(self.last);
        self.waiting > 0
            || (quiet < p.contended
                && self.decayed(self.recent, p.contended, now) >= p.active
                && self.decayed(self.rate, p.memory, now) >= p.active)
    }
}

/// The pacing of every window, by label.
#[derive(Debug)]
pub struct Pace {
    pacing: Pacing,
    windows: Mutex<BTreeMap<String, Window>>,
    /// When each window will have taken in what it was sent, while another window calls.
    intakes: Mutex<BTreeMap<String, Instant>>,
}

impl Pace {
    /// Pacing by `pacing`.
    pub fn new(pacing: Pacing) -> Self {
        Pace {
            pacing,
            windows: Mutex::default(),
            intakes: Mutex::default(),
        }
    }

    /// Admits a call of `window` made at `now`. A call told to wait counts as waiting until
    /// [`Pace::waited`].
    pub fn admit(&self, window: &str, now: Instant) -> Admit {
        let p = &self.pacing;
        let mut windows = lock(&self.windows);
        // Windows quiet for longer than `contended` with nothing waiting are forgotten: they
        // neither count as calling nor keep a debt.
        windows.retain(|_, w| w.waiting > 0 || now.saturating_duration_since(w.last) < p.contended);
        let rate_now = |w: &Window| w.decayed(w.rate, p.memory, now);
        // The busiest other window calling, of those flooding and of those not.
        let (mut floods, mut steady) = (None::<f64>, None::<f64>);
        for (label, w) in windows.iter() {
            if label != window && w.calling(p, now) {
                let busiest = if w.flooding(p, now) {
                    &mut floods
                } else {
                    &mut steady
                };
                let rate = rate_now(w);
                *busiest = Some(busiest.map_or(rate, |r| r.max(rate)));
            }
        }
        let w = windows.entry(window.to_owned()).or_insert(Window {
            last: now,
            rate: 0.0,
            recent: 0.0,
            level: 0.0,
            waiting: 0,
            flooded: None,
        });
        let others = match (w.flooding(p, now), steady) {
            (false, _) => steady.map(|r| r * p.slack),
            (true, Some(r)) => Some(r * p.behind),
            (true, None) => floods.map(|r| r * p.slack),
        };
        let allowed = p.share.max(others.unwrap_or(0.0));
        let since = now.saturating_duration_since(w.last).as_secs_f64();
        w.rate = rate_now(w) + 1.0 / p.memory.as_secs_f64();
        w.recent = w.decayed(w.recent, p.contended, now) + 1.0 / p.contended.as_secs_f64();
        w.last = now;
        let burst = f64::from(p.burst);
        let level = (w.level - since * allowed).max(0.0) + 1.0;
        if others.is_none() {
            // Alone: never wait, and carry at most a burst into a later contention.
            w.level = level.min(burst);
            return Admit::Now;
        }
        if level <= burst {
            w.level = level;
            return Admit::Now;
        }
        if w.waiting >= p.flood {
            w.flooded = Some(now);
        }
        if w.waiting >= p.most_waiting {
            w.level = level - 1.0;
            return Admit::Refused;
        }
        w.waiting += 1;
        w.level = level;
        Admit::After(seconds((level - burst) / allowed))
    }

    /// Counts `calls` more in `window`'s rate, as the other windows see it.
    pub fn charge(&self, window: &str, calls: f64) {
        if let Some(w) = lock(&self.windows).get_mut(window) {
            w.rate += calls / self.pacing.memory.as_secs_f64();
        }
    }

    /// `messages` were sent to `window` at `now`: how long their sender waits before it sends
    /// more. Nothing while no other window calls; else until the window has had, since it was
    /// last free, one `1 / intake` second for each message sent to it, less `intake_burst`'s
    /// time.
    pub fn intake(&self, window: &str, messages: usize, now: Instant) -> Duration {
        let calling = lock(&self.windows)
            .iter()
            .any(|(label, w)| label != window && w.calling(&self.pacing, now));
        let mut intakes = lock(&self.intakes);
        // Windows that have taken in what they were sent are forgotten.
        intakes.retain(|_, free| *free > now);
        if !calling {
            return Duration::ZERO;
        }
        let start = intakes.get(window).map_or(now, |free| (*free).max(now));
        let free = start + seconds(messages as f64 / self.pacing.intake);
        intakes.insert(window.to_owned(), free);
        (free - now).saturating_sub(seconds(self.pacing.intake_burst / self.pacing.intake))
    }

    /// A call of `window` that waited is running now.
    pub fn waited(&self, window: &str) {
        if let Some(w) = lock(&self.windows).get_mut(window) {
            w.waiting = w.waiting.saturating_sub(1);
        }
    }

    /// How many calls `window` has waiting.
    #[cfg(test)]
    fn waiting(&self, window: &str) -> usize {
        lock(&self.windows).get(window).map_or(0, |w| w.waiting)
    }
}

/// `secs` as a duration, whatever an app's `Pacing` makes of it: none when not a positive
/// number (a share or an intake of 0, infinity over infinity), at most a day.
fn seconds(secs: f64) -> Duration {
    const DAY: Duration = Duration::from_secs(24 * 60 * 60);
    if secs > 0.0 {
        Duration::try_from_secs_f64(secs).map_or(DAY, |d| d.min(DAY))
    } else {
        Duration::ZERO
    }
}

/// Counts an answer of `bytes` to `window` in its rate (see the module's docs), if the app
/// paces its commands.
pub fn charge<R: Runtime>(app: &impl Manager<R>, window: &str, bytes: usize) {
    if let Some(pace) = app.try_state::<Pace>() {
        pace.charge(window, bytes as f64 / CHARGE_BYTES as f64);
    }
}

/// Waits, after each window in `sent` was sent its number of messages, until the slowest of
/// them has had its time for them ([`Pace::intake`]); at once when the app manages no [`Pace`].
pub async fn intake_turn<R: Runtime, L: std::fmt::Display>(
    app: &impl Manager<R>,
    sent: impl IntoIterator<Item = (L, usize)>,
) {
    let Some(pace) = app.try_state::<Pace>() else {
        return;
    };
    let now = Instant::now();
    let wait = sent
        .into_iter()
        .map(|(window, messages)| pace.intake(&window.to_string(), messages, now))
        .max()
        .unwrap_or_default();
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
}

/// The app's invoke handler `inner`, paced by the [`Pace`] the app manages (every call passes
/// through when it manages none): give the result to `tauri::Builder::invoke_handler`.
pub fn paced<R: Runtime>(
    inner: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    let inner = Arc::new(inner);
    move |invoke: Invoke<R>| {
        let webview = invoke.message.webview_ref();
        let Some(pace) = webview.try_state::<Pace>() else {
            return inner(invoke);
        };
        let label = webview.label().to_owned();
        match pace.admit(&label, Instant::now()) {
            Admit::Now => inner(invoke),
            Admit::Refused => {
                let most = pace.pacing.most_waiting;
                invoke.resolver.reject(format!(
                    "{TOO_MANY_CALLS}: window `{label}` has {most} calls waiting for its share"
                ));
                true
            }
            Admit::After(wait) => {
                let (app, inner) = (webview.app_handle().clone(), inner.clone());
                tauri::async_runtime::spawn(async move {
                    tokio::time::sleep(wait).await;
                    app.state::<Pace>().waited(&label);
                    // Tauri answers a name no handler knows this way; here it must be said
                    // after the fact, since the call was taken to wait.
                    let (resolver, command) =
                        (invoke.resolver.clone(), invoke.message.command().to_owned());
                    if !inner(invoke) {
                        resolver.reject(format!("Command {command} not found"));
                    }
                });
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    fn pace() -> Pace {
        Pace::new(Pacing {
            share: 1000.0,
            slack: 1.5,
            memory: 100 * MS,
            burst: 4,
            contended: 100 * MS,
            // Any call counts: the tests below are of the share and the line.
            active: 0.0,
            most_waiting: 3,
            // The tests below are of windows that do not flood.
            flood: usize::MAX,
            behind: 0.5,
            intake: 1000.0,
            intake_burst: 100.0,
        })
    }

    #[test]
    fn a_window_calling_alone_is_never_slowed() {
        let (pace, t0) = (pace(), Instant::now());
        for _ in 0..10_000 {
            assert_eq!(pace.admit("w1", t0), Admit::Now);
        }
    }

    #[test]
    fn while_another_calls_a_window_gets_its_burst_then_its_share_in_order() {
        let (pace, t0) = (pace(), Instant::now());
        assert_eq!(pace.admit("main", t0), Admit::Now);
        // The burst: four intervals ahead at most, then each call one interval later.
        for _ in 0..4 {
            assert_eq!(pace.admit("w1", t0), Admit::Now);
        }
        assert_eq!(pace.admit("w1", t0), Admit::After(MS));
        assert_eq!(pace.admit("w1", t0), Admit::After(2 * MS));
        assert_eq!(pace.admit("w1", t0), Admit::After(3 * MS));
        // Three waiting: the next is refused, and takes no place in the line.
        assert_eq!(pace.admit("w1", t0), Admit::Refused);
        assert_eq!(pace.waiting("w1"), 3);
        pace.waited("w1");
        assert_eq!(pace.admit("w1", t0), Admit::After(4 * MS));
        // The other window, calling at its own pace, does not wait.
        assert_eq!(pace.admit("main", t0 + MS), Admit::Now);
    }

    #[test]
    fn a_window_within_its_share_never_waits() {
        let (pace, t0) = (pace(), Instant::now());
        for n in 0..1_000 {
            let now = t0 + n * MS;
            assert_eq!(pace.admit("main", now), Admit::Now);
            assert_eq!(pace.admit("w1", now), Admit::Now);
        }
    }

    /// Calls made and waiting, as pages that keep their calls in flight make them.
    #[derive(Default)]
    struct Pages {
        /// Each window's calls admitted, now or to run later.
        admitted: BTreeMap<&'static str, u32>,
        /// The calls told to wait, and when they are due.
        waits: Vec<(&'static str, Instant)>,
    }

    impl Pages {
        /// Runs the calls that are due at `now`, then asks for `asks` calls of `window`.
        fn ask(&mut self, pace: &Pace, window: &'static str, asks: u32, now: Instant) {
            self.waits.retain(|(w, at)| {
                let due = *at <= now;
                if due {
                    pace.waited(w);
                }
                !due
            });
            for _ in 0..asks {
                let admitted = match pace.admit(window, now) {
                    Admit::Now => true,
                    Admit::After(wait) => {
                        self.waits.push((window, now + wait));
                        true
                    }
                    Admit::Refused => false,
                };
                *self.admitted.entry(window).or_default() += u32::from(admitted);
            }
        }
    }

    /// main calls every 0.25 ms (4,000 a second, 20 times the least share) for `seconds`,
    /// never waiting; w1 asks `asks` times each tick, and runs each call that waits as soon as
    /// it may. Returns w1's calls admitted for each of main's.
    fn flood_beside(asks: u32, seconds: u32) -> f64 {
        let pace = Pace::new(Pacing::DEFAULT);
        let (t0, tick) = (Instant::now(), Duration::from_micros(250));
        let mut pages = Pages::default();
        for n in 0..4_000 * seconds {
            let now = t0 + tick * n;
            assert_eq!(pace.admit("main", now), Admit::Now, "main waited at {n}");
            pages.ask(&pace, "w1", asks, now);
        }
        f64::from(pages.admitted["w1"]) / f64::from(4_000 * seconds)
    }

    #[test]
    fn a_window_calling_one_call_after_another_sets_the_pace_and_is_not_slowed() {
        // w1 asks ten times as often as main: with calls waiting, it floods, and is held to
        // half main's rate, give or take the burst and what waits.
        let ratio = flood_beside(10, 1);
        assert!(
            (0.4..0.65).contains(&ratio),
            "w1 made {ratio} calls a main call"
        );
        // Over longer, the burst weighs less.
        let ratio = flood_beside(10, 3);
        assert!(
            (0.45..0.55).contains(&ratio),
            "w1 made {ratio} calls a main call"
        );
    }

    #[test]
    fn a_window_calling_one_call_after_another_faster_than_another_is_not_a_flood() {
        // main calls one call after another every 0.25 ms, w1 every 0.125 ms, each when it
        // may: held to 1.5 times main's rate, w1 never has more than one call waiting, so it
        // keeps the slack (a flood would be held to half main's rate).
        let pace = Pace::new(Pacing::DEFAULT);
        let (t0, tick) = (Instant::now(), Duration::from_micros(125));
        let (mut calls, mut free) = ([0u32; 2], [t0; 2]);
        for n in 0..16_000 {
            let now = t0 + tick * n;
            for (w, (label, every)) in [("main", 2), ("w1", 1)].into_iter().enumerate() {
                if now >= free[w] {
                    calls[w] += 1;
                    free[w] = now + tick * every;
                    if let Admit::After(wait) = pace.admit(label, now) {
                        pace.waited(label);
                        free[w] += wait;
                    }
                }
            }
        }
        let ratio = f64::from(calls[1]) / f64::from(calls[0]);
        assert!(
            (1.4..1.7).contains(&ratio),
            "w1 made {ratio} calls a main call"
        );
    }

    /// w1 and w2 each ask for 8,000 calls a second (two each 0.25 ms tick from `t0`) over
    /// `ticks`, main calling each tick too when `main` calls. Their calls admitted meanwhile.
    fn two_floods(
        (pace, pages): (&Pace, &mut Pages),
        t0: Instant,
        ticks: std::ops::Range<u32>,
        main: bool,
    ) -> [u32; 2] {
        let admitted =
            |pages: &Pages| ["w1", "w2"].map(|w| pages.admitted.get(w).map_or(0, |a| *a));
        let before = admitted(pages);
        for n in ticks {
            let now = t0 + Duration::from_micros(250) * n;
            if main {
                pace.admit("main", now);
            }
            pages.ask(pace, "w1", 2, now);
            pages.ask(pace, "w2", 2, now);
        }
        let after = admitted(pages);
        [after[0] - before[0], after[1] - before[1]]
    }

    #[test]
    fn two_floods_alone_are_not_held_to_the_share() {
        // No other window calling: the first found flooding is held to half the other's rate;
        // the other, which no flood paces, is never found. Neither is held to the share, as a
        // slack under 1 both ways would: 400 calls each in these two seconds.
        let (pace, mut pages) = (Pace::new(Pacing::DEFAULT), Pages::default());
        let admitted = two_floods((&pace, &mut pages), Instant::now(), 0..8_000, false);
        assert!(admitted.iter().all(|&a| a > 5_000), "{admitted:?}");
    }

    #[test]
    fn floods_found_beside_each_other_keep_the_slack() {
        // For a second main calls too, and both windows are found flooding beside it; then
        // main stops, and each flood is paced by the other alone, at 1.5 times its rate: both
        // climb back towards the rate they ask for.
        let (pace, mut pages, t0) = (Pace::new(Pacing::DEFAULT), Pages::default(), Instant::now());
        two_floods((&pace, &mut pages), t0, 0..4_000, true);
        // The second second: 8,000 asked each, about 3,900 admitted; held to half each
        // other's rate instead, about 1,950.
        let admitted = two_floods((&pace, &mut pages), t0, 4_000..8_000, false);
        assert!(admitted.iter().all(|&a| a > 3_000), "{admitted:?}");
    }

    #[test]
    fn after_a_flood_stops_a_window_calling_fast_is_not_held_to_the_share() {
        let pace = Pace::new(Pacing::DEFAULT);
        let (t0, tick) = (Instant::now(), Duration::from_micros(250));
        // w1 floods for a second beside main, its waiting calls never run: a page that keeps
        // them in flight.
        for n in 0..4_000 {
            let now = t0 + tick * n;
            assert_eq!(pace.admit("main", now), Admit::Now);
            for _ in 0..10 {
                pace.admit("w1", now);
            }
        }
        for _ in 0..pace.waiting("w1") {
            pace.waited("w1");
        }
        // Then w1 is done, while its rate over the last second still counts as calling:
        // main, calling every 0.25 ms, goes on unpaced (a window not flooding was held to
        // 200 calls a second here for about a second).
        for n in 4_000..8_000 {
            assert_eq!(
                pace.admit("main", t0 + tick * n),
                Admit::Now,
                "main waited at {n}"
            );
        }
    }

    #[test]
    fn a_window_calling_now_and_then_does_not_slow_one_calling_one_call_after_another() {
        // main calls every 0.5 ms for two seconds; the inspector calls every `every`. Returns
        // how often main waited.
        let waits = |every: u32| {
            let pace = Pace::new(Pacing::DEFAULT);
            let (t0, tick) = (Instant::now(), Duration::from_micros(500));
            let mut waited = 0;
            for n in 0..4_000 {
                let now = t0 + tick * n;
                if n % every == 0 {
                    assert_eq!(pace.admit("inspector", now), Admit::Now);
                }
                if let Admit::After(_) = pace.admit("main", now) {
                    pace.waited("main");
                    waited += 1;
                }
            }
            waited
        };
        // Five calls a second are not calling.
        assert_eq!(waits(400), 0);
        // A hundred a second is: main, twenty times as fast, is held to its share.
        assert!(waits(20) > 1_000, "{}", waits(20));
    }

    #[test]
    fn large_answers_count_in_a_window_s_rate_as_the_others_see_it() {
        // main makes one plain call after another, every 0.5 ms unless told to wait; w1 asks
        // for 400 ranges a second, each charged `charge` calls more. Returns how often main
        // waited after the first 200 ms (the rates' warm-up).
        let waits = |charge: f64| {
            let pace = Pace::new(Pacing::DEFAULT);
            let (t0, tick) = (Instant::now(), Duration::from_micros(500));
            let (mut main_free, mut waited) = (t0, 0);
            for n in 0..4_000 {
                let now = t0 + tick * n;
                if now >= main_free {
                    main_free = now + tick;
                    if let Admit::After(wait) = pace.admit("main", now) {
                        pace.waited("main");
                        main_free += wait;
                        waited += u32::from(n >= 400);
                    }
                }
                if n % 5 == 0 {
                    assert_eq!(pace.admit("w1", now), Admit::Now);
                    pace.charge("w1", charge);
                }
            }
            waited
        };
        // Four calls' worth per range (256 KiB): w1 weighs more than main, which never waits.
        assert_eq!(waits(4.0), 0);
        // Counted as plain calls, the ranges would make main the one to pace.
        assert!(waits(0.0) > 100, "{}", waits(0.0));
    }

    #[test]
    fn a_window_takes_in_messages_at_its_intake_while_another_calls() {
        let (pace, t0) = (pace(), Instant::now());
        // No window calls: a sender never waits.
        assert_eq!(pace.intake("w1", 10_000, t0), Duration::ZERO);
        // The receiving window's own calls are not another's.
        pace.admit("w1", t0);
        assert_eq!(pace.intake("w1", 10_000, t0), Duration::ZERO);
        // While main calls, w1 takes 1,000 a second after 100 at once: a sender of 1,000 waits
        // 0.9 s, and one more beside it, of 500, waits until w1 has had time for both.
        pace.admit("main", t0);
        assert_eq!(pace.intake("w1", 1_000, t0), 900 * MS);
        assert_eq!(pace.intake("w1", 500, t0), 1_400 * MS);
        // Each window has its own intake.
        assert_eq!(pace.intake("w2", 500, t0), 400 * MS);
        // Once it has had time for them, it starts again from now, with its 100 at once.
        let later = t0 + 1_600 * MS;
        pace.admit("main", later);
        assert_eq!(pace.intake("w1", 100, later), Duration::ZERO);
        assert_eq!(pace.intake("w1", 100, later), 100 * MS);
        // A window quiet for `contended` no longer counts as calling, though no call of its
        // own has forgotten it yet.
        assert_eq!(pace.intake("w1", 10_000, later + 100 * MS), Duration::ZERO);
    }

    #[test]
    fn contention_ends_when_the_others_are_quiet() {
        let (pace, t0) = (pace(), Instant::now());
        pace.admit("main", t0);
        for _ in 0..4 {
            pace.admit("w1", t0);
        }
        assert_eq!(pace.admit("w1", t0), Admit::After(MS));
        pace.waited("w1");
        // main has not called for 100 ms: w1 is alone again.
        let later = t0 + 100 * MS;
        for _ in 0..100 {
            assert_eq!(pace.admit("w1", later), Admit::Now);
        }
        // And what it owes when main calls again is at most a burst.
        assert_eq!(pace.admit("main", later), Admit::Now);
        assert_eq!(pace.admit("w1", later), Admit::After(MS));
    }
}
