//! The last step: every answer with a link back to its field, then the export.

use super::Derived;
use crate::platform;
use crate::state::{Navigator, Session};
use koop_core::document::Target;
use koop_core::draft::store::human_size;
use koop_core::export::{ExportRequest, Format};
use koop_core::review::review;
use koop_core::template::Template;
use leptos::prelude::*;

#[component]
pub fn ReviewStep(template: &'static Template) -> impl IntoView {
    let (session, navigator) = (expect_context::<Session>(), expect_context::<Navigator>());
    let derived = expect_context::<Derived>();
    let sections = Memo::new(move |_| derived.report.with(|r| session.with_ctx(|c| review(c, r))).unwrap_or_default());
    view! {
        <ExportPanel />
        {template.documents.iter().map(|document| view! { <super::vorlage::BoundSection template document /> }).collect_view()}
        <super::process::ChecklistHints />
        <h3 class="kern-heading-small">"Ihre Angaben"</h3>
        {move || {
            sections
                .get()
                .into_iter()
                .map(|s| {
                    view! {
                        <section class="pruefen__abschnitt" aria-labelledby=format!("pruefen-{}", s.step)>
                            <h4 class="kern-heading-x-small" id=format!("pruefen-{}", s.step)>{format!("{}. {}", s.step + 1, s.title)}</h4>
                            <dl class="kern-description-list">
                                {s
                                    .rows
                                    .into_iter()
                                    .map(|row| {
                                        let target = Target { step: row.step, path: row.path.clone() };
                                        let empty = row.value.is_empty();
                                        view! {
                                            <div class="kern-description-list-item" class:pruefen--problem=row.issue.is_some()>
                                                <dt class="kern-description-list-item__key">{row.label.clone()}</dt>
                                                <dd class="kern-description-list-item__value">
                                                    <span class:pruefen__leer=empty>{if empty { "nicht angegeben".to_string() } else { row.value.clone() }}</span>
                                                    {row.issue.clone().map(|m| view! { <span class="kern-error pruefen__fehler">{m}</span> })}
                                                    <a
                                                        class="kern-link pruefen__aendern"
                                                        href=format!("#{}", row.path.anchor())
                                                        on:click=move |ev| {
                                                            ev.prevent_default();
                                                            navigator.go_to_field(target.step, target.path.anchor());
                                                        }
                                                    >
                                                        "Ändern"
                                                        <span class="kern-sr-only">{format!(": {}", row.label)}</span>
                                                    </a>
                                                </dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

/// The file of the open draft in `format`, rendered in the export worker: bytes, file name,
/// header text, whether it is a draft, and how long it took including the worker round trip (ms).
async fn render_file(derived: Derived, format: Format, record: Option<String>) -> Result<(Vec<u8>, String, String, bool, f64), String> {
    let t0 = platform::perf_now();
    // The file records when it was exported (created and modified).
    let timestamp = platform::utc_timestamp();
    let request = derived.doc.with_untracked(|d| {
        d.as_ref().map(|d| {
            (
                ExportRequest { format, timestamp, document: d.clone(), draft: record },
                format.file_name(&d.meta.file_name),
                d.meta.header.clone(),
                d.draft,
            )
        })
    });
    let Some((request, name, header, draft)) = request else { return Err("Kein Entwurf geöffnet.".into()) };
    match crate::export::render(&request).await {
        Ok(bytes) => Ok((bytes, name, header, draft, platform::perf_now() - t0)),
        Err(e) if e == crate::export::LOAD_FAILED => Err(e),
        Err(e) => Err(format!("Die {} konnte nicht erstellt werden ({e}).", format.label())),
    }
}

/// Creates the file from the same document model as the preview.
/// `record` is the draft the file carries, so it opens in the app again.
pub async fn export_file(derived: Derived, format: Format, record: Option<String>) -> Result<String, String> {
    let (bytes, name, _, _, ms) = render_file(derived, format, record).await?;
    platform::download(&bytes, &name, format.mime()).map_err(|e| format!("Der Download wurde vom Browser verhindert ({e})."))?;
    platform::record_metric("data-export-ms", ms);
    platform::record_metric("data-export-bytes", bytes.len() as f64);
    Ok(format!("„{name}“ wurde erstellt ({}, in {} ms).", human_size(bytes.len()), ms.round()))
}

/// Shares the file by e-mail (share sheet where files can be shared, else download plus a
/// prepared e-mail).
async fn share_file(derived: Derived, format: Format, record: Option<String>) -> Result<String, String> {
    let (bytes, name, header, draft, _) = render_file(derived, format, record).await?;
    let what = if draft { format!("den Entwurf der {header}") } else { format!("die {header}") };
    let share_text = format!("Guten Tag,\n\nanbei erhalten Sie {what}.\n\nMit freundlichen Grüßen\n");
    let mail_body = format!(
        "Guten Tag,\n\nanbei erhalten Sie {what}.\n\n[Bitte fügen Sie die soeben heruntergeladene Datei „{name}“ als Anhang hinzu.]\n\nMit freundlichen Grüßen\n"
    );
    match crate::pwa::share_file(&bytes, &name, format.mime(), &header, &share_text, &mail_body).await? {
        crate::pwa::Shared::Shared => Ok(format!("„{name}“ wurde zum Teilen übergeben.")),
        crate::pwa::Shared::Cancelled => Ok("Teilen abgebrochen.".to_string()),
        crate::pwa::Shared::MailFallback => {
            Ok(format!("„{name}“ wurde heruntergeladen und eine E-Mail vorbereitet. Bitte hängen Sie die Datei dort an."))
        }
    }
}

#[component]
fn ExportPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let derived = expect_context::<Derived>();
    let result: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let errors = Memo::new(move |_| derived.report.with(|r| r.error_count()));
    // The export module loads while the user reviews the answers.
    crate::export::prefetch();
    let export = move |format: Format| {
        move |_| {
            let record = session.draft_record();
            leptos::task::spawn_local(async move {
                result.set(Some(export_file(derived, format, record).await));
            });
        }
    };
    // The format "Per E-Mail teilen" sends (Word unless the user chooses ODT).
    let share_format = RwSignal::new(Format::Docx);
    let share = move |_| {
        let record = session.draft_record();
        leptos::task::spawn_local(async move {
            result.set(Some(share_file(derived, share_format.get_untracked(), record).await));
        });
    };
    view! {
        <section class="export" aria-labelledby="export-titel">
            <h3 class="kern-heading-small" id="export-titel">"Exportieren"</h3>
            {move || match errors.get() {
                0 => view! {
                    <div class="kern-alert kern-alert--success">
                        <div class="kern-alert__header">
                            <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                            <span class="kern-title">"Die Vereinbarung ist vollständig."</span>
                        </div>
                        <div class="kern-alert__body"><p class="kern-body">"Die Word- oder ODT-Datei kann an die Vertragspartner geschickt werden, die PDF-Datei ist die Fassung zum Unterschreiben und Ablegen."</p></div>
                    </div>
                }
                .into_any(),
                n => view! {
                    <div class="kern-alert kern-alert--warning">
                        <div class="kern-alert__header">
                            <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                            <span class="kern-title">
                                {if n == 1 { "Es fehlt noch 1 Angabe.".to_string() } else { format!("Es fehlen noch {n} Angaben.") }}
                            </span>
                        </div>
                        <div class="kern-alert__body">
                            <p class="kern-body">"Sie können trotzdem exportieren: Das Dokument wird als ENTWURF gekennzeichnet, die Lücken sind gelb markiert."</p>
                        </div>
                    </div>
                }
                .into_any(),
            }}
            <div class="kern-form-check">
                <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id="anlage-prozess"
                    prop:checked=move || session.with_draft(|d| d.is_some_and(|d| d.process.anlage_im_export))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        session.edit(|d| d.process.anlage_im_export = on);
                    }
                />
                <label class="kern-label" for="anlage-prozess">"Prozessübersicht als Anlage anfügen (Phasen, Stand, Termine)"</label>
            </div>
            <div class="export__knoepfe">
                <button type="button" class="kern-btn kern-btn--primary" data-testid="export-docx" on:click=export(Format::Docx)>
                    <span class="kern-label">"Word-Datei herunterladen (.docx)"</span>
                </button>
                <button type="button" class="kern-btn kern-btn--secondary" data-testid="export-odt" on:click=export(Format::Odt)>
                    <span class="kern-label">"OpenDocument-Text (.odt)"</span>
                </button>
                <button type="button" class="kern-btn kern-btn--secondary" data-testid="export-pdf" on:click=export(Format::Pdf)>
                    <span class="kern-label">"PDF herunterladen (zum Unterschreiben)"</span>
                </button>
                <button type="button" class="kern-btn kern-btn--secondary" on:click=|_| crate::pwa::print()>
                    <span class="kern-label">"Vorschau drucken"</span>
                </button>
            </div>
            <fieldset class="kern-fieldset export__teilen">
                <legend class="kern-label">"Per E-Mail teilen als"</legend>
                <div class="kern-fieldset__body kern-fieldset--horizontal">
                    {[
                        (Format::Docx, "Word-Datei (.docx)", "teilen-docx"),
                        (Format::Odt, "OpenDocument-Text (.odt)", "teilen-odt"),
                        (Format::Pdf, "PDF (.pdf)", "teilen-pdf"),
                    ]
                        .into_iter()
                        .map(|(format, label, id)| {
                            view! {
                                <div class="kern-form-check">
                                    <input
                                        class="kern-form-check__radio"
                                        type="radio"
                                        name="teilen-format"
                                        id=id
                                        prop:checked=move || share_format.get() == format
                                        on:change=move |_| share_format.set(format)
                                    />
                                    <label class="kern-label" for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <button type="button" class="kern-btn kern-btn--secondary" data-testid="teilen" on:click=share>
                    <span class="kern-label">"Per E-Mail teilen"</span>
                </button>
            </fieldset>
            <div role="status" class="export__ergebnis">
                {move || result.get().map(|r| match r {
                    Ok(m) => view! { <p class="kern-body">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="kern-error">{m}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
