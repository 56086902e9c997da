import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError, query } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatNumber, type MessageKey } from '../core/i18n';
import './procedure';
import type { ProcedureRecord } from './procedure';

interface Result {
  documentId: string;
  nationalCode: string | null;
  name: string;
  implementingAgency: string | null;
  onlineLevel: string | null;
  field: { name: string; code: string } | null;
  snippet: { text: string; highlights: [number, number][] } | null;
}

interface Meta {
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
  search?: { partial: boolean; suggestion: string | null };
}

interface Field {
  name: string;
  code: string;
}

/** `tthc-procedure-open`'s detail. */
export interface ProcedureOpen {
  documentId: string;
  nationalCode: string | null;
}

const LEVELS = ['ministry', 'province', 'commune', 'district'];
const ONLINE_LEVELS = ['fully_online', 'partly_online', 'not_online'];
const DEBOUNCE_MS = 300;

/**
 * The text with its `[start, end)` UTF-16 ranges in <mark>, built from slices of the text (never HTML). Ranges that
 * overlap or are apart by white space only become one mark, so that a matched phrase reads as one.
 */
export function marked(text: string, highlights: [number, number][]): (string | TemplateResult)[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as [number, number])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && (start <= last[1] || !text.slice(last[1], start).trim())) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/**
 * `<tthc-procedure-search>`: a citizen searches the department's administrative procedures in force, as they type,
 * by words or national code, filtered by field, level and online level. A result is a link to `detail-url` (with
 * `{code}` and `{documentId}` filled), or else opens the full record (`<tthc-procedure>`) in place. Fires
 * `tthc-procedure-open` (bubbles, composed, cancelable) when a result is opened; cancel it to handle it yourself.
 */
export class ProcedureSearch extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    q: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    detailUrl: { type: String, attribute: 'detail-url' },
    query: { state: true },
    field: { state: true },
    level: { state: true },
    onlineLevel: { state: true },
    fields: { state: true },
    state: { state: true },
    busy: { state: true },
    results: { state: true },
    meta: { state: true },
    error: { state: true },
    errorDetails: { state: true },
    opened: { state: true },
  };

  static styles = [
    ...TthcElement.styles,
    css`
      .filters {
        border: 0;
        padding: 0;
        margin: 0 0 1em;
        min-width: 0;
      }
      .filters legend {
        padding: 0;
        margin-bottom: 0.5em;
      }
      .filters .grow label {
        font-weight: 400;
      }
      .list {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .list > li {
        padding: 0.75em 0;
        border-top: 1px solid var(--_border);
      }
      .list h4 {
        margin: 0 0 0.25em;
        font-size: 1.0625em;
        line-height: 1.4;
      }
      button.link {
        display: inline;
        min-height: 0;
        padding: 0;
        border: 0;
        border-radius: 0;
        background: none;
        color: var(--_primary);
        font: inherit;
        font-weight: 600;
        text-align: start;
        text-decoration: underline;
        text-underline-offset: 0.15em;
      }
      .list a {
        font-weight: 600;
      }
      mark {
        background: var(--tthc-color-highlight, #fff0a8);
        color: inherit;
        padding: 0 0.05em;
      }
      .facts {
        margin: 0;
        font-size: 0.9375em;
      }
      .facts > div {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.4em;
      }
      .facts dt {
        color: var(--_muted);
      }
      .facts dt::after {
        content: ':';
      }
      .facts dd {
        margin: 0;
      }
      .count {
        font-weight: 600;
      }
      .back {
        margin-bottom: 1em;
      }
      @media print {
        form,
        .busy,
        .pager {
          display: none !important;
        }
      }
    `,
  ];

  declare q: string;
  declare pageSize: number;
  declare detailUrl: string | null;
  declare query: string;
  declare field: string;
  declare level: string;
  declare onlineLevel: string;
  declare fields: Field[];
  declare state: 'empty' | 'results' | 'no-results' | 'failed';
  declare busy: boolean;
  declare results: Result[];
  declare meta: Meta | null;
  declare error: string;
  declare errorDetails: string[];
  declare opened: ProcedureOpen | null;
  /** Bumped by every search: an answer to an older one is dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The record just opened takes focus once it has loaded (not when it reloads in another language). */
  private focusRecord = false;

  constructor() {
    super();
    this.q = '';
    this.pageSize = 10;
    this.detailUrl = null;
    this.query = '';
    this.field = '';
    this.level = '';
    this.onlineLevel = '';
    this.fields = [];
    this.state = 'empty';
    this.busy = false;
    this.results = [];
    this.meta = null;
    this.error = '';
    this.errorDetails = [];
    this.opened = null;
  }

  firstUpdated() {
    void this.loadFields();
    if (this.q) {
      this.query = this.q;
      void this.search(1);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected languageChanged() {
    void this.loadFields();
    if (this.state !== 'empty') void this.search(this.meta?.pagination.page ?? 1);
  }

  private get size(): number {
    const size = Math.floor(Number(this.pageSize));
    return size >= 1 ? Math.min(size, 100) : 10;
  }

  private get filtered(): boolean {
    return Boolean(this.field || this.level || this.onlineLevel);
  }

  /** The fields (lĩnh vực) for the filter; without them the filter offers "all fields" only. */
  private async loadFields() {
    try {
      const body = await this.load<{ data: Field[] }>(
        'fields',
        `/api/procedure-fields${query({
          locale: this.language,
          sort: 'sortOrder',
          'fields[0]': 'name',
          'fields[1]': 'code',
          'pagination[pageSize]': 100,
        })}`
      );
      if (body) this.fields = body.data;
    } catch {
      this.fields = [];
    }
  }

  private async search(page: number, focus?: string) {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const q = this.query.trim();
    if (!q && !this.filtered) {
      this.state = 'empty';
      this.busy = false;
      this.results = [];
      this.meta = null;
      this.announcement = '';
      return;
    }
    this.busy = true;
    try {
      const body = await this.load<{ data: Result[]; meta: Meta }>(
        'search',
        `/api/procedures/search${query({
          q: q.slice(0, 200),
          field: this.field,
          level: this.level,
          onlineLevel: this.onlineLevel,
          // A citizen looks for what applies today; older versions are reached through the record.
          status: 'in_force',
          page,
          pageSize: this.size,
          locale: this.language,
        })}`
      );
      if (!body || generation !== this.generation) return;
      this.results = body.data;
      this.meta = body.meta;
      this.state = body.data.length ? 'results' : 'no-results';
      const total = body.meta.pagination.total;
      this.announcement = !body.data.length
        ? this.t('procedureSearch.none')
        : body.meta.search?.partial
          ? `${this.countText(total)}. ${this.t('procedureSearch.partial')}`
          : this.countText(total);
    } catch (error) {
      if (generation !== this.generation) return;
      this.state = 'failed';
      this.error = this.problem(error);
      this.errorDetails =
        error instanceof ApiError ? error.errors.map((item) => this.fieldMessage(item)) : [];
      this.announcement = this.error;
    }
    this.busy = false;
    if (focus) await this.focusOn(focus);
  }

  private countText(total: number): string {
    return this.t(total === 1 ? 'procedureSearch.countOne' : 'procedureSearch.count', {
      count: formatNumber(this.language, total),
    });
  }

  private typed(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.opened = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(1), DEBOUNCE_MS);
  }

  private submit(event: Event) {
    event.preventDefault();
    this.opened = null;
    void this.search(1);
  }

  private filter(event: Event) {
    const select = event.target as HTMLSelectElement;
    if (select.name === 'field') this.field = select.value;
    else if (select.name === 'level') this.level = select.value;
    else this.onlineLevel = select.value;
    this.opened = null;
    void this.search(1);
  }

  private clearFilters() {
    this.field = '';
    this.level = '';
    this.onlineLevel = '';
    void this.search(1, '#results-title');
  }

  private suggest(suggestion: string) {
    this.query = suggestion;
    void this.search(1, '#results-title');
  }

  private href(result: Result): string {
    return (this.detailUrl ?? '')
      .replace(/\{code\}/g, encodeURIComponent(result.nationalCode ?? ''))
      .replace(/\{documentId\}/g, encodeURIComponent(result.documentId));
  }

  private open(event: Event, result: Result, inPlace: boolean) {
    const detail: ProcedureOpen = { documentId: result.documentId, nationalCode: result.nationalCode };
    const proceed = this.dispatchEvent(
      new CustomEvent('tthc-procedure-open', { bubbles: true, composed: true, cancelable: true, detail })
    );
    if (!proceed) {
      event.preventDefault();
      return;
    }
    if (inPlace) {
      this.focusRecord = true;
      this.opened = detail;
    }
  }

  private recordLoaded(event: Event) {
    if (!this.focusRecord) return;
    this.focusRecord = false;
    void (event.currentTarget as ProcedureRecord).focusHeading();
  }

  private async back() {
    const opened = this.opened;
    this.opened = null;
    this.focusRecord = false;
    if (opened) await this.focusOn(`[data-document-id="${CSS.escape(opened.documentId)}"]`);
  }

  private label(group: 'level' | 'online', value: string): string {
    const key = `procedure.${group}.${value}` as MessageKey;
    const text = this.t(key);
    return text === key ? value : text;
  }

  render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t('procedureSearch.title')}</h2>
      ${this.form()} ${this.liveRegion()}
      ${this.opened
        ? html`<button type="button" class="secondary back" @click=${this.back}>
              <span aria-hidden="true">←</span> ${this.t('procedureSearch.back')}
            </button>
            <tthc-procedure
              lang=${this.language}
              .api=${this.api}
              document-id=${this.opened.documentId}
              @tthc-procedure-loaded=${this.recordLoaded}
            ></tthc-procedure>`
        : this.outcome()}
    </section>`;
  }

  private form() {
    return html`<form role="search" aria-labelledby="title" @submit=${this.submit} novalidate>
      <div class="field">
        <label for="q">${this.t('procedureSearch.label')}</label>
        <span class="hint" id="q-hint">${this.t('procedureSearch.hint')}</span>
        <div class="row">
          <input
            class="grow"
            id="q"
            name="q"
            type="search"
            maxlength="200"
            autocomplete="off"
            spellcheck="false"
            .value=${this.query}
            aria-describedby="q-hint"
            @input=${this.typed}
          />
          <button type="submit">${this.t('procedureSearch.submit')}</button>
        </div>
      </div>
      <fieldset class="filters">
        <legend>${this.t('procedureSearch.filters')}</legend>
        <div class="row">
          ${this.select(
            'field',
            this.t('procedureSearch.field'),
            this.t('procedureSearch.field.all'),
            this.field,
            this.fields.map((field) => [field.code, field.name])
          )}
          ${this.select(
            'level',
            this.t('procedureSearch.level'),
            this.t('procedureSearch.level.all'),
            this.level,
            LEVELS.map((level) => [level, this.label('level', level)])
          )}
          ${this.select(
            'onlineLevel',
            this.t('procedureSearch.onlineLevel'),
            this.t('procedureSearch.onlineLevel.all'),
            this.onlineLevel,
            ONLINE_LEVELS.map((level) => [level, this.label('online', level)])
          )}
        </div>
      </fieldset>
    </form>`;
  }

  private select(name: string, label: string, all: string, value: string, options: string[][]) {
    return html`<div class="grow">
      <label for=${name}>${label}</label>
      <select id=${name} name=${name} @change=${this.filter}>
        <option value="" ?selected=${!value}>${all}</option>
        ${options.map(
          ([code, text]) => html`<option value=${code} ?selected=${code === value}>${text}</option>`
        )}
      </select>
    </div>`;
  }

  private outcome() {
    const busy = this.busy ? this.spinning(this.t('procedureSearch.searching'), 'busy') : nothing;
    switch (this.state) {
      case 'empty':
        return this.busy ? busy : html`<p class="muted">${this.t('procedureSearch.empty')}</p>`;
      case 'failed':
        return html`${busy}
          <div class="error-summary">
            <h3 id="results-title" class="focus-target">${this.t('procedureSearch.failed')}</h3>
            <p>${this.error}</p>
            ${this.errorDetails.length
              ? html`<ul>
                  ${this.errorDetails.map((message) => html`<li>${message}</li>`)}
                </ul>`
              : nothing}
            <button
              type="button"
              @click=${() => this.search(this.meta?.pagination.page ?? 1, '#results-title')}
            >
              ${this.t('error.retry')}
            </button>
          </div>`;
      case 'no-results':
        return html`${busy}
          <div class="notice">
            <h3 id="results-title" class="focus-target">${this.t('procedureSearch.none')}</h3>
            ${this.suggestion()}
            <p>${this.t('procedureSearch.advice')}</p>
            <ul>
              <li>${this.t('procedureSearch.advice.spelling')}</li>
              <li>${this.t('procedureSearch.advice.fewer')}</li>
              <li>${this.t('procedureSearch.advice.code')}</li>
              ${this.filtered ? html`<li>${this.t('procedureSearch.advice.filters')}</li>` : nothing}
            </ul>
            ${this.filtered
              ? html`<button type="button" class="secondary" @click=${this.clearFilters}>
                  ${this.t('procedureSearch.clearFilters')}
                </button>`
              : nothing}
          </div>`;
      case 'results':
        return html`${busy}${this.list()}`;
    }
  }

  private suggestion() {
    const suggestion = this.meta?.search?.suggestion;
    if (!suggestion) return nothing;
    return html`<p>
      ${this.t('procedureSearch.suggestion')}
      <button type="button" class="link" @click=${() => this.suggest(suggestion)}>${suggestion}</button>?
    </p>`;
  }

  private list() {
    const meta = this.meta;
    if (!meta) return nothing;
    const { page, pageCount, total } = meta.pagination;
    return html`<section aria-labelledby="results-title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 id="results-title" class="focus-target">${this.t('procedureSearch.results')}</h3>
      <p class="count">${this.countText(total)}</p>
      ${meta.search?.partial ? html`<p class="notice">${this.t('procedureSearch.partial')}</p>` : nothing}
      ${this.suggestion()}
      <ol class="list">
        ${this.results.map((result) => this.result(result))}
      </ol>
      ${this.pager(page, pageCount, (next) => void this.search(next, '#results-title'))}
    </section>`;
  }

  private result(result: Result) {
    const text = marked(result.snippet?.text || result.name, result.snippet?.highlights ?? []);
    return html`<li>
      <h4>
        ${this.detailUrl
          ? html`<a
              href=${this.href(result)}
              data-document-id=${result.documentId}
              @click=${(event: Event) => this.open(event, result, false)}
              >${text}</a
            >`
          : html`<button
              type="button"
              class="link"
              data-document-id=${result.documentId}
              @click=${(event: Event) => this.open(event, result, true)}
            >
              ${text}
            </button>`}
      </h4>
      <dl class="facts">
        ${this.fact('procedureSearch.code', result.nationalCode)}
        ${this.fact('procedureSearch.field', result.field?.name)}
        ${this.fact('procedureSearch.agency', result.implementingAgency)}
        ${this.fact(
          'procedureSearch.onlineLevel',
          result.onlineLevel && this.label('online', result.onlineLevel)
        )}
      </dl>
    </li>`;
  }

  private fact(key: MessageKey, value: string | null | undefined) {
    if (!value) return nothing;
    return html`<div>
      <dt>${this.t(key)}</dt>
      <dd>${value}</dd>
    </div>`;
  }
}

define('tthc-procedure-search', ProcedureSearch);
