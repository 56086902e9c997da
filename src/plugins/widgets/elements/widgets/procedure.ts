import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, query } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatDate, formatNumber, type MessageKey } from '../core/i18n';

interface LegalDocument {
  documentId: string;
  symbol: string | null;
  title: string | null;
  issuer: string | null;
  issueDate: string | null;
  url: string | null;
}

interface Channel {
  id: number;
  channel: string;
  processingTime: string | null;
  fee: string | null;
  /** VND; the server sends it as a string (a big integer column). */
  feeAmount: string | number | null;
  description: string | null;
}

interface DossierItem {
  id: number;
  caseGroup: string | null;
  name: string;
  originals: number | null;
  copies: number | null;
  formTemplateName: string | null;
  formTemplate: { url: string; name: string } | null;
}

export interface Procedure {
  documentId: string;
  nationalCode: string | null;
  name: string;
  implementingAgency: string | null;
  competentAgency: string | null;
  receivingAddress: string | null;
  subjects: string | null;
  result: string | null;
  requirements: string | null;
  onlineLevel: string | null;
  legalStatus: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  portalUrl: string | null;
  field: { name: string; code: string } | null;
  levels: { level: string }[];
  steps: { id: number; description: string }[];
  channels: Channel[];
  dossier: DossierItem[];
  legalBases: LegalDocument[];
  announcingDecision: LegalDocument | null;
}

export type ProcedureState = 'idle' | 'loading' | 'found' | 'not-found' | 'failed';

/** `tthc-procedure-loaded`'s detail: how the last load ended. */
export interface ProcedureLoaded {
  state: ProcedureState;
  documentId: string | null;
  nationalCode: string | null;
}

const DOCUMENT_FIELDS = ['symbol', 'title', 'issuer', 'issueDate', 'url'];

/** Everything the record shows, within the allow-list of src/bootstrap/public-queries.ts. */
const POPULATE: Record<string, string> = {
  'populate[field][fields][0]': 'name',
  'populate[field][fields][1]': 'code',
  'populate[levels]': 'true',
  'populate[steps]': 'true',
  'populate[channels]': 'true',
  'populate[dossier][populate][formTemplate][fields][0]': 'url',
  'populate[dossier][populate][formTemplate][fields][1]': 'name',
  ...Object.fromEntries(DOCUMENT_FIELDS.map((name, i) => [`populate[legalBases][fields][${i}]`, name])),
  ...Object.fromEntries(
    DOCUMENT_FIELDS.map((name, i) => [`populate[announcingDecision][fields][${i}]`, name])
  ),
};

/** An http(s) address, resolved against the CMS; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, `${base}/`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// The ordered list numbers the steps already: "Bước 2: …" would read "2. Bước 2: …".
const STEP_PREFIX = /^\s*(bước|step)\s*\d+\s*[:.)–-]\s*/i;

/**
 * `<tthc-procedure code="1.004359">` or `<tthc-procedure document-id="…">`: an administrative procedure's full
 * record, printable. By code it shows the version in force, else the newest one with its legal status. Fires
 * `tthc-procedure-loaded` (bubbles, composed) when a load ends; `focusHeading()` then moves focus to its heading.
 */
export class ProcedureRecord extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    code: { type: String },
    documentId: { type: String, attribute: 'document-id' },
    state: { state: true },
    record: { state: true },
    error: { state: true },
  };

  static styles = [
    ...TthcElement.styles,
    css`
      .record {
        container-type: inline-size;
      }
      .summary > div {
        padding: 0.375em 0;
        border-top: 1px solid var(--_surface);
      }
      .summary dt {
        font-weight: 600;
      }
      .summary dd {
        margin: 0;
      }
      @container (min-width: 36em) {
        .summary > div {
          display: grid;
          grid-template-columns: minmax(10em, 30%) 1fr;
          gap: 1em;
        }
      }
      section {
        margin-top: 1.5em;
      }
      ol,
      ul {
        padding-left: 1.5em;
      }
      li + li {
        margin-top: 0.5em;
      }
      .cards {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
        gap: 0.75em;
      }
      .cards > li {
        margin: 0;
        min-width: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75em 1em;
      }
      .cards h4 {
        margin: 0 0 0.5em;
        font-size: 1em;
      }
      .cards dt {
        font-weight: 600;
      }
      .cards dd {
        margin: 0 0 0.5em;
      }
      h4 {
        margin: 1em 0 0.5em;
      }
      .item p {
        margin: 0;
      }
      .detail {
        color: var(--_muted);
        font-size: 0.9375em;
      }
      @media print {
        :host {
          color: #000 !important;
          background: #fff !important;
        }
        .cards > li,
        .summary > div,
        li {
          break-inside: avoid;
        }
        h2,
        h3,
        h4 {
          break-after: avoid;
        }
        a[href]::after {
          content: ' (' attr(href) ')';
          font-size: 0.875em;
        }
        :focus,
        .focus-target:focus {
          outline: none !important;
          box-shadow: none !important;
        }
      }
    `,
  ];

  declare code: string;
  declare documentId: string;
  declare state: ProcedureState;
  declare record: Procedure | null;
  declare error: string;

  constructor() {
    super();
    this.code = '';
    this.documentId = '';
    this.state = 'idle';
    this.record = null;
    this.error = '';
  }

  protected updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('code') || changed.has('documentId')) void this.reload(false);
  }

  protected languageChanged() {
    void this.reload(false);
  }

  /** Moves focus to the heading of what is shown (the record, or why there is none). */
  focusHeading(): Promise<void> {
    return this.focusOn('.outcome');
  }

  private async reload(moveFocus: boolean) {
    const id = (this.documentId ?? '').trim();
    const code = (this.code ?? '').trim();
    if (!id && !code) {
      this.state = 'idle';
      this.record = null;
      return;
    }
    this.state = 'loading';
    this.announcement = this.t('loading');
    try {
      const record = id ? await this.byDocumentId(id) : await this.byCode(code);
      if (record === undefined) return;
      this.record = record;
      this.state = record ? 'found' : 'not-found';
    } catch (error) {
      this.record = null;
      const missing = error instanceof ApiError && error.status === 404;
      this.state = missing ? 'not-found' : 'failed';
      this.error = missing ? '' : this.problem(error);
    }
    // A record found speaks for itself once focused; only a failure is announced.
    this.announcement =
      this.state === 'found' ? '' : this.state === 'not-found' ? this.notFoundMessage() : this.error;
    const detail: ProcedureLoaded = {
      state: this.state,
      documentId: this.record?.documentId ?? (id || null),
      nationalCode: this.record?.nationalCode ?? (code || null),
    };
    this.dispatchEvent(new CustomEvent('tthc-procedure-loaded', { bubbles: true, composed: true, detail }));
    if (moveFocus) await this.focusHeading();
  }

  /** The record, null when there is none, undefined when a newer load replaced this one. */
  private async byDocumentId(id: string): Promise<Procedure | null | undefined> {
    const body = await this.load<{ data: Procedure | null }>(
      'record',
      `/api/procedures/${encodeURIComponent(id)}${query({ ...POPULATE, locale: this.language })}`
    );
    return body ? body.data : undefined;
  }

  private async byCode(code: string): Promise<Procedure | null | undefined> {
    const params = {
      ...POPULATE,
      'filters[nationalCode][$eq]': code,
      locale: this.language,
      'pagination[pageSize]': 1,
    };
    const inForce = await this.load<{ data: Procedure[] }>(
      'record',
      `/api/procedures${query({ ...params, 'filters[legalStatus][$eq]': 'in_force' })}`
    );
    if (!inForce) return undefined;
    if (inForce.data[0]) return inForce.data[0];
    // None in force: the newest version, whose legal status the record then states.
    const newest = await this.load<{ data: Procedure[] }>(
      'record',
      `/api/procedures${query({ ...params, 'sort[0]': 'effectiveFrom:desc', 'sort[1]': 'updatedAt:desc' })}`
    );
    if (!newest) return undefined;
    return newest.data[0] ?? null;
  }

  private notFoundMessage(): string {
    const code = (this.code ?? '').trim();
    return !(this.documentId ?? '').trim() && code
      ? this.t('procedure.notFound.code', { code })
      : this.t('procedure.notFound.record');
  }

  /** A label for a value of a list (level, channel, …), or the value itself when the catalogue lacks it. */
  private label(group: string, value: string): string {
    const key = `procedure.${group}.${value}` as MessageKey;
    const text = this.t(key);
    return text === key ? value : text;
  }

  render() {
    return html`${this.liveRegion()}${this.body()}`;
  }

  private body() {
    switch (this.state) {
      case 'idle':
        return nothing;
      case 'loading':
        return this.spinning(this.t('loading'), 'outcome');
      case 'not-found':
        return html`<div class="notice">
          <h2 class="outcome focus-target">${this.t('procedure.notFound.title')}</h2>
          <p>${this.notFoundMessage()}</p>
        </div>`;
      case 'failed':
        return html`<div class="error-summary">
          <h2 class="outcome focus-target">${this.t('procedure.failed')}</h2>
          <p>${this.error}</p>
          <button type="button" @click=${() => this.reload(true)}>${this.t('error.retry')}</button>
        </div>`;
      case 'found':
        return this.record ? this.full(this.record) : nothing;
    }
  }

  private full(record: Procedure) {
    const lang = this.language;
    const portal = safeUrl(record.portalUrl, this.base);
    const levels = (record.levels ?? []).map((item) => this.label('level', item.level)).join(', ');
    const retired = record.legalStatus && record.legalStatus !== 'in_force';
    return html`<article class="record" aria-labelledby="name">
      <h2 id="name" class="outcome focus-target">${record.name}</h2>
      <p class="no-print">
        <button type="button" class="secondary" @click=${() => window.print()}>
          ${this.t('procedure.print')}
        </button>
      </p>
      ${portal
        ? html`<p>
            <a href=${portal} target="_blank" rel="noopener noreferrer"
              >${this.t('procedure.portal')}<span class="vh"> ${this.t('procedure.newTab')}</span></a
            >
          </p>`
        : nothing}
      ${retired
        ? html`<p class="notice">
            ${record.effectiveTo
              ? this.t('procedure.retiredSince', {
                  status: this.label('status', record.legalStatus ?? ''),
                  date: formatDate(lang, record.effectiveTo),
                })
              : this.t('procedure.retired', { status: this.label('status', record.legalStatus ?? '') })}
          </p>`
        : nothing}
      <dl class="summary">
        ${this.fact('procedure.code', record.nationalCode)}
        ${this.fact('procedure.field', record.field?.name)} ${this.fact('procedure.levels', levels)}
        ${this.fact('procedure.onlineLevel', record.onlineLevel && this.label('online', record.onlineLevel))}
        ${this.fact('procedure.legalStatus', record.legalStatus && this.label('status', record.legalStatus))}
        ${this.fact('procedure.effectiveFrom', formatDate(lang, record.effectiveFrom))}
        ${this.fact('procedure.effectiveTo', formatDate(lang, record.effectiveTo))}
        ${this.fact('procedure.implementingAgency', record.implementingAgency)}
        ${this.fact('procedure.competentAgency', record.competentAgency)}
      </dl>
      ${this.text('subjects', 'procedure.subjects', record.subjects)} ${this.steps(record)}
      ${this.channels(record)} ${this.text('address', 'procedure.receivingAddress', record.receivingAddress)}
      ${this.dossier(record)} ${this.text('requirements', 'procedure.requirements', record.requirements)}
      ${this.text('result', 'procedure.result', record.result)} ${this.legalBases(record)}
      ${record.announcingDecision
        ? html`<section aria-labelledby="decision">
            <h3 id="decision">${this.t('procedure.announcingDecision')}</h3>
            <p>${this.legalDocument(record.announcingDecision)}</p>
          </section>`
        : nothing}
    </article>`;
  }

  private fact(key: MessageKey, value: string | null | undefined) {
    if (!value) return nothing;
    return html`<div>
      <dt>${this.t(key)}</dt>
      <dd class="pre-line">${value}</dd>
    </div>`;
  }

  private text(id: string, key: MessageKey, value: string | null | undefined) {
    if (!value?.trim()) return nothing;
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${this.t(key)}</h3>
      <p class="pre-line">${value.trim()}</p>
    </section>`;
  }

  private steps(record: Procedure) {
    const steps = (record.steps ?? []).filter((step) => step.description?.trim());
    if (!steps.length) return nothing;
    return html`<section aria-labelledby="steps">
      <h3 id="steps">${this.t('procedure.steps')}</h3>
      <ol>
        ${steps.map(
          (step) => html`<li class="pre-line">${step.description.trim().replace(STEP_PREFIX, '')}</li>`
        )}
      </ol>
    </section>`;
  }

  private channels(record: Procedure) {
    const channels = record.channels ?? [];
    if (!channels.length) return nothing;
    const lang = this.language;
    return html`<section aria-labelledby="channels">
      <h3 id="channels">${this.t('procedure.channels')}</h3>
      <ul class="cards" role="list">
        ${channels.map((channel) => {
          const amount =
            channel.feeAmount === null || channel.feeAmount === '' ? NaN : Number(channel.feeAmount);
          return html`<li>
            <h4>${this.label('channel', channel.channel)}</h4>
            <dl>
              ${this.cardFact('procedure.processingTime', channel.processingTime)}
              ${this.cardFact('procedure.fee', channel.fee)}
              ${this.cardFact(
                'procedure.feeAmount',
                Number.isFinite(amount)
                  ? this.t('procedure.vnd', { amount: formatNumber(lang, amount) })
                  : null
              )}
              ${this.cardFact('procedure.channelNote', channel.description)}
            </dl>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private cardFact(key: MessageKey, value: string | null | undefined) {
    if (!value?.trim()) return nothing;
    return html`<dt>${this.t(key)}</dt>
      <dd class="pre-line">${value.trim()}</dd>`;
  }

  private dossier(record: Procedure) {
    const items = record.dossier ?? [];
    if (!items.length) return nothing;
    // The papers every applicant brings come first, then each case's, in the order the record gives them.
    const groups = new Map<string, DossierItem[]>([['', []]]);
    for (const item of items) {
      const group = item.caseGroup?.trim() ?? '';
      groups.set(group, [...(groups.get(group) ?? []), item]);
    }
    return html`<section aria-labelledby="dossier">
      <h3 id="dossier">${this.t('procedure.dossier')}</h3>
      ${[...groups].map(([group, list]) =>
        list.length
          ? html`${group ? html`<h4 class="pre-line">${group}</h4>` : nothing}
              <ol>
                ${list.map((item) => this.dossierItem(item))}
              </ol>`
          : nothing
      )}
    </section>`;
  }

  private dossierItem(item: DossierItem) {
    const counts =
      item.originals !== null || item.copies !== null
        ? this.t('procedure.dossier.counts', { originals: item.originals ?? 0, copies: item.copies ?? 0 })
        : '';
    const file = safeUrl(item.formTemplate?.url, this.base);
    const formName = item.formTemplateName || item.formTemplate?.name || '';
    return html`<li class="item">
      <p class="pre-line">${item.name}</p>
      ${counts ? html`<p class="detail">${counts}</p>` : nothing}
      ${formName
        ? html`<p class="detail">
            ${this.t('procedure.dossier.form')}:
            ${file ? html`<a href=${file} download>${formName}</a>` : formName}
          </p>`
        : nothing}
    </li>`;
  }

  private legalBases(record: Procedure) {
    const documents = record.legalBases ?? [];
    if (!documents.length) return nothing;
    return html`<section aria-labelledby="bases">
      <h3 id="bases">${this.t('procedure.legalBases')}</h3>
      <ul>
        ${documents.map((doc) => html`<li>${this.legalDocument(doc)}</li>`)}
      </ul>
    </section>`;
  }

  private legalDocument(doc: LegalDocument): TemplateResult {
    const url = safeUrl(doc.url, this.base);
    const title = [doc.symbol, doc.title].filter(Boolean).join(': ');
    const issued = [
      doc.issuer,
      doc.issueDate ? this.t('procedure.issuedOn', { date: formatDate(this.language, doc.issueDate) }) : '',
    ]
      .filter(Boolean)
      .join(', ');
    return html`${url
      ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
          >${title}<span class="vh"> ${this.t('procedure.newTab')}</span></a
        >`
      : title}${issued ? html`<br /><span class="detail">${issued}</span>` : nothing}`;
  }
}

define('tthc-procedure', ProcedureRecord);
