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
    ("ikpe-landkreis", "c71d708765d044bdb3dad7ac3df92f81255045fddf1158106e7b394ad8554dab", 10055),
    ("ikpe-stadt", "c9702991b5d498ca73c79755256a3f681a455960780a05c876b8fdb9a6b09596", 10030),
    ("ikpe-leer", "a241b8f0b59cd7bf4fcd13319c7596f10a7d4f86c5ea5533b9cbf38d418d9b32", 10137),
    ("sozialraum-1-1-1", "c5fb4e22e1d519bc47ca334fb76f65c20795d654042e35df2e459eac61e61e79", 12511),
    ("sozialraum-30-50-100", "e6516ecbe240ecae577662046c6d8c869287b49dc70c8e39a790d0993f7cc477", 17222),
    ("sozialraum-leer", "d0368ec5784aa543d8dd85be9f95778cf1d169bcdb272c7e45e3788b194e2c6a", 12641),
    ("feindlich-0", "e52a8a0ce17f08472b7ab223c29879872b07e25f9f33e1e5184d2eea94a2d7ab", 10288),
    ("feindlich-1", "960a08fa24617b9e408cfecc1433b4ab18f77f08d49b054b521241eff92740d5", 13142),
    ("feindlich-2", "bb71f29bfcb8697eb688b2b6a2cded8cf6b0753ff8840cf5fca4de37a0bef458", 10247),
    ("feindlich-3", "cfd50bfdb552b0d1c87b8bb27bb20e92edf9f5fa1afe035d24a507518671e4ff", 13080),
    ("feindlich-4", "902aa1fa5f860cd9a77062310a6bd2898858e9f075f75d3c31b10d6bd4033263", 10581),
    ("feindlich-5", "7599c2b03ef437b004488785a344899f9de287ed25ef3ecda1f5d1cba798a2e0", 13037),
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
