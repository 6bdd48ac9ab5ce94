//! The versioned record format (also the format of exported draft files) and its migrations.

use super::error::{DecodeError, MAX_IMPORT_BYTES, StoreError};
use crate::draft::Draft;
use serde::Serialize;
use serde_json::Value;

/// Marks our records and files.
pub const FORMAT: &str = "koop-assistent/entwurf";
/// The schema version this build writes. Older versions are migrated on read.
pub const SCHEMA_VERSION: u32 = 2;

/// How many replaced records a stored record names (see `encode_record`): enough for a window
/// to find the version it shares with another across that window's saves while this one was
/// asking.
pub const MAX_PARENTS: usize = 16;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    schema: u32,
    draft: &'a Draft,
    /// Only in the store: the records this one replaced (see `encode_record`).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    parents: &'a [String],
}

/// The stored text of a draft.
pub fn encode(draft: &Draft) -> Result<String, StoreError> {
    encode_record(draft, &[])
}

/// The stored text of a draft with its lineage: the fingerprints (`Seen`) of the records it
/// replaced, newest first. Two windows that write at once on a store whose writes are not atomic
/// across windows (localStorage) can tell from it whether a record descends from theirs or
/// replaced it unseen. Earlier versions ignore the field, so the schema stays the same; draft
/// files and exported documents carry no lineage.
pub fn encode_record(draft: &Draft, parents: &[String]) -> Result<String, StoreError> {
    serde_json::to_string(&EnvelopeOut { format: FORMAT, schema: SCHEMA_VERSION, draft, parents })
        .map_err(|e| StoreError::Other(e.to_string()))
}

/// A draft file for download: the same record, pretty-printed so that people can read it
/// (compact when pretty printing would make it too large to import again).
pub fn encode_file(draft: &Draft) -> Result<String, StoreError> {
    let pretty = serde_json::to_string_pretty(&EnvelopeOut { format: FORMAT, schema: SCHEMA_VERSION, draft, parents: &[] })
        .map_err(|e| StoreError::Other(e.to_string()))?;
    if pretty.len() <= MAX_IMPORT_BYTES { Ok(pretty) } else { encode(draft) }
}

/// Reads a record of this or an earlier schema version.
pub fn decode(text: &str) -> Result<Draft, DecodeError> {
    decode_record(text).map(|(draft, _)| draft)
}

/// Reads a record and its lineage (see `encode_record`; none in files and older records).
pub fn decode_record(text: &str) -> Result<(Draft, Vec<String>), DecodeError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let obj = value.as_object().ok_or(DecodeError::NotADraft)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotADraft);
    }
    let schema = obj.get("schema").and_then(Value::as_u64).ok_or_else(|| DecodeError::Corrupt("no schema".into()))?;
    let schema = u32::try_from(schema).map_err(|_| DecodeError::UnknownVersion(u32::MAX))?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::UnknownVersion(schema));
    }
    // Lineage is a hint for merging, never a reason to refuse a draft: what is not a list of
    // strings counts as none.
    let parents = obj
        .get("parents")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).take(MAX_PARENTS).map(str::to_string).collect())
        .unwrap_or_default();
    let draft = migrate(value, schema)?;
    let mut draft: Draft = serde_json::from_value(draft).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    check_entries(&mut draft)?;
    Ok((draft, parents))
}

/// Entry identities are unique in their list (references between lists name them), and the
/// next identity lies above every one in use, so adding an entry can never reuse one.
fn check_entries(draft: &mut Draft) -> Result<(), DecodeError> {
    let mut highest = None;
    for (field, answer) in &draft.answers {
        if let crate::draft::Answer::List(entries) = answer {
            let mut ids = std::collections::BTreeSet::new();
            for e in entries {
                if !ids.insert(e.id) {
                    return Err(DecodeError::Corrupt(format!("{field}: Eintrag {} doppelt", e.id)));
                }
                highest = highest.max(Some(e.id));
            }
        }
    }
    if let Some(h) = highest {
        let next = h.checked_add(1).ok_or_else(|| DecodeError::Corrupt("keine freie Eintragskennung".into()))?;
        draft.next_entry_id = draft.next_entry_id.max(next);
    }
    Ok(())
}

/// One step per earlier schema version: `MIGRATIONS[n - 1]` turns a record of schema `n` into
/// one of schema `n + 1` (whole records, so a step may move data between envelope and draft).
type Migration = fn(Value) -> Result<Value, DecodeError>;
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Schema 2 added the process data and renamed `last_exported` (it only ever meant the last
/// draft file) to `last_backup`. Older versions of the app refuse schema 2 records instead of
/// saving over the process data they do not know.
fn v1_to_v2(mut record: Value) -> Result<Value, DecodeError> {
    let draft = record.get_mut("draft").and_then(Value::as_object_mut).ok_or_else(|| DecodeError::Corrupt("no draft".into()))?;
    if let Some(v) = draft.remove("last_exported") {
        draft.insert("last_backup".into(), v);
    }
    // No process data yet: decoding fills in the six open phases (`#[serde(default)]`).
    record["schema"] = Value::from(2);
    Ok(record)
}

/// Brings a record of `from` up to the current schema and returns its draft object.
fn migrate(mut record: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 {
        return Err(DecodeError::Corrupt("schema 0".into()));
    }
    for step in MIGRATIONS.iter().skip(from as usize - 1) {
        record = step(record)?;
    }
    record.get_mut("draft").map(Value::take).ok_or_else(|| DecodeError::Corrupt("no draft".into()))
}
