//! The bottom layer: value types with their parsing (dates, e-mail addresses, postcodes), German
//! grammar, where an answer sits, and text with gaps. Everything above may use these; they use
//! nothing of the crate.

pub mod grammar;
pub mod gremium;
pub mod inline;
mod names;
pub mod path;
pub mod types;

pub use inline::{Inline, Text, plain};
pub use path::{FieldPath, Target};
pub use types::*;
