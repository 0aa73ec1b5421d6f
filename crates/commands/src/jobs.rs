//! Jobs: an async task on tokio that reports progress to its caller over an `ipc::Channel`
//! and can be cancelled by the window that started it.

use std::time::Duration;

use serde::Serialize;
use specta::Type;
use switchboard_events::WindowLabel;
use tauri::{ipc::Channel, Manager, Runtime, State};
use tokio::sync::watch;

use tauri_plugin_switchboard::Owned;

use crate::{limits::Limit, AppError, Call};

/// A message from a running job to the window that started it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JobUpdate {
    /// `done` of `total` steps are finished.
    Progress {
        /// The job.
        job: u32,
        /// Steps finished.
        done: u32,
        /// Steps in all.
        total: u32,
    },
    /// Every step finished.
    Finished {
        /// The job.
        job: u32,
    },
    /// Cancelled after `done` steps.
    Cancelled {
        /// The job.
        job: u32,
        /// Steps finished before the cancel.
        done: u32,
    },
}

/// The running jobs, managed as Tauri state.
#[derive(Debug, Default)]
pub struct Jobs {
    running: Owned<WindowLabel, watch::Sender<bool>>,
}

impl Jobs {
    /// Registers a job of `owner`, if it may run one more.
    fn start(&self, owner: WindowLabel) -> Result<(u32, watch::Receiver<bool>), AppError> {
        let (stop, stopped) = watch::channel(false);
        let id = self
            .running
            .add(owner, |n| Limit::JobsPerWindow.check(n), |_| stop)?;
        Ok((id, stopped))
    }

    /// How many jobs are running, for every window.
    pub fn count(&self) -> usize {
        self.running.count()
    }

    /// How many jobs of `owner` are running.
    pub fn running_for(&self, owner: WindowLabel) -> usize {
        self.running.count_of(owner)
    }

    /// Stops every job that `owner` started; called when that window closes or reloads.
    /// They leave the table at once (the task's own removal, when it ends, finds nothing).
    pub fn stop_all_of(&self, owner: WindowLabel) {
        self.running.end_all_of(owner, |stop| {
            stop.send_replace(true);
        });
    }

    /// Asks job `id` to stop; only the window that started it may.
    pub fn cancel(&self, id: u32, caller: WindowLabel) -> Result<(), AppError> {
        self.running.with(id, |job| {
            let (owner, stop) =
                job.ok_or_else(|| AppError::not_found(format!("no running job {id}")))?;
            if *owner != caller {
                return Err(AppError::forbidden(format!("job {id} belongs to {owner}")));
            }
            // The receiver lives as long as the job; if it has just ended, nothing stops.
            stop.send_replace(true);
            Ok(())
        })
    }
}

/// Runs `total` steps of `step` each, reporting to `report`, until done or `stop` turns true.
/// Returns the last update sent.
pub async fn run_job(
    job: u32,
    total: u32,
    step: Duration,
    mut stop: watch::Receiver<bool>,
    report: impl Fn(JobUpdate),
) -> JobUpdate {
    for done in 0..total {
        tokio::select! {
            _ = tokio::time::sleep(step) => report(JobUpdate::Progress { job, done: done + 1, total }),
            _ = stop.wait_for(|stop| *stop) => {
                let cancelled = JobUpdate::Cancelled { job, done };
                report(cancelled.clone());
                return cancelled;
            }
        }
    }
    report(JobUpdate::Finished { job });
    JobUpdate::Finished { job }
}

/// Starts a job of `steps` steps (at most 1,000) of `stepMs` milliseconds each (20 to 5,000);
/// returns its id at once and streams `JobUpdate`s to `onUpdate`. At most 2 jobs run per
/// window.
#[tauri::command]
#[specta::specta]
pub async fn start_job<R: Runtime>(
    call: Call<R>,
    jobs: State<'_, Jobs>,
    steps: u32,
    step_ms: u32,
    on_update: Channel<JobUpdate>,
) -> Result<u32, AppError> {
    call.run(|call| {
        if steps == 0 {
            return Err(AppError::invalid("a job has at least one step"));
        }
        Limit::JobSteps.check(steps as usize)?;
        Limit::ShortestStepMs.check_at_least(step_ms as usize)?;
        Limit::LongestStepMs.check(step_ms as usize)?;
        let (job, stop) = jobs.start(call.caller)?;
        let app = call.app.clone();
        tauri::async_runtime::spawn(async move {
            let step = Duration::from_millis(step_ms.into());
            // The channel's result is not a sign of life (it stays `Ok` after the window has
            // gone); a closed window's jobs are stopped by `Jobs::stop_all_of` instead.
            run_job(job, steps, step, stop, |u| drop(on_update.send(u))).await;
            app.state::<Jobs>().running.remove(job);
        });
        Ok(job)
    })
}

/// Cancels a job the calling window started.
#[tauri::command]
#[specta::specta]
pub async fn cancel_job<R: Runtime>(
    call: Call<R>,
    jobs: State<'_, Jobs>,
    job: u32,
) -> Result<(), AppError> {
    call.run(|call| jobs.cancel(job, call.caller))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[tokio::test(start_paused = true)]
    async fn reports_each_step_then_finishes() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (_tx, rx) = watch::channel(false);
        let log = seen.clone();
        let last = run_job(1, 3, Duration::from_millis(10), rx, move |u| {
            log.lock().unwrap().push(u)
        })
        .await;
        assert_eq!(last, JobUpdate::Finished { job: 1 });
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 4);
        assert_eq!(
            seen[2],
            JobUpdate::Progress {
                job: 1,
                done: 3,
                total: 3
            }
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_cancel_mid_way_reports_the_steps_done() {
        let jobs = Jobs::default();
        let (id, rx) = jobs.start(WindowLabel::Main).unwrap();
        let run = tokio::spawn(run_job(id, 10, Duration::from_millis(100), rx, |_| {}));
        tokio::time::sleep(Duration::from_millis(350)).await;
        jobs.cancel(id, WindowLabel::Main).unwrap();
        assert_eq!(
            run.await.unwrap(),
            JobUpdate::Cancelled { job: id, done: 3 }
        );
    }

    #[tokio::test(start_paused = true)]
    async fn stops_when_cancelled_by_its_owner_only() {
        let jobs = Jobs::default();
        let (id, rx) = jobs.start(WindowLabel::Worker(1)).unwrap();
        assert_eq!(
            jobs.cancel(id, WindowLabel::Main).unwrap_err().kind(),
            "forbidden"
        );
        assert_eq!(
            jobs.cancel(id + 1, WindowLabel::Worker(1))
                .unwrap_err()
                .kind(),
            "not_found"
        );
        jobs.cancel(id, WindowLabel::Worker(1)).unwrap();
        let last = run_job(id, 100, Duration::from_secs(1), rx, |_| {}).await;
        assert_eq!(last, JobUpdate::Cancelled { job: id, done: 0 });
    }
}
