//! Bulk transfer: bytes between a page and the core, every way Tauri can carry them.
//!
//! - Down: as JSON (`Vec<u8>` is a JSON array of numbers, the slow way), as one raw response
//!   ([`Bytes`], an `ArrayBuffer` in the page), or as raw chunks over a Channel.
//! - Up: as JSON, or as the raw body of the call ([`RawBody`]).
//!
//! What comes down is a slice of one endless, fixed pattern ([`payload_byte`]), so a page can
//! check every byte without the core keeping anything. The pages pull large payloads as raw
//! ranges, several in flight (`frontend/src/lib/bulk.ts`): docs/performance.md says why.

use serde::Serialize;
use specta::{datatype::DataType, Type, Types};
use tauri::{
    ipc::{
        Channel, CommandArg, CommandItem, InvokeBody, InvokeError, InvokeResponseBody, IpcResponse,
    },
    AppHandle, Runtime, State,
};

use switchboard_events::WindowLabel;
use tauri_plugin_switchboard::{
    lane::{Busy, Turn, TRANSFERS_PER_WINDOW},
    pace,
};

use crate::{limits::Limit, AppError, Call, Switchboard};

/// The pattern's period: a prime, so that it never lines up with a power-of-two chunk.
const PERIOD: u32 = 251;

/// Byte `i` of the endless pattern every download is a slice of.
pub fn payload_byte(i: u32) -> u8 {
    // `i % PERIOD` is below 251, so the cast keeps it whole.
    (i % PERIOD) as u8
}

/// Bytes `offset..offset + len` of the pattern.
pub fn payload(offset: u32, len: u32) -> Vec<u8> {
    let period: Vec<u8> = (0..PERIOD).map(payload_byte).collect();
    let start = (offset % PERIOD) as usize;
    let len = len as usize;
    let mut out = Vec::with_capacity(len);
    out.extend(period[start..].iter().take(len));
    while out.len() < len {
        let more = (len - out.len()).min(period.len());
        out.extend_from_slice(&period[..more]);
    }
    out
}

/// Bytes that travel raw, not as JSON: an `ArrayBuffer` in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl IpcResponse for Bytes {
    fn body(self) -> tauri::Result<InvokeResponseBody> {
        Ok(InvokeResponseBody::Raw(self.0))
    }
}

impl Type for Bytes {
    fn definition(_: &mut Types) -> DataType {
        DataType::Reference(specta_typescript::define("ArrayBuffer"))
    }
}

/// The raw body of a call: the page passes an `ArrayBuffer` or `Uint8Array` as the whole
/// argument, not as a named field (`crates/bindings` writes the binding that way). A JSON body is
/// refused with `invalid_args`.
pub struct RawBody(pub Vec<u8>);

impl<'de, R: Runtime> CommandArg<'de, R> for RawBody {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        match item.message.payload() {
            // Checked before the copy, so that an oversized body costs no second allocation.
            InvokeBody::Raw(bytes) => match Limit::TransferBytes.check(bytes.len()) {
                Ok(()) => Ok(RawBody(bytes.clone())),
                Err(over) => Err(InvokeError::from(serde_json::json!(over))),
            },
            InvokeBody::Json(_) => Err(InvokeError::from(format!(
                "invalid args for command {}: the body must be raw bytes (an ArrayBuffer or Uint8Array), not JSON",
                item.name
            ))),
        }
    }
}

impl specta::function::FunctionArg for RawBody {
    fn to_datatype(_: &mut Types) -> Option<DataType> {
        Some(DataType::Reference(specta_typescript::define(
            "ArrayBuffer | Uint8Array",
        )))
    }
}

/// What the core received from an upload, for the page to compare with what it sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct Received {
    /// How many bytes.
    pub bytes: u32,
    /// Their sum, wrapping at 2^32.
    pub sum: u32,
}

impl Received {
    fn of(bytes: &[u8]) -> Result<Self, AppError> {
        Limit::TransferBytes.check(bytes.len())?;
        Ok(Received {
            bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            sum: bytes
                .iter()
                .fold(0u32, |sum, &b| sum.wrapping_add(u32::from(b))),
        })
    }
}

fn check_range(offset: u32, len: u32) -> Result<(), AppError> {
    Limit::TransferBytes.check(len as usize)?;
    if offset.checked_add(len).is_none() {
        return Err(AppError::invalid(format!(
            "{offset} + {len} is past the end of the pattern (2^32 bytes)"
        )));
    }
    Ok(())
}

/// A turn on the bulk lane for the caller's body of `bytes` (`lane.rs` in the plugin says why;
/// a small body needs none), or the limit `transfers_in_flight` if it has as many waiting or
/// under way as it may. The bytes count in the caller's rate as the other windows' pacing sees
/// it (`pace.rs`).
async fn turn<'a, R: Runtime>(
    app: &AppHandle<R>,
    switchboard: &'a Switchboard,
    caller: WindowLabel,
    bytes: u32,
) -> Result<Option<Turn<'a, WindowLabel>>, AppError> {
    pace::charge(app, &caller.to_string(), bytes as usize);
    let lane = switchboard.lane();
    lane.turn_for(caller, bytes as usize).await.map_err(|Busy| {
        Limit::TransfersInFlight.reached(format!(
            "{caller} has {TRANSFERS_PER_WINDOW} transfers waiting or under way, the limit transfers_in_flight"
        ))
    })
}

/// Bytes `offset..offset + len` of the pattern, as JSON (a number per byte): how a `Vec<u8>`
/// travels by default, shown for comparison. At most 100 MiB.
#[tauri::command]
#[specta::specta]
pub async fn download_json<R: Runtime>(
    call: Call<R>,
    switchboard: State<'_, Switchboard>,
    offset: u32,
    len: u32,
) -> Result<Vec<u8>, AppError> {
    call.run_async(|call| {
        let (app, caller) = (call.app.clone(), call.caller);
        async move {
            check_range(offset, len)?;
            let _turn = turn(&app, &switchboard, caller, len).await?;
            Ok(payload(offset, len))
        }
    })
    .await
}

/// Bytes `offset..offset + len` of the pattern as one raw response (an `ArrayBuffer`). At
/// most 100 MiB.
#[tauri::command]
#[specta::specta]
pub async fn download_raw<R: Runtime>(
    call: Call<R>,
    switchboard: State<'_, Switchboard>,
    offset: u32,
    len: u32,
) -> Result<Bytes, AppError> {
    call.run_async(|call| {
        let (app, caller) = (call.app.clone(), call.caller);
        async move {
            check_range(offset, len)?;
            // The bytes are made in the turn, so that a window's queued turns hold no memory.
            let _turn = turn(&app, &switchboard, caller, len).await?;
            Ok(Bytes(payload(offset, len)))
        }
    })
    .await
}

/// Bytes `0..len` of the pattern over `onChunk`, in raw chunks of `chunk` bytes (at least
/// 64 KiB, so that a page cannot ask for a message per byte); returns how many were sent.
#[tauri::command]
#[specta::specta]
pub async fn download_chunks<R: Runtime>(
    call: Call<R>,
    switchboard: State<'_, Switchboard>,
    len: u32,
    chunk: u32,
    on_chunk: Channel<Bytes>,
) -> Result<u32, AppError> {
    call.run_async(|call| {
        let (app, caller) = (call.app.clone(), call.caller);
        async move {
            check_range(0, len)?;
            Limit::SmallestChunkBytes.check_at_least(chunk as usize)?;
            let mut sent = 0;
            let mut offset = 0;
            while offset < len {
                let size = chunk.min(len - offset);
                // A turn per chunk: another window's transfer goes between two chunks.
                let _turn = turn(&app, &switchboard, caller, size).await?;
                on_chunk
                    .send(Bytes(payload(offset, size)))
                    .map_err(|e| AppError::internal(format!("chunk {sent} not sent: {e}")))?;
                offset += size;
                sent += 1;
            }
            Ok(sent)
        }
    })
    .await
}

/// Receives bytes sent as JSON (a number per byte). At most 100 MiB.
#[tauri::command]
#[specta::specta]
pub async fn upload_json<R: Runtime>(call: Call<R>, bytes: Vec<u8>) -> Result<Received, AppError> {
    call.run(|_| Received::of(&bytes))
}

/// Receives bytes sent as the call's raw body. At most 100 MiB.
#[tauri::command]
#[specta::specta]
pub async fn upload_raw<R: Runtime>(
    call: Call<R>,
    raw_body: RawBody,
) -> Result<Received, AppError> {
    call.run(|_| Received::of(&raw_body.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_is_the_slice_of_the_pattern() {
        for (offset, len) in [(0, 0), (0, 1), (250, 3), (1_000, 600), (u32::MAX - 2, 2)] {
            let expected: Vec<u8> = (0..len).map(|i| payload_byte(offset + i)).collect();
            assert_eq!(payload(offset, len), expected, "{offset} {len}");
        }
    }

    #[test]
    fn ranges_are_bounded() {
        assert_eq!(check_range(0, 100 << 20), Ok(()));
        assert_eq!(
            check_range(0, (100 << 20) + 1).unwrap_err().kind(),
            "limit_reached"
        );
        assert_eq!(
            check_range(u32::MAX, 1).unwrap_err().kind(),
            "invalid_input"
        );
    }

    #[test]
    fn an_upload_is_counted_and_summed() {
        assert_eq!(
            Received::of(&[1, 2, 255]),
            Ok(Received { bytes: 3, sum: 258 })
        );
    }
}
