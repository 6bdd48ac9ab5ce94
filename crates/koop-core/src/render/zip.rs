//! A minimal, deterministic ZIP writer for office packages (DOCX now, ODT next).
//!
//! No directories, no extras, 32-bit sizes, a fixed 1980-01-01 timestamp: the same entries
//! always give the same bytes. Built on miniz_oxide because the zip crate with its zopfli and
//! zlib-rs back ends cost about 90 KB of WebAssembly for this. Entries are written in the
//! given order, so a package can put `[Content_Types].xml` (OOXML) or a stored `mimetype`
//! (ODF) first.

use std::fmt;

/// How an entry is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Uncompressed (ODF requires this for its leading `mimetype` entry).
    Stored,
    /// Deflate, best compression.
    Deflated,
}

/// One file of the package.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub method: Method,
}

impl<'a> Entry<'a> {
    pub fn stored(name: &'a str, data: &'a [u8]) -> Self {
        Self { name, data, method: Method::Stored }
    }

    pub fn deflated(name: &'a str, data: &'a [u8]) -> Self {
        Self { name, data, method: Method::Deflated }
    }
}

/// Why a package could not be written (only: a part beyond the 32-bit ZIP limits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipError(pub String);

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ZipError {}

/// Writes the package, entries in the given order.
pub fn write(entries: &[Entry<'_>]) -> Result<Vec<u8>, ZipError> {
    // 1980-01-01 00:00 in DOS format: reproducible, and no clock is asked for.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    // "Version made by": Unix (3) and ZIP 2.0, so the external attributes are a Unix mode.
    const MADE_BY_UNIX: u16 = (3 << 8) | 20;
    const REGULAR_FILE_0644: u32 = 0o100_644 << 16;
    let too_big = || ZipError("ZIP: Teil größer als 4 GB".into());
    let mut out: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut central: Vec<u8> = Vec::with_capacity(1024);
    for entry in entries {
        let (name, data) = (entry.name, entry.data);
        let (method, body): (u16, std::borrow::Cow<'_, [u8]>) = match entry.method {
            Method::Stored => (0, data.into()),
            Method::Deflated => (8, miniz_oxide::deflate::compress_to_vec(data, 9).into()),
        };
        let crc = crc32fast::hash(data);
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let csize = u32::try_from(body.len()).map_err(|_| too_big())?;
        let usize_ = u32::try_from(data.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, method, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, usize_] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&body);
        // Its central directory record.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [MADE_BY_UNIX, 20, 0, method, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, usize_] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        // Zero attributes make some unzip tools create files nobody may read; a regular file,
        // rw-r--r--, is what every reader accepts.
        central.extend_from_slice(&REGULAR_FILE_0644.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(entries.len()).map_err(|_| too_big())?;
    let cd_offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    let cd_size = u32::try_from(central.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// Finished files (the Beschlussvorlagen of every body) as one ZIP, in the given order, each
/// under its name; a name that came before gets a number ("Beschlussvorlage_Gemeinde_Au_2.docx").
/// Stored, not deflated: DOCX and ODT are compressed already.
pub fn bundle(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let mut names: Vec<String> = Vec::with_capacity(files.len());
    for (name, _) in files {
        let (stem, ext) = name.rsplit_once('.').map_or((name.as_str(), String::new()), |(s, e)| (s, format!(".{e}")));
        let mut unique = name.clone();
        let mut n = 1;
        while names.contains(&unique) {
            n += 1;
            unique = format!("{stem}_{n}{ext}");
        }
        names.push(unique);
    }
    let entries: Vec<Entry<'_>> = names.iter().zip(files).map(|(name, (_, data))| Entry::stored(name, data)).collect();
    write(&entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn stored_and_deflated_entries_read_back_in_order() {
        let bytes = write(&[
            Entry::stored("mimetype", b"application/vnd.oasis.opendocument.text"),
            Entry::deflated("content.xml", "<a>Größe</a>".repeat(50).as_bytes()),
        ])
        .expect("zip");
        // ODF readers look for the mimetype at a fixed offset: name at 30, data right after.
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..77], b"application/vnd.oasis.opendocument.text");
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("readable");
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        assert_eq!(names.len(), 2);
        let mut first = archive.by_index(0).expect("entry");
        assert_eq!(first.compression(), ::zip::CompressionMethod::Stored);
        let mut text = String::new();
        first.read_to_string(&mut text).expect("read");
        drop(first);
        let mut second = archive.by_index(1).expect("entry");
        assert_eq!(second.compression(), ::zip::CompressionMethod::Deflated);
        let mut xml = String::new();
        second.read_to_string(&mut xml).expect("read");
        assert_eq!(xml, "<a>Größe</a>".repeat(50));
        assert_eq!(text, "application/vnd.oasis.opendocument.text");
        drop(second);
        let again = write(&[
            Entry::stored("mimetype", b"application/vnd.oasis.opendocument.text"),
            Entry::deflated("content.xml", "<a>Größe</a>".repeat(50).as_bytes()),
        ])
        .expect("zip");
        assert_eq!(bytes, again, "deterministic");
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("readable");
        for i in 0..archive.len() {
            assert_eq!(archive.by_index(i).expect("entry").unix_mode(), Some(0o100_644), "a readable regular file");
        }
    }
}
