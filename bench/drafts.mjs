// Drafts for the benchmark, written in the stored format (crates/koop-core/src/store.rs, schema 2).
const text = (t) => ({ text: t });
const set = (v) => ({ set: v });
let nextId = 1000;
const list = (entries) => ({ list: entries.map((values) => ({ id: nextId++, values })) });

export function record(draft) {
  return JSON.stringify({ format: 'koop-assistent/entwurf', schema: 2, draft: { template_version: 1, created: Date.now(), updated: Date.now(), next_entry_id: nextId, ...draft } });
}

export function ikpeDraft(id) {
  return record({
    id,
    template: 'ikpe',
    answers: {
      kommune_art: text('landkreis'),
      kommune_name: text('Sömmerda'),
      strasse: text('Bahnhofstraße 9'),
      plz: text('99610'),
      ort: text('Sömmerda'),
      vertreter_anrede: text('herr'),
      vertreter_name: text('Christian Meyer'),
      vertragsnummer: text('PK 7/2026'),
      bereiche: set(['jugendhilfe', 'gesundheit']),
      ap_prozess: list([{ name: 'Anna Schulze', funktion: 'Sozialplanung', email: 'anna.schulze@lra-soemmerda.de', telefon: '03634 354-0' }]),
      ap_strategie: list([{ name: 'Dr. Peter Krause', funktion: 'Dezernat Soziales', email: 'p.krause@lra-soemmerda.de' }]),
    },
  });
}

/** A Sozialraum draft with `g` towns, `t` providers and `a` services; with the providers' entry ids. */
export function sozialraumCase(id, g, t, a) {
  const towns = Array.from({ length: g }, (_, i) => ({ name: `Gemeinde ${i + 1}`, art: i % 3 ? 'gemeinde' : 'stadt', strasse: 'Markt 1', plz: '08451', anrede: i % 2 ? 'frau' : 'herr', vertreter: 'Kim Beispiel' }));
  const providers = Array.from({ length: t }, (_, i) => ({ name: `Jugendhilfe Träger ${i + 1} e.V.`, strasse: 'Lindenstraße 5', plz: '08056', ort: 'Zwickau', anrede: 'frau', funktion: 'Geschäftsführerin', vertreter: 'Alex Muster' }));
  const providerList = list(providers);
  const bereiche = ['p11', 'p13a', 'p14', 'p16', 'p12', 'p13'];
  const services = Array.from({ length: a }, (_, i) => ({ titel: `Angebot ${i + 1}`, bereich: bereiche[i % bereiche.length], traeger: String(providerList.list[i % t].id) }));
  const stored = record({
    id,
    template: 'sozialraum',
    answers: { sozialraum: text('Crimmitschau/Dennheritz'), inkrafttreten: text('01.01.2027'), gemeinden: list(towns), traeger: providerList, angebote: list(services) },
  });
  return { record: stored, providerIds: providerList.list.map((e) => e.id) };
}

export function sozialraumDraft(id, g, t, a) {
  return sozialraumCase(id, g, t, a).record;
}

