//! "Datenschutz" and "Erklärung zur Barrierefreiheit", as public bodies must publish them.
//! The operator's details come from `templates/site/betrieb.toml`.

use super::StartLink;
use crate::state::InfoPage;
use koop_core::template::Site;
use leptos::prelude::*;

#[component]
pub fn InfoPageView(page: InfoPage) -> impl IntoView {
    let site = Site::builtin().ok();
    let back = view! {
        <p>
            <StartLink class="kern-link">"Zurück zur Startseite"</StartLink>
        </p>
    };
    let body = match (page, site) {
        (InfoPage::Datenschutz, site) => view! { <Datenschutz site /> }.into_any(),
        (InfoPage::Barrierefreiheit, site) => view! { <Barrierefreiheit site /> }.into_any(),
    };
    view! { <article class="seite">{body}{back}</article> }
}

#[component]
fn Datenschutz(site: Option<Site>) -> impl IntoView {
    let betreiber = site.as_ref().map(|s| s.betreiber.clone()).unwrap_or_default();
    view! {
        <h1 class="kern-heading-large" id="seitentitel" tabindex="-1">"Datenschutz"</h1>
        <p class="kern-body kern-body--large">"Kurz gesagt: Ihre Eingaben bleiben in diesem Browser. Der Koop-Assistent überträgt nichts an einen Server."</p>
        <h2 class="kern-heading-medium">"Was gespeichert wird – und wo"</h2>
        <p class="kern-body">
            "Alles, was Sie eingeben, speichert der Koop-Assistent im lokalen Speicher dieses Browsers (localStorage) auf Ihrem Gerät, damit Sie später weiterarbeiten können. "
            "Die Daten werden nicht an den Betreiber oder an Dritte übermittelt. Die App lädt keine Schriften, Skripte oder Bilder von fremden Servern, setzt keine Cookies und verwendet keine Analyse- oder Statistikdienste."
        </p>
        <p class="kern-body">
            "Damit der Assistent auch ohne Internetverbindung funktioniert, legt der Browser die Dateien der App (nicht Ihre Eingaben) in seinem Zwischenspeicher ab (Service Worker)."
        </p>
        <h2 class="kern-heading-medium">"Exportierte Dateien"</h2>
        <p class="kern-body">
            "Word-, ODT- und PDF-Dateien und Sicherungsdateien entstehen auf Ihrem Gerät und landen im Download-Ordner. Wenn Sie eine Datei per E-Mail verschicken, geschieht das mit Ihrem E-Mail-Programm und unter Ihrer Verantwortung."
        </p>
        <h2 class="kern-heading-medium">"Wie Sie die Daten löschen"</h2>
        <p class="kern-body">
            "Einzelne Entwürfe löschen Sie in der Übersicht „Meine Entwürfe“. Dort löscht „Alle Daten auf diesem Gerät löschen“ alle Entwürfe auf einmal. "
            "Außerdem entfernt das Löschen der Website-Daten in den Einstellungen Ihres Browsers alles, was der Koop-Assistent gespeichert hat."
        </p>
        <h2 class="kern-heading-medium">"Beim Aufruf der Seite"</h2>
        <p class="kern-body">
            "Der Webserver, der die App ausliefert, kann technisch bedingt Zugriffsdaten (zum Beispiel IP-Adresse und Zeitpunkt des Abrufs) protokollieren. Dafür ist der Betreiber verantwortlich: "
            {betreiber}
            "."
        </p>
    }
}

#[component]
fn Barrierefreiheit(site: Option<Site>) -> impl IntoView {
    let (email, hint, stand, stelle) = match &site {
        Some(s) => (s.kontakt_email.clone(), s.kontakt_hinweis.clone(), s.erklaerung_stand.clone(), s.durchsetzungsstelle.clone()),
        None => (String::new(), None, String::new(), String::new()),
    };
    let mail = format!("mailto:{email}?subject={}", js_sys::encode_uri_component("Barrierefreiheit Koop-Assistent"));
    view! {
        <h1 class="kern-heading-large" id="seitentitel" tabindex="-1">"Erklärung zur Barrierefreiheit"</h1>
        <p class="kern-body">
            "Der Betreiber ist bemüht, den Koop-Assistenten im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den Anforderungen der WCAG 2.1 auf den Stufen A und AA barrierefrei zugänglich zu machen. "
            "Diese Erklärung gilt für die Web-Anwendung „Koop-Assistent“ und die von ihr erzeugten Word-, ODT- und PDF-Dateien. Die PDF-Datei ist mit Tags versehen und entspricht PDF/UA-1 und PDF/A-3a (geprüft mit page-validation, pdfua und outloud)."
        </p>
        <h2 class="kern-heading-medium">"Stand der Vereinbarkeit"</h2>
        <p class="kern-body">
            "Die Anwendung ist mit den Anforderungen weitgehend vereinbar. Jede Änderung wird automatisch mit axe-core gegen WCAG 2.1 A/AA auf jedem Schritt geprüft, mit und ohne angezeigte Fehlermeldungen; alle Funktionen sind mit der Tastatur bedienbar."
        </p>
        <h2 class="kern-heading-medium">"Nicht barrierefreie Inhalte"</h2>
        <ul class="kern-body">
            <li>"Eine Prüfung durch Menschen mit Behinderungen und mit mehreren Screenreadern steht noch aus; automatische Tests finden nicht alle Barrieren."</li>
            <li>"In den Word-, ODT- und PDF-Dateien sind die Unterschriftszeilen als Linien aus Unterstrichen gesetzt; Screenreader lesen sie als „Unterstrich“."</li>
            <li>"Zeichen, die die Schrift der PDF-Datei nicht enthält (etwa Emoji oder Schriften von rechts nach links), erscheinen dort als Kästchen; vorgelesen und kopiert wird der richtige Text."</li>
        </ul>
        <h2 class="kern-heading-medium">"Erstellung dieser Erklärung"</h2>
        <p class="kern-body">{format!("Diese Erklärung wurde am {stand} erstellt. Grundlage ist eine Selbstbewertung mit automatischen Tests (axe-core, Playwright) und Tastaturtests.")}</p>
        <h2 class="kern-heading-medium">"Feedback und Kontakt"</h2>
        <p class="kern-body">
            "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns: "
            <a class="kern-link" href=mail>{email.clone()}</a>
            "."
        </p>
        {hint.map(|h| view! { <p class="kern-body kern-body--muted">{h}</p> })}
        <h2 class="kern-heading-medium">"Durchsetzungsverfahren"</h2>
        <p class="kern-body">
            {format!("Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die zuständige Durchsetzungs- oder Schlichtungsstelle wenden: {stelle}.")}
        </p>
    }
}
