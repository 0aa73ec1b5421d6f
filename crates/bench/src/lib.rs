//! The figures of `npm run bench`.
//!
//! The runner (`bench/run.mjs`) measures inside the app's pages and writes a [`results::BenchRun`]
//! as JSON; its TypeScript type is generated into `bindings/files/`, so the runner is checked
//! against the same shape this crate reads. `bench-report` then measures the machine's own
//! limits ([`physical`]) in the same run and writes the report ([`report`]).

pub mod chart;
pub mod physical;
pub mod report;
pub mod results;
pub mod stats;
