//! Only a home for the integration tests in `it/`; see `it/main.rs`.
