//! The DOCX bytes of the export set, pinned. Any change to the renderer's output shows up here
//! as a changed hash, so a byte change is always a deliberate, reviewed edit of this table
//! (with the reason in the commit), never a side effect of a refactoring.

mod common;

use koop_core::render::docx;
use sha2::{Digest, Sha256};

/// A fixed creation time so the bytes do not depend on the clock.
const TIMESTAMP: &str = "2026-11-22T10:00:00Z";

/// sha256 and size of each export, by file stem.
const PINNED: &[(&str, &str, usize)] = &[
    ("ikpe-landkreis", "a76dcf387d38bc82184f4c0b3d6ee6eedf74ffd2158a94833d89c5678f811096", 9345),
    ("ikpe-stadt", "dc6eb0b2bbfa0730603f45bd0c88758767b2792b648cd7cc4acae8af45688f8d", 9320),
    ("ikpe-leer", "288e8527fd0d1706cf2c12f3998480629f010aa28138a1fe9c4e6ebc53744759", 9427),
    ("sozialraum-1-1-1", "13d095a17b1067825b6731d35aead1d92d6297d1bee5e1a5b77617a86c1b4c63", 11801),
    ("sozialraum-30-50-100", "8a4d092dcf981e49da0b9c8ba8e57e9dcf7a5b22b5a1930cc717a40a1c93144e", 16512),
    ("sozialraum-leer", "9d2502ae6a25211405b2d433bfda6c03d714d1d60205fb7ba6f7c602aac92b84", 11931),
    ("feindlich-0", "4c0676c954ad5a11f13b2c4d7068d352faded02e11888e5e4fba7311f99520c4", 9578),
    ("feindlich-1", "219780f15382e8c6c93090d0738788ecb3b82754be728ffba66f45a9d7ddb100", 12432),
    ("feindlich-2", "e502eedd2e20b6b39128a9c22387f072e6c12a1df4c11d049b472a918a88175c", 9537),
    ("feindlich-3", "383ee1882da0e5126a201b8af715b4ee0526e65f8e9b8ce360cf92285849ba6e", 12370),
    ("feindlich-4", "c7a1dc3721e62c0caafed622e41a670046ccf9c2c6509c49f6c250309010046c", 9871),
    ("feindlich-5", "95904dace74f8279a25e79c578337ab4e084a010ecdf62399b6430d3ef3bae67", 12327),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn docx_bytes_of_the_export_set_are_pinned() {
    let actual: Vec<(String, String, usize)> = common::export_set()
        .iter()
        .map(|(name, doc)| {
            let bytes = docx::render_at(doc, TIMESTAMP).unwrap_or_else(|e| panic!("{name}: {}", e.0));
            (name.clone(), hex(&Sha256::digest(&bytes)), bytes.len())
        })
        .collect();
    let table: String = actual.iter().map(|(n, h, l)| format!("    (\"{n}\", \"{h}\", {l}),\n")).collect();
    let pinned: Vec<(String, String, usize)> = PINNED.iter().map(|(n, h, l)| (n.to_string(), h.to_string(), *l)).collect();
    assert_eq!(actual, pinned, "DOCX bytes changed; if deliberate, pin the new table:\n{table}");
}
