//! Errors about an input that cannot give a record.
//!
//! Extraction itself never fails: an odd text gives fewer facts and a
//! `warnings` entry. These errors are for inputs that are not articles at all.
//! Messages follow the house style: lowercase, no final period; the caller
//! prefixes the file name (`depeche: a.txt: input is empty`).

/// Why an input gives no record.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// Nothing but white space (or nothing at all).
    #[error("input is empty")]
    Empty,
    /// NUL bytes or mostly control characters: not a text file.
    #[error("input looks binary (NUL or control bytes), not a text article")]
    Binary,
    /// Larger than the 4 GiB the offsets are sized for.
    #[error("input is larger than 4 GiB")]
    TooLarge,
}
