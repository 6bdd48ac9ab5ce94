//! Every export carries its draft (`render::embed`): reading it back out of the DOCX and the ODT
//! gives the same draft, for the fixtures and for hostile drafts, also after LibreOffice saved
//! the file again; a file without a draft, or no document at all, is refused with a message.

mod common;

use common::EXPORT_TIME;
use koop_core::Draft;
use koop_core::document::printed::{self, Place};
use koop_core::draft::store::{decode, encode_file};
use koop_core::render::embed::{self, EmbedError};
use koop_core::render::{docx, odt, pdf};

fn drafts() -> Vec<(String, Draft)> {
    let mut out = vec![
        ("ikpe-landkreis".to_string(), common::ikpe_landkreis()),
        ("ikpe-stadt".to_string(), common::ikpe_stadt()),
        ("sozialraum-30-50-100".to_string(), common::sozialraum(30, 50, 100)),
    ];
    out.extend(common::hostile_drafts().into_iter().enumerate().map(|(i, (_, d))| (format!("feindlich-{i}"), d)));
    out
}

/// Both files of a draft, with its record embedded.
fn exports(d: &Draft) -> (Vec<u8>, Vec<u8>) {
    let (_, doc) = common::report_and_doc(common::template(&d.template), d);
    common::docx_and_odt_with_draft(&doc, d)
}

#[test]
fn draft_to_docx_and_odt_and_back_is_identity() {
    for (name, d) in drafts() {
        let (docx, odt) = exports(&d);
        assert_eq!(common::read_back(&docx), d, "{name} via DOCX");
        assert_eq!(common::read_back(&odt), d, "{name} via ODT");
        common::keep_export(&format!("mit-entwurf-{name}.docx"), &docx);
        common::keep_export(&format!("mit-entwurf-{name}.odt"), &odt);
    }
}

#[test]
fn without_a_draft_the_export_is_the_pinned_one_and_carries_nothing() {
    let d = common::ikpe_landkreis();
    let (_, doc) = common::report_and_doc(common::template("ikpe"), &d);
    let plain = docx::render_at(&doc, EXPORT_TIME).expect("docx");
    assert_eq!(docx::render_with(&doc, EXPORT_TIME, None).expect("docx"), plain);
    assert_eq!(embed::read(&plain), Err(EmbedError::NoDraft));
    assert_eq!(embed::read(&odt::render_at(&doc, EXPORT_TIME).expect("odt")), Err(EmbedError::NoDraft));
}

#[test]
fn a_file_that_is_no_document_or_lacks_a_piece_is_refused_with_a_message() {
    assert_eq!(embed::read(b"Das ist kein Dokument."), Err(EmbedError::NotADocument));
    assert_eq!(embed::read(&[]), Err(EmbedError::NotADocument));
    assert!(EmbedError::NoDraft.message().contains("Nur Word-, ODT- und PDF-Dateien, die der Koop-Assistent exportiert hat"));
    // A record longer than one piece, with its second piece renamed away.
    let d = common::sozialraum(5, 8, 16);
    let (docx, _) = exports(&d);
    let broken = common::rewrite_part(&docx, "docProps/custom.xml", |xml| xml.replace("Koop-Entwurf-0002", "Koop-Entwurf-x"));
    assert_eq!(embed::read(&broken), Err(EmbedError::Incomplete));
}

/// What survives a re-save: LibreOffice opens each export and saves it again in the same format;
/// the draft read from that file is the one exported.
#[test]
fn the_draft_survives_a_re_save_by_libreoffice() {
    if !common::soffice_available() {
        return;
    }
    let dir = common::scratch_dir("roundtrip");
    std::fs::create_dir_all(dir.join("in")).expect("dir");
    let mut expected = Vec::new();
    for (name, d) in drafts().into_iter().filter(|(n, _)| n == "ikpe-landkreis" || n == "sozialraum-30-50-100" || n == "feindlich-0") {
        let (docx, odt) = exports(&d);
        std::fs::write(dir.join("in").join(format!("{name}.docx")), docx).expect("write");
        std::fs::write(dir.join("in").join(format!("{name}.odt")), odt).expect("write");
        expected.push((name, d));
    }
    for kind in ["docx", "odt"] {
        let inputs: Vec<_> = expected.iter().map(|(n, _)| dir.join("in").join(format!("{n}.{kind}"))).collect();
        let filter = if kind == "docx" { "docx:MS Word 2007 XML" } else { "odt" };
        common::soffice_convert(&dir.join("profile"), filter, &dir.join(kind), &inputs);
    }
    for (name, d) in &expected {
        let (_, doc) = common::report_and_doc(common::template(&d.template), d);
        for kind in ["docx", "odt"] {
            let resaved = std::fs::read(dir.join(kind).join(format!("{name}.{kind}"))).expect("LibreOffice wrote the file");
            assert_eq!(&common::read_back(&resaved), d, "{name}.{kind} after LibreOffice saved it again");
            // Nobody edited the text: a re-save alone is not reported as an edit, and the day
            // the draft is rebuilt for is the export's.
            let embedded = embed::read_document(&resaved).expect("embedded");
            assert_eq!(printed::edited_places(&doc, &embedded.paragraphs), vec![], "{name}.{kind} after LibreOffice saved it again");
            assert_eq!(embedded.created.as_deref().map(|c| &c[..10]), Some(&EXPORT_TIME[..10]), "{name}.{kind}: creation date kept");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The text the renderers print is the text the model says they print (`document::printed`),
/// for both formats, every fixture and every hostile draft: the comparison of an imported file
/// with its draft rests on it.
#[test]
fn the_printed_paragraphs_are_what_docx_and_odt_hold() {
    for (name, d) in drafts() {
        let (_, doc) = common::report_and_doc(common::template(&d.template), &d);
        let expected: Vec<String> = printed::paragraphs(&doc).into_iter().map(|p| printed::normalized(&p.text)).collect();
        let (docx, odt) = exports(&d);
        for (kind, bytes) in [("docx", &docx), ("odt", &odt)] {
            let embedded = embed::read_document(bytes).expect("embedded");
            let read: Vec<String> = embedded.paragraphs.iter().map(|p| printed::normalized(p)).collect();
            assert_eq!(read, expected, "{name}.{kind}");
            assert_eq!(printed::edited_places(&doc, &embedded.paragraphs), vec![], "{name}.{kind} unedited");
            assert_eq!(embedded.created.as_deref(), Some(EXPORT_TIME), "{name}.{kind}");
        }
    }
}

/// Someone changes the wording of one clause in Word and adds a sentence under another: both
/// clauses are named by number, nothing else.
#[test]
fn text_edited_in_the_file_is_reported_by_clause_number() {
    let d = common::ikpe_landkreis();
    let (_, doc) = common::report_and_doc(common::template("ikpe"), &d);
    let clauses: Vec<(String, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            koop_core::document::Block::Clause { number, text, .. } => Some((number.clone(), koop_core::document::plain(text))),
            _ => None,
        })
        .collect();
    let (docx, odt) = exports(&d);
    let part = |bytes: &[u8], name: &str| common::zip_parts(bytes).into_iter().find(|(n, _, _)| n == name).expect("part").1;
    let (docx_xml, odt_xml) = (part(&docx, "word/document.xml"), part(&odt, "content.xml"));
    // Clauses with a word that occurs once in either file, so the edit hits that clause alone.
    let unique = |text: &str| {
        text.split_whitespace()
            .filter(|w| w.len() > 6 && w.chars().all(char::is_alphabetic))
            .find(|w| docx_xml.matches(*w).count() == 1 && odt_xml.matches(*w).count() == 1)
            .map(str::to_string)
    };
    let edits: Vec<(String, String)> = clauses.iter().filter_map(|(n, t)| unique(t).map(|w| (n.clone(), w))).take(2).collect();
    assert_eq!(edits.len(), 2, "two clauses to edit in {clauses:?}");
    let (first, second) = (&edits[0], &edits[1]);
    for (kind, bytes, part) in [("docx", &docx, "word/document.xml"), ("odt", &odt, "content.xml")] {
        let edited = common::rewrite_part(bytes, part, |xml| {
            xml.replacen(&first.1, &format!("{}x", first.1), 1).replacen(&second.1, &format!("{} und noch mehr", second.1), 1)
        });
        let embedded = embed::read_document(&edited).expect("embedded");
        assert_eq!(decode(&embedded.record).expect("record"), d, "{kind}: the answers are untouched");
        assert_eq!(
            printed::edited_places(&doc, &embedded.paragraphs),
            vec![Place::Numbered(first.0.clone()), Place::Numbered(second.0.clone())],
            "{kind}"
        );
    }
    // A paragraph added after a clause belongs to it; one removed is missed at its own place.
    let (grown, shrunk) = (&clauses[0].0, &clauses[3].0);
    let mut actual: Vec<String> = printed::paragraphs(&doc).into_iter().map(|p| p.text).collect();
    let at = actual.iter().position(|p| p.starts_with(&format!("{grown}\t"))).expect("clause printed");
    actual.insert(at + 1, "Ein Absatz, den jemand in Word ergänzt hat.".into());
    let gone = actual.iter().position(|p| p.starts_with(&format!("{shrunk}\t"))).expect("clause printed");
    actual.remove(gone);
    assert_eq!(printed::edited_places(&doc, &actual), vec![Place::Numbered(grown.clone()), Place::Numbered(shrunk.clone())]);
    assert_eq!(Place::Numbered(first.0.clone()).label(), format!("Nr. {}", first.0));
}

/// The file comes back to the list it was exported from: kept as a new draft named after the
/// file (the original stays), with the answers that differ from the original listed, and the
/// clauses edited in the file named.
#[test]
fn an_exported_file_comes_back_with_its_changes_and_edits() {
    use koop_core::import::{Here, returned};
    let catalog = common::catalog();
    let mut theirs = common::ikpe_landkreis();
    theirs.set_text("vertragsnummer", "PK 8/2026");
    let (docx, _) = exports(&theirs);
    let embedded = embed::read_document(&docx).expect("embedded");
    let ours = common::ikpe_landkreis();
    let file = "Kooperationsvereinbarung_Soemmerda_2026-11-22.docx";
    let here = |existing, new_id| Here { existing, taken: &[], new_id, now_ms: 5.0, today: common::today() };
    let came = returned(catalog, &embedded, file, &here(std::slice::from_ref(&ours), "neu-1")).expect("opens");
    let kept = decode(&came.record).expect("record");
    assert_eq!(kept.id, "neu-1", "the original's identity is taken: a new one");
    assert_eq!(kept.name.as_deref(), Some("Kooperationsvereinbarung_Soemmerda_2026-11-22"));
    assert_eq!(came.name, "Kooperationsvereinbarung_Soemmerda_2026-11-22");
    assert_eq!(kept.answers, theirs.answers);
    assert_eq!(came.edited, None);
    let origin = came.origin.expect("exported from a draft of the list");
    assert_eq!(origin.name, common::ctx(common::template("ikpe"), &ours).draft_name());
    assert_eq!(origin.changes.len(), 1, "{:#?}", origin.changes);
    assert_eq!((origin.changes[0].old.as_str(), origin.changes[0].new.as_str()), ("PK 7/2026", "PK 8/2026"));

    // Nowhere to compare with: the file keeps its identity, no origin.
    let alone = returned(catalog, &embedded, file, &here(&[], "neu-2")).expect("opens");
    assert_eq!(decode(&alone.record).expect("record").id, theirs.id);
    assert!(alone.origin.is_none());

    // Edited in Word: the message names the clauses by number.
    let mut edited = embedded.clone();
    let at = edited.paragraphs.iter().position(|p| p.starts_with("2.1\t")).expect("clause 2.1");
    edited.paragraphs[at].push_str(" Ergänzt in Word.");
    let came = returned(catalog, &edited, file, &here(&[], "neu-3")).expect("opens");
    let message = came.edited.expect("a message");
    assert!(message.contains("außerhalb des Koop-Assistenten geändert: Nr. 2.1."), "{message}");

    // A record of a newer schema is refused like a draft file.
    let mut newer = embedded.clone();
    newer.record = newer.record.replacen("\"schema\": 2", "\"schema\": 99", 1);
    assert_ne!(newer.record, embedded.record, "the record names its schema");
    let refused = returned(catalog, &newer, file, &here(&[], "neu-4")).expect_err("newer");
    assert!(matches!(refused, koop_core::import::Refused::Import(_)), "{refused:?}");
    assert!(refused.message().contains("neuere"), "{}", refused.message());
}

#[test]
fn a_draft_opened_from_a_file_is_named_after_it() {
    use koop_core::import::name_from_file;
    assert_eq!(name_from_file("Vereinbarung Ilm-Kreis.docx"), "Vereinbarung Ilm-Kreis");
    assert_eq!(name_from_file("C:\\Users\\x\\Vertrag.v2.odt"), "Vertrag.v2");
    assert_eq!(name_from_file("ohne-endung"), "ohne-endung");
    assert_eq!(name_from_file(".docx"), ".docx");
}

/// The worker's side of "Entwurf aus Datei laden": what crosses back to the app is the draft to
/// keep, the edit message and the changes, which survive their flat transport unchanged.
#[test]
fn the_worker_reads_a_returned_document() {
    use koop_core::import::{ReturnedRequest, changes_from_flat, flat_changes};
    let ours = common::ikpe_landkreis();
    let mut theirs = ours.clone();
    theirs.set_text("vertragsnummer", "PK 8/2026");
    let (docx, odt) = exports(&theirs);
    let request = |origin: Option<&koop_core::Draft>| ReturnedRequest {
        file_name: "Zurueck.docx".into(),
        taken: vec![ours.id.clone()],
        new_id: "neu-9".into(),
        now_ms: 1.0,
        today: "2026-11-22".into(),
        origin: origin.map(|d| encode_file(d).expect("record")),
    };
    for bytes in [&docx, &odt] {
        let came = request(Some(&ours)).read(bytes).expect("read");
        assert_eq!(came.name, "Zurueck");
        let kept = decode(&came.record).expect("record");
        assert_eq!((kept.id.as_str(), &kept.answers), ("neu-9", &theirs.answers));
        assert_eq!(came.edited, None);
        assert!(came.needs_decision(), "it came from a listed draft");
        let origin = came.origin.clone().expect("compared");
        assert_eq!(origin.name, common::ctx(common::template("ikpe"), &ours).draft_name());
        let changes = origin.changes;
        assert_eq!(changes.len(), 1);
        assert_eq!((changes[0].label.as_str(), changes[0].anchor.as_str()), ("Vertragsnummer", "feld-vertragsnummer"));
        assert_eq!(changes_from_flat(&flat_changes(&changes)), Some(changes));
        // Without a draft to compare with and without edits: nothing to decide, kept at once.
        assert!(!request(None).read(bytes).expect("read").needs_decision());
    }
    // Not a document: the message says why, and that nothing changed (the app shows it as is).
    let refused = request(None).read(b"kein Dokument").expect_err("not a document").message();
    assert!(
        refused.starts_with("Die Datei ist kein Word-, ODT- oder PDF-Dokument.") && refused.ends_with(" Es wurde nichts geändert."),
        "{refused}"
    );
    assert_eq!(changes_from_flat(&["a".into(), "b".into()]), None);
}

/// The PDF carries its draft as an associated file: read back (hayro-syntax) it is the draft
/// exported, for the fixtures, hostile drafts and a Sozialraum 60/100/200 agreement; the
/// review of a PDF that came back is the review of a DOCX; a PDF the app did not make, or no
/// PDF at all, gets a message.
#[test]
fn draft_to_pdf_and_back_is_identity() {
    let mut all = drafts();
    all.push(("sozialraum-60-100-200".to_string(), common::sozialraum(60, 100, 200)));
    for (name, d) in all {
        let (_, doc) = common::report_and_doc(common::template(&d.template), &d);
        let record = encode_file(&d).expect("record");
        let bytes = pdf::render_with(&doc, EXPORT_TIME, Some(&record)).expect("pdf");
        assert_eq!(common::read_back(&bytes), d, "{name} via PDF");
        let embedded = embed::read_document(&bytes).expect("embedded");
        assert_eq!(embedded.created.as_deref(), Some(EXPORT_TIME), "{name}: creation time");
        assert!(!embedded.has_body, "{name}: a PDF's text is not compared");
        common::keep_export(&format!("mit-entwurf-{name}.pdf"), &bytes);
    }
}

#[test]
fn a_pdf_comes_back_like_a_docx_and_a_foreign_pdf_is_refused() {
    use koop_core::import::ReturnedRequest;
    let ours = common::ikpe_landkreis();
    let mut theirs = ours.clone();
    theirs.set_text("vertragsnummer", "PK 8/2026");
    let (_, doc) = common::report_and_doc(common::template("ikpe"), &theirs);
    let bytes = pdf::render_with(&doc, EXPORT_TIME, Some(&encode_file(&theirs).expect("record"))).expect("pdf");
    let request = ReturnedRequest {
        file_name: "Zurueck.pdf".into(),
        taken: vec![ours.id.clone()],
        new_id: "neu-9".into(),
        now_ms: 1.0,
        today: "2026-11-22".into(),
        origin: Some(encode_file(&ours).expect("record")),
    };
    let came = request.read(&bytes).expect("read");
    assert_eq!(came.name, "Zurueck");
    let kept = decode(&came.record).expect("record");
    assert_eq!((kept.id.as_str(), &kept.answers), ("neu-9", &theirs.answers), "a new identity where the file's is taken");
    assert_eq!(came.edited, None);
    let changes = came.origin.expect("compared with the draft it came from").changes;
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].old.as_str(), changes[0].new.as_str()), ("PK 7/2026", "PK 8/2026"));

    // A PDF without the draft (as any other program would make it), and a broken one.
    let plain = pdf::render_with(&doc, EXPORT_TIME, None).expect("pdf");
    assert_eq!(embed::read(&plain), Err(EmbedError::NoDraft));
    assert!(request.read(&plain).expect_err("refused").message().contains("Nur Word-, ODT- und PDF-Dateien"));
    assert_eq!(embed::read(b"%PDF-1.7\nkaputt"), Err(EmbedError::NotADocument));
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() / 3);
    assert!(embed::read(&cut).is_err(), "a truncated PDF is refused");
}
