//! The app's WebAssembly keeps its relocations: scripts/pwa/split-wasm.mjs cuts the views the first
//! field does not need (`#[lazy]`, src/components/later.rs) into chunks loaded when shown,
//! and it finds the code that belongs to each chunk through them. Only this binary links
//! with them (a RUSTFLAGS link argument would rebuild every dependency and reach the worker).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
