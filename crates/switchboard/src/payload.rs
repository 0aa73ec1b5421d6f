//! What a page sends as an event's payload, read without trusting it: bounded in size, parsed
//! as the event's type, and for what the plugin passes on to another page, written again.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::value::RawValue;

/// Why a page's event payload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// Larger than events may be.
    #[error("payload of {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// Bytes received.
        size: usize,
        /// Bytes allowed.
        limit: usize,
    },
    /// Not the JSON shape of the event type.
    #[error("malformed payload: {0}")]
    Malformed(String),
}

/// Largest event payload accepted from a page, in bytes of JSON: events travel inline in a
/// script, and bulk data belongs on a Channel.
pub const MAX_PAYLOAD_BYTES: usize = 8 * 1024;

/// Parses one raw payload as `E`.
pub fn parse_payload<E: DeserializeOwned>(raw: &str) -> Result<E, PayloadError> {
    if raw.len() > MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge {
            size: raw.len(),
            limit: MAX_PAYLOAD_BYTES,
        });
    }
    serde_json::from_str(raw).map_err(|e| PayloadError::Malformed(e.to_string()))
}

/// Parses one raw payload as `E` and writes it again as `E`'s own JSON, so that what is passed
/// on holds no field, spelling or size the page chose beyond what `E` keeps.
pub fn normalize<E: Serialize + DeserializeOwned>(
    raw: &str,
) -> Result<Box<RawValue>, PayloadError> {
    let parsed: E = parse_payload(raw)?;
    serde_json::value::to_raw_value(&parsed).map_err(|e| PayloadError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize, specta::Type)]
    struct Note {
        text: String,
    }

    #[test]
    fn parses_good_and_reports_bad() {
        assert_eq!(
            parse_payload::<Note>(r#"{"text":"hi"}"#),
            Ok(Note { text: "hi".into() })
        );
        assert!(matches!(
            parse_payload::<Note>(r#"{"txt":1}"#),
            Err(PayloadError::Malformed(_))
        ));
        assert!(matches!(
            parse_payload::<Note>("not json"),
            Err(PayloadError::Malformed(_))
        ));
        let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(MAX_PAYLOAD_BYTES));
        assert!(matches!(
            parse_payload::<Note>(&big),
            Err(PayloadError::TooLarge { .. })
        ));
    }

    /// What is passed on is the type's own JSON: a field the page added is gone.
    #[test]
    fn normalize_keeps_only_what_the_type_keeps() {
        let passed = normalize::<Note>(r#"{ "from": "w2", "text": "hi" }"#).unwrap();
        assert_eq!(passed.get(), r#"{"text":"hi"}"#);
        assert!(matches!(
            normalize::<Note>(r#"{"txt":1}"#),
            Err(PayloadError::Malformed(_))
        ));
    }
}
