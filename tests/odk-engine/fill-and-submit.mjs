// Fills the Tuntas visit form the way ODK Collect would, with ODK's own form engine
// (@getodk/xforms-engine, the engine of ODK Web Forms), and posts the result to the server.
//
//   node fill-and-submit.mjs SERVER_URL NO_KK
//
// SERVER_URL is what Collect is configured with: {base}/odk/{token}. The script reads the form list,
// downloads the form and its manifest's households CSV, chooses the household by No. KK, answers every
// question (indicators, GPS, a photo), checks the engine finds no violation, and posts the payload the
// engine serializes to {SERVER_URL}/submission. It prints one JSON line and exits 0 only when the server
// answered 201 or 202; any other outcome exits 1 with the reason.

import { JSDOM } from 'jsdom';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const fail = (message) => {
  console.error(`odk-engine: ${message}`);
  process.exit(1);
};

const [server, noKk] = process.argv.slice(2);
if (!server || !noKk) {
  fail('usage: node fill-and-submit.mjs SERVER_URL NO_KK');
}

// The engine needs a DOM: jsdom's window, copied onto the global object.
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
for (const name of ['window', 'document', 'DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'Attr', 'Text', 'XPathResult', 'NodeFilter', 'DocumentFragment', 'CharacterData', 'Comment', 'ProcessingInstruction', 'XMLDocument']) {
  if (!(name in globalThis) && dom.window[name] !== undefined) {
    globalThis[name] = name === 'window' ? dom.window : dom.window[name];
  }
}

// Its embedded tree-sitter expects the CommonJS names before it is imported.
globalThis.__dirname = path.dirname(fileURLToPath(import.meta.url));
globalThis.module = { exports: {} };
globalThis.require = createRequire(import.meta.url);

const { createInstance } = await import('@getodk/xforms-engine');

const openRosa = { 'X-OpenRosa-Version': '1.0' };

const get = async (url) => {
  const response = await fetch(url, { headers: openRosa });
  if (response.headers.get('x-openrosa-version') !== '1.0') {
    fail(`${url} answered without X-OpenRosa-Version: 1.0`);
  }
  if (!response.ok) {
    fail(`${url} answered ${response.status}: ${await response.text()}`);
  }
  return response;
};

const xml = (text) => new dom.window.DOMParser().parseFromString(text, 'text/xml');
const first = (doc, name) => doc.getElementsByTagNameNS('*', name)[0]?.textContent ?? null;

// 1. The form list, the form and its manifest.
const list = xml(await (await get(`${server}/formList`)).text());
if (list.documentElement.namespaceURI !== 'http://openrosa.org/xforms/xformsList') {
  fail('the form list is not in the OpenRosa xformsList namespace');
}
const downloadUrl = first(list, 'downloadUrl');
const manifestUrl = first(list, 'manifestUrl');
const formXml = await (await get(downloadUrl)).text();
const manifest = xml(await (await get(manifestUrl)).text());
const media = new Map();
for (const file of manifest.getElementsByTagNameNS('*', 'mediaFile')) {
  media.set(first(file, 'filename'), first(file, 'downloadUrl'));
}

const csv = await (await get(media.get('households.csv'))).text();
if (!csv.split('\n').some((line) => line.startsWith(`${noKk},`))) {
  fail(`the households CSV does not list No. KK ${noKk}`);
}

// 2. The engine loads the form; attachments (jr://file-csv/...) come from the manifest's URLs.
const fetchFormAttachment = async (url) => {
  const name = String(url.href ?? url).split('/').pop();
  const found = media.get(name);
  if (!found) {
    return new Response('', { status: 404 });
  }
  return fetch(found, { headers: openRosa });
};

const form = await createInstance(formXml, { form: { fetchFormAttachment } });
const root = form.root ?? form.instance?.root;
if (!root) {
  fail(`the engine did not create an instance: ${JSON.stringify(Object.keys(form))}`);
}

const today = new Date().toISOString().slice(0, 10);
const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('foto rumah dari mesin ODK')])], 'rumah.jpg', { type: 'image/jpeg' });
const answers = {
  tanggal_kunjungan: today,
  yang_ditemui: 'Kepala keluarga',
  pengeluaran_per_kapita: '215000',
  anggota_ada: '3',
  anggota_pindah: '0',
  anggota_meninggal: '0',
  anggota_lahir: '0',
  lokasi: '0.1345 117.4951 10 6',
  catatan: 'Diisi oleh mesin formulir ODK.',
};
const choices = {
  keluarga: noKk,
  ditemukan: 'ya',
  tanpa_tempat_tinggal: 'tidak',
  kepala_tidak_bekerja: 'ya',
  rawan_pangan: 'ya',
  pangan_lebih_separuh: 'ya',
  tidak_beli_pakaian: 'tidak',
  lantai_tanah: 'ya',
  dinding_tidak_permanen: 'ya',
  tanpa_jamban_sendiri: 'ya',
  listrik_450va_atau_tidak_ada: 'tidak',
  rekomendasi: 'Verified',
};

const nameOf = (node) => node.definition?.nodeName ?? String(node.currentState.reference).split('/').pop();
const filled = [];
const walk = (node) => {
  for (const child of node.currentState.children ?? []) {
    const name = nameOf(child);
    if (child.nodeType === 'select' && name in choices) {
      child.selectValue(choices[name]);
      filled.push(name);
    } else if (child.nodeType === 'input' && name in answers) {
      child.setValue(answers[name]);
      filled.push(name);
    } else if (child.nodeType === 'upload' && name === 'foto_1') {
      child.setValue(photo);
      filled.push(name);
    }
    walk(child);
  }
};
walk(root);

const missing = [...Object.keys(answers), ...Object.keys(choices), 'foto_1'].filter((name) => !filled.includes(name));
if (missing.length > 0) {
  fail(`the form has no question for: ${missing.join(', ')}`);
}

const violations = root.validationState.violations ?? [];
if (violations.length > 0) {
  fail(`the engine finds the form invalid: ${violations.map((v) => `${v.reference}: ${v.violation?.message?.asString ?? v.violation?.condition}`).join('; ')}`);
}

// 3. The payload the engine serializes, posted as Collect posts it.
const payload = await root.prepareInstancePayload();
if (payload.status !== 'ready') {
  fail(`the engine did not prepare the submission: ${payload.status} ${JSON.stringify(payload.violations ?? [])}`);
}

const data = Array.isArray(payload.data) ? payload.data[0] : payload.data;
const instanceFile = data.get('xml_submission_file');
const instanceXml = await instanceFile.text();
const body = new FormData();
for (const [name, value] of data.entries()) {
  body.append(name, value, value instanceof Blob ? (value.name ?? name) : undefined);
}

const response = await fetch(`${server}/submission`, { method: 'POST', headers: openRosa, body });
const answer = await response.text();
if (response.headers.get('x-openrosa-version') !== '1.0') {
  fail('the submission answer has no X-OpenRosa-Version: 1.0');
}
if (response.status !== 201 && response.status !== 202) {
  fail(`the server answered ${response.status}: ${answer}\n--- instance\n${instanceXml}`);
}

const parts = [...data.keys()];
console.log(JSON.stringify({ status: response.status, instanceId: first(xml(instanceXml), 'instanceID'), parts, message: first(xml(answer), 'message') }));
