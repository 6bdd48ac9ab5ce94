//! The Beschlussvorlage's own answers in the UI (issue 24, part 2): which answers belong to
//! which document and body, where they are asked, and what an invalid one does. The agreement
//! counts only its own answers; each Vorlage counts the agreement's and its own.

mod common;

use koop_core::context::BodyKey;
use koop_core::document::bound;
use koop_core::template::Template;
use koop_core::validate::Completeness;
use koop_core::value::FieldPath;
use koop_core::{Draft, Report};
use rstest::rstest;

const VORLAGE: &str = "beschlussvorlage";
const VORLAGE_FIELDS: [&str; 5] = ["vorlage_nummer", "vorlage_datum", "vorlage_einreicher", "vorlage_gremium", "vorlage_sitzung"];

fn key(entity: &str, entry: Option<u32>) -> BodyKey {
    BodyKey { entity: entity.into(), entry }
}

fn town_ids(t: &Template, d: &Draft) -> Vec<u32> {
    d.entries(t.field("gemeinden").expect("list").field).iter().map(|e| e.id).collect()
}

fn ids(answers: &[bound::Answer<'_>]) -> Vec<String> {
    answers.iter().map(|a| a.field.id.clone()).collect()
}

#[rstest]
#[case::ikpe("ikpe", "kommune")]
#[case::sozialraum_landkreis("sozialraum", "landkreis")]
fn a_body_that_is_no_list_entry_has_the_top_level_answers(#[case] template: &str, #[case] entity: &str) {
    let t = common::template(template);
    let answers = bound::answers(t, VORLAGE, &key(entity, None));
    assert_eq!(ids(&answers), VORLAGE_FIELDS);
    let review = t.review_step().expect("a review step");
    for a in &answers {
        assert!(a.list.is_none(), "{}", a.field.id);
        assert_eq!(a.step, review, "{} is asked where the Vorlage is made", a.field.id);
    }
}

#[test]
fn a_town_has_the_answers_of_its_entry() {
    let t = common::template("sozialraum");
    let d = common::sozialraum(3, 1, 1);
    let town = town_ids(t, &d)[1];
    let answers = bound::answers(t, VORLAGE, &key("gemeinde", Some(town)));
    let mut expected = vec!["grosse_kreisstadt".to_string()];
    expected.extend(VORLAGE_FIELDS.iter().map(|s| s.to_string()));
    assert_eq!(ids(&answers), expected);
    let review = t.review_step().expect("a review step");
    for a in &answers {
        assert_eq!(a.list.map(|l| l.id.as_str()), Some("gemeinden"));
        assert_eq!(a.step, review, "not the towns' step any more");
    }
}

#[rstest]
#[case::unknown_document("ikpe", "gibt_es_nicht", "kommune", None)]
#[case::unknown_body("ikpe", VORLAGE, "landkreis", None)]
#[case::list_body_without_entry("sozialraum", VORLAGE, "gemeinde", None)]
#[case::entry_for_a_body_without_list("sozialraum", VORLAGE, "landkreis", Some(1))]
fn a_body_or_document_that_does_not_fit_has_no_answers(
    #[case] template: &str,
    #[case] document: &str,
    #[case] entity: &str,
    #[case] entry: Option<u32>,
) {
    assert!(bound::answers(common::template(template), document, &key(entity, entry)).is_empty());
}

#[test]
fn each_answer_names_its_document() {
    let t = common::template("sozialraum");
    let entry = |sub: &str| FieldPath::Entry { list: "gemeinden".into(), entry: 7, sub: sub.into() };
    assert_eq!(t.document_of(&FieldPath::field("sozialraum")), None);
    assert_eq!(t.document_of(&FieldPath::field("vorlage_nummer")), Some(VORLAGE));
    assert_eq!(t.document_of(&entry("name")), None);
    assert_eq!(t.document_of(&entry("vorlage_sitzung")), Some(VORLAGE));
    assert_eq!(t.document_of(&entry("gibt_es_nicht")), None);
    assert_eq!(t.document_of(&FieldPath::field("gibt_es_nicht")), None);
}

/// An invalid optional Vorlage answer is shown at its field (with the review step as its step),
/// makes that Vorlage an ENTWURF, and leaves the agreement and every other Vorlage as they were.
#[rstest]
#[case::ikpe_sitzung("ikpe", None, "vorlage_sitzung", "32.13.2027")]
#[case::ikpe_datum("ikpe", None, "vorlage_datum", "morgen")]
#[case::landkreis("sozialraum", None, "vorlage_sitzung", "31.02.2027")]
#[case::town("sozialraum", Some(1), "vorlage_datum", "2027-13-01")]
#[case::town_sitzung("sozialraum", Some(2), "vorlage_sitzung", "1.1.")]
fn an_invalid_vorlage_answer_makes_only_its_vorlage_an_entwurf(
    #[case] template: &str,
    #[case] town: Option<usize>,
    #[case] field: &str,
    #[case] value: &str,
) {
    let t = common::template(template);
    let mut d = if template == "ikpe" { common::ikpe_landkreis() } else { common::sozialraum(3, 2, 4) };
    let path = match town {
        None => {
            d.set_text(field, value);
            FieldPath::field(field)
        }
        Some(n) => {
            let id = town_ids(t, &d)[n];
            d.set_entry_value(t.field("gemeinden").expect("list").field, id, field, value);
            FieldPath::Entry { list: "gemeinden".into(), entry: id, sub: field.into() }
        }
    };
    let c = common::ctx(t, &d);
    let report = koop_core::validate(&c);
    let issue = report.first_for(&path).expect("the answer is checked live");
    assert_eq!(issue.step, t.review_step().expect("review"), "asked on the review step");
    // The agreement: complete, no step has an open answer, its document is no ENTWURF.
    assert_eq!(report.completeness(), Completeness::Complete, "{:?}", report.issues);
    assert_eq!(report.error_count(), 0);
    assert!((0..t.steps.len()).all(|s| report.open_in_step(s) == 0));
    assert!(!koop_core::build(&c, report.completeness()).draft);
    // The Vorlagen: only the one whose answer it is.
    let drafts: Vec<bool> = bound::build_all(&c, VORLAGE, &report).iter().map(|doc| doc.draft).collect();
    let mut expected = vec![false; drafts.len()];
    expected[town.map_or(0, |n| n + 1)] = true;
    assert_eq!(drafts, expected);
    for (i, body) in bound::bodies(&c, VORLAGE).iter().enumerate() {
        let own = report.own_errors(VORLAGE, &body.key).count();
        assert_eq!(own, usize::from(expected[i]), "{}", body.label);
    }
}

/// An incomplete agreement (the Vorlage's Anlage) makes every Vorlage an ENTWURF too.
#[rstest]
#[case::ikpe("ikpe")]
#[case::sozialraum("sozialraum")]
fn an_incomplete_agreement_makes_every_vorlage_an_entwurf(#[case] template: &str) {
    let t = common::template(template);
    let mut d = if template == "ikpe" { common::ikpe_landkreis() } else { common::sozialraum(2, 1, 1) };
    let required = if template == "ikpe" { "kommune_name" } else { "sozialraum" };
    d.set_text(required, "");
    let c = common::ctx(t, &d);
    let report: Report = koop_core::validate(&c);
    assert_eq!(report.completeness(), Completeness::Incomplete);
    let docs = bound::build_all(&c, VORLAGE, &report);
    assert!(!docs.is_empty());
    assert!(docs.iter().all(|doc| doc.draft));
}
