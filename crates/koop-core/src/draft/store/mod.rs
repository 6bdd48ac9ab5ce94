//! Storage: the versioned record format (`record`, also the format of exported draft files)
//! and its migrations, the `DraftStore` trait over any key-value store (`kv`: the browser's
//! localStorage in the app, memory in tests and as fallback), draft files (`file`: import,
//! naming, the backup reminder) and their errors (`error`).

mod error;
mod file;
mod kv;
mod record;

pub use error::{DecodeError, MAX_IMPORT_BYTES, MAX_RECORD_BYTES, StoreError, human_size};
pub use file::{BACKUP_REMINDER_DAYS, ImportError, Imported, draft_file_name, import_file, needs_backup};
pub use kv::{
    APP_PREFIX, DRAFT_PREFIX, DraftStore, KeyValue, KvDraftStore, Listing, MemoryKv, Quarantined, Record, SaveOutcome, Scope, Seen, Stored,
};
pub use record::{FORMAT, MAX_PARENTS, SCHEMA_VERSION, decode, decode_record, encode, encode_file, encode_record};
