/**
 * The search evaluation's steps, shared by `npm run search:eval` and tests/api/search-relevance.test.ts: the two
 * national lists loaded as published procedures, the corpus read back as the search index sees it, and the judged
 * queries (tests/search/relevance.json) run through the product's route, the strict search it had before issue 16
 * and MiniSearch with its default settings, scored by src/domain/search-eval.ts.
 */
const fs = require('fs');
const path = require('path');
const MiniSearch = require('minisearch');
const request = require('supertest');
const { evaluate, strictSearch } = require('#domain/search-eval');

const root = path.resolve(__dirname, '..', '..');
const UID = 'api::procedure.procedure';
const LISTS = ['danh-sach-tthc-bo-tu-phap.xlsx', 'danh-sach-tthc-bo-xay-dung.xlsx'].map((file) =>
  path.join(root, 'tests', 'fixtures', 'national-portal', file)
);
const QUERIES = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'search', 'relevance.json'), 'utf8'));
const K = 10;
/** What the product's search must reach, and beat MiniSearch on both. */
const TARGETS = { recall: 0.95, mrr: 0.8 };
/** A list gives no subjects, which publishing needs (procedure-import.ts `unpublishable`): this one fits them all. */
const SUBJECTS = 'Công dân, tổ chức';

/**
 * Imports both lists through the product's import (preview, then apply with publish), then publishes the new
 * procedures it kept as drafts once the subjects are filled in, through the Document Service, so that the search
 * index is filled as an editor's publishing fills it. Returns how many procedures were published that way.
 */
async function loadNationalLists(strapi) {
  const imports = strapi.plugin('procedure-import').service('imports');
  const { maxBytes, maxRows } = strapi.config.get('plugin::procedure-import');
  const choices = { levels: [], fields: [], agency: '', codes: [], publish: true, modes: {} };
  for (const file of LISTS) {
    const meta = { fileName: path.basename(file), userName: 'search evaluation' };
    const previewed = await imports.preview(fs.readFileSync(file), meta, { maxBytes, maxRows });
    if (!previewed.ok) throw new Error(`${meta.fileName}: ${previewed.message.en}`);
    const applied = await imports.apply(previewed.import.id, choices, meta.userName, { wait: true });
    if (applied.state !== 'applied') throw new Error(`${meta.fileName}: ${applied.error}`);
  }
  const rows = (where) =>
    strapi.db.query(UID).findMany({ where: { locale: 'vi', ...where }, select: ['documentId', 'subjects'] });
  const published = new Set((await rows({ publishedAt: { $notNull: true } })).map((row) => row.documentId));
  const drafts = (await rows({ publishedAt: null })).filter((row) => !published.has(row.documentId));
  const documents = strapi.documents(UID);
  for (const { documentId, subjects } of drafts) {
    // One write: the draft completed and published (`status`), which also reindexes it (content-events.ts).
    const data = subjects?.trim() ? {} : { subjects: SUBJECTS };
    await documents.update({ documentId, locale: 'vi', data, status: 'published' });
  }
  return drafts.length;
}

/** The published Vietnamese procedures (every version) as the index reads them: name, keywords, field name. */
async function corpusDocuments(strapi) {
  const found = await strapi.db.query(UID).findMany({
    where: { locale: 'vi', publishedAt: { $notNull: true } },
    select: ['nationalCode', 'name', 'keywords'],
    populate: { field: { select: ['name'] } },
    orderBy: { id: 'asc' },
  });
  return found.map(({ nationalCode, name, keywords, field }) => ({
    nationalCode,
    name,
    keywords: keywords ?? '',
    field: field?.name ?? '',
  }));
}

/** MiniSearch with its defaults over the same documents, asked the raw query. */
function miniSearch(documents) {
  const index = new MiniSearch({
    fields: ['name', 'keywords', 'field', 'nationalCode'],
    storeFields: ['nationalCode'],
  });
  index.addAll(documents.map((document, id) => ({ id, ...document })));
  return (q) => index.search(q).map((hit) => hit.nationalCode);
}

/** The product's ranking: the public route's first page of K, as a citizen's browser asks it. */
const productSearch = (httpServer) => async (q) => {
  const res = await request(httpServer).get('/api/procedures/search').query({ q, pageSize: K });
  if (res.status !== 200) throw new Error(`GET /api/procedures/search?q=${q}: ${res.status}`);
  return res.body.data.map((procedure) => procedure.nationalCode);
};

/** Every judged query through the three searches: { baseline, product, minisearch }, each an Evaluation. */
async function evaluateSearches(strapi, httpServer) {
  const documents = await corpusDocuments(strapi);
  const baseline = strictSearch(documents);
  const peer = miniSearch(documents);
  const product = productSearch(httpServer);
  const productRanked = [];
  for (const { q } of QUERIES) productRanked.push(await product(q));
  return {
    documents: documents.length,
    baseline: evaluate(
      K,
      QUERIES,
      QUERIES.map(({ q }) => baseline(q))
    ),
    product: evaluate(K, QUERIES, productRanked),
    minisearch: evaluate(
      K,
      QUERIES,
      QUERIES.map(({ q }) => peer(q))
    ),
  };
}

/** What keeps the product's search from passing; empty when it passes. */
function shortfalls({ product, minisearch }) {
  const fixed = (n) => n.toFixed(3);
  return [
    product.recall < TARGETS.recall && `recall@${K} ${fixed(product.recall)} < ${TARGETS.recall}`,
    product.mrr < TARGETS.mrr && `MRR@${K} ${fixed(product.mrr)} < ${TARGETS.mrr}`,
    product.recall <= minisearch.recall &&
      `recall@${K} ${fixed(product.recall)} does not beat MiniSearch's ${fixed(minisearch.recall)}`,
    product.mrr <= minisearch.mrr &&
      `MRR@${K} ${fixed(product.mrr)} does not beat MiniSearch's ${fixed(minisearch.mrr)}`,
  ].filter(Boolean);
}

/** The table of the three searches and the queries the product misses (recall < 1), as lines of text. */
function report(results) {
  const fixed = (n) => n.toFixed(3);
  const row = (name, evaluation) =>
    `${name.padEnd(12)} ${fixed(evaluation.recall).padStart(10)} ${fixed(evaluation.mrr).padStart(8)}`;
  const lines = [
    `${QUERIES.length} queries over ${results.documents} published procedures (every version), k = ${K}`,
    `${'search'.padEnd(12)} ${`recall@${K}`.padStart(10)} ${`MRR@${K}`.padStart(8)}`,
    row('baseline', results.baseline),
    row('product', results.product),
    row('minisearch', results.minisearch),
    `target       ${`>= ${TARGETS.recall}`.padStart(10)} ${`>= ${TARGETS.mrr}`.padStart(8)}, and above MiniSearch on both`,
  ];
  const misses = results.product.queries.filter((outcome) => outcome.recall < 1);
  lines.push('', `The product misses ${misses.length} of ${QUERIES.length} queries (recall@${K} < 1):`);
  for (const { q, relevant, ranked, recall, reciprocalRank } of misses) {
    lines.push(
      `- ${JSON.stringify(q)}: recall ${fixed(recall)}, RR ${fixed(reciprocalRank)}`,
      `    wanted   ${relevant.join(' ')}`,
      `    returned ${ranked.length ? ranked.join(' ') : '(nothing)'}`
    );
  }
  return lines;
}

module.exports = { K, TARGETS, QUERIES, loadNationalLists, evaluateSearches, shortfalls, report };
