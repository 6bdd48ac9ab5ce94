//! The check that computed defaults do not depend on each other in a circle.

use super::Checker;
use std::collections::{BTreeMap, BTreeSet};

impl<'t> Checker<'t> {
    pub(super) fn default_cycles(&mut self) {
        let t = self.t;
        let mut deps: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for f in t.fields() {
            let mut d = Vec::new();
            for case in &f.field.default {
                d.extend(case.value.placeholders().map(|p| p.path.head().to_string()));
                if let Some(w) = &case.when {
                    d.extend(w.atoms().iter().map(|a| a.path.head().to_string()));
                }
            }
            deps.insert(&f.field.id, d);
        }
        fn visit<'a>(
            n: &'a str,
            deps: &'a BTreeMap<&str, Vec<String>>,
            stack: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) -> Option<String> {
            if stack.contains(&n) {
                return Some(format!("{} -> {n}", stack.join(" -> ")));
            }
            if done.contains(n) {
                return None;
            }
            stack.push(n);
            for d in deps.get(n).into_iter().flatten() {
                if let Some(c) = visit(d, deps, stack, done) {
                    return Some(c);
                }
            }
            stack.pop();
            done.insert(n);
            None
        }
        let mut done = BTreeSet::new();
        for n in deps.keys() {
            if let Some(cycle) = visit(n, &deps, &mut Vec::new(), &mut done) {
                self.err(format!("defaults depend on each other in a circle: {cycle}"));
                break;
            }
        }
    }
}
