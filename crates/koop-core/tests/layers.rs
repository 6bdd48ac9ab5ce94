//! The core is a one-way pipeline (see the crate documentation): each top-level module may use
//! only the modules listed before it. This reads the sources and fails on an import upwards, so
//! the folders keep showing the flow.

use std::fs;
use std::path::Path;

const LAYERS: [&str; 11] =
    ["value", "template", "draft", "context", "eval", "validate", "review", "document", "render", "import", "export"];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every layer named after `crate::` in the text (imports and paths alike, comments included:
/// a doc link upwards is a dependency a reader follows too).
fn used_layers(text: &str) -> Vec<&'static str> {
    let mut used = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if let Some(layer) = LAYERS.iter().find(|l| **l == name)
            && !used.contains(layer)
        {
            used.push(*layer);
        }
    }
    used
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    let mut seen = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).expect("inside src");
        let top = rel.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or("").trim_end_matches(".rs");
        let Some(own) = LAYERS.iter().position(|l| *l == top) else { continue };
        seen += 1;
        let text = fs::read_to_string(file).expect("readable");
        for used in used_layers(&text) {
            let theirs = LAYERS.iter().position(|l| *l == used).unwrap_or(0);
            if theirs > own {
                upward.push(format!("{} uses crate::{used}", rel.display()));
            }
        }
    }
    assert!(seen > 20, "the layer folders were read ({seen} files)");
    assert!(upward.is_empty(), "imports from a layer above: {upward:#?}");
}

#[test]
fn the_check_sees_an_upward_import() {
    assert_eq!(used_layers("use crate::document::Block;\nuse crate::value::Datum;"), vec!["document", "value"]);
    assert_eq!(used_layers("crate::valuex::y"), Vec::<&str>::new());
}
