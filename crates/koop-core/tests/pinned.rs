//! The DOCX, ODT and PDF bytes of the export set, pinned. Any change to a renderer's output
//! shows up here as a changed hash, so a byte change is always a deliberate, reviewed edit of this table
//! (with the reason in the commit), never a side effect of a refactoring.

mod common;

use koop_core::document::Document;
use koop_core::render::{docx, odt, pdf};
use sha2::{Digest, Sha256};

/// A fixed creation time so the bytes do not depend on the clock.
const TIMESTAMP: &str = "2026-11-22T10:00:00Z";

/// sha256 and size of each export, by file stem.
const PINNED_DOCX: &[(&str, &str, usize)] = &[
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

const PINNED_ODT: &[(&str, &str, usize)] = &[
    ("ikpe-landkreis", "f3692970dbfbc00fe364a2200c756c479bfda6148a6d4f49e70df1c3118b9ab7", 6048),
    ("ikpe-stadt", "9d41a7fcec834294035ec557089d03f738c47596f6ee9c0b896937244d68fbe6", 6020),
    ("ikpe-leer", "c12011bd253764bac8fcdd7c543d130f245554fcf158dde0ef2e9361f1bf1999", 6095),
    ("sozialraum-1-1-1", "4cf01dbe63aff2455ccd9be3c00563a085467411328595e63078a741fb28a55d", 8400),
    ("sozialraum-30-50-100", "6627e90c4f1afdd18c383e1a107d46fc98d6653d26c19e59045a2e9b2c17cb5c", 10717),
    ("sozialraum-leer", "558ca8ac8371fb72c2f054320b046394e2d813e25a42f30810ee05a5b28e74a9", 8468),
    ("feindlich-0", "85f801fc2c22a35a22d5d4fe5c5624c19b1db556a7b861a044b60bf7b2996686", 6220),
    ("feindlich-1", "217c0d4d68b91d28e0eeab19291ee700b906d4410d69b4d927e00225810195da", 8938),
    ("feindlich-2", "29e6013252293c09c4e84ce3b2f1a93b44c198347bd852d1ca7e270e78366d6d", 6159),
    ("feindlich-3", "d8500dad527a87e00e2c43d6699c0ae595d2061f89dd2a78266b1896a2afa1d7", 8864),
    ("feindlich-4", "c28cb6ed2323a231f9fa2e690bf46a45a1ee019b2423eff52aeb1a657b93fa20", 6498),
    ("feindlich-5", "0141e8b915f95e6b17cfc0696cebe26ebfeb4fdc30952c2ae735bb366743ee52", 8786),
];

const PINNED_PDF: &[(&str, &str, usize)] = &[
    ("ikpe-landkreis", "20d50d4cdb7a86086679d9098892ea4325756cb45995aa7c9d2c88e7569f58ca", 51163),
    ("ikpe-stadt", "8f4c7c42303ef67c14a31868c4c6071ad0be77d2ca8715fb874c6c46ec39ed18", 50923),
    ("ikpe-leer", "07cd48ef7811b08ed432568bd7abad2ebec81e7d92617bd6bbd3296732791b54", 53116),
    ("sozialraum-1-1-1", "78ce9f3dceb3c50a620a03cc900b9df06dbb34801c1655d844da0c8afa5d00b8", 69520),
    ("sozialraum-30-50-100", "93b0493351cef4eb4ebb564cd06d198e687fffc12e7ea8e454bdc39b2f13ae67", 217235),
    ("sozialraum-leer", "b64a2e255844ff0f59cf45e46d27f06412a8e5c06057d3d186ea52df1a71f9d0", 72023),
    ("feindlich-0", "4119578b59ee01dfb4c2e73ab5cf78d0fb9319ad9bb784cabbe713270b203862", 56500),
    ("feindlich-1", "a154c2e7a0c5aaca3a3a9e5970b6ab4042b2924f857656b444ff5be79ae7d678", 86064),
    ("feindlich-2", "3e816911dea8abae6adddb242b10d216b1ba2c1c83c2640bc2e324980e87b73a", 55585),
    ("feindlich-3", "39ce2b0590baab98fdb48f8d446fdab5ac99dd30b35e3b60eca3664e0b9f8f28", 84139),
    ("feindlich-4", "d349c0ff72f56d582f43a536ccd52530a08e9540b3757bbedcdba0cc828ba0ba", 62348),
    ("feindlich-5", "bc8bbb96382d7cd535563485d52cdb5c22348dbec30a6040643d00f7c18cc5cb", 82763),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Renders every document of the export set with `render` and compares hashes and sizes with
/// `pinned`; a mismatch prints the table to pin if the change is deliberate.
fn assert_pinned(kind: &str, pinned: &[(&str, &str, usize)], render: impl Fn(&Document) -> Result<Vec<u8>, String>) {
    let actual: Vec<(String, String, usize)> = common::export_set()
        .iter()
        .map(|(name, doc)| {
            let bytes = render(doc).unwrap_or_else(|e| panic!("{kind} {name}: {e}"));
            (name.clone(), hex(&Sha256::digest(&bytes)), bytes.len())
        })
        .collect();
    let table: String = actual.iter().map(|(n, h, l)| format!("    (\"{n}\", \"{h}\", {l}),\n")).collect();
    let pinned: Vec<(String, String, usize)> = pinned.iter().map(|(n, h, l)| (n.to_string(), h.to_string(), *l)).collect();
    assert_eq!(actual, pinned, "{kind} bytes changed; if deliberate, pin the new table:\n{table}");
}

#[test]
fn docx_bytes_of_the_export_set_are_pinned() {
    assert_pinned("DOCX", PINNED_DOCX, |doc| docx::render_at(doc, TIMESTAMP).map_err(|e| e.0));
}

#[test]
fn odt_bytes_of_the_export_set_are_pinned() {
    assert_pinned("ODT", PINNED_ODT, |doc| odt::render_at(doc, TIMESTAMP).map_err(|e| e.0));
}

#[test]
fn pdf_bytes_of_the_export_set_are_pinned() {
    assert_pinned("PDF", PINNED_PDF, |doc| pdf::render_with(doc, TIMESTAMP, None).map_err(|e| e.to_string()));
}
