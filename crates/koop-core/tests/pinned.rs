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
    ("ikpe-landkreis", "1f559d6a55cd9d43759ac7f2bf8c709543149a8b8b1c102254becc11b9a16db8", 10055),
    ("ikpe-stadt", "64d639acdf5423ebd17942e2524ec68a881db7669caa088ea42cdb1554fda3f1", 10030),
    ("ikpe-leer", "c792c617b22611ecd08a7a14dfed5feb184100dc3a4f09527ac4afa2d46b015b", 10137),
    ("sozialraum-1-1-1", "fdca424cf78872525aa18763a7d15929f9caeb4eba3c6f698008177b0b4a4d28", 12511),
    ("sozialraum-30-50-100", "2b9934b03f54105cc2ed1ac6a03ae40bc88abb349619324c545f37c6cb0cae2d", 17222),
    ("sozialraum-leer", "7622495c83d4860ac7e02d1f0547442bfe3c9fd75ea8c8ba5fbb95aea0739041", 12641),
    ("feindlich-0", "46ea5b9529f3a28889981f2707b0b5d4e5f4572a602397c7cc3fc14d357d7e8f", 10288),
    ("feindlich-1", "4892f3c5bbeb2e7a41652b6854599c9ca0eab67efaf403d96a2c950a87375c95", 13142),
    ("feindlich-2", "e92737eb94496ba58887327d4a584e1edbaff721bc83f2a1c89a4fc61d2565e3", 10247),
    ("feindlich-3", "33bb77a38a7ca8f507e275a342cfe4983766f33bb5798d864dcd22a14b96f2f3", 13080),
    ("feindlich-4", "d3182556f7c5e8fa93669ffec4cccb8b2fa511e91b73e6292a6a0ab8b11a44cb", 10581),
    ("feindlich-5", "9c4ad567d7b90f8bc04b427e0545d862f625bceee0619bf9935518e0bb7418b0", 13037),
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
