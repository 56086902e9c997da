import { css, html, nothing, type PropertyValues } from 'lit';
import { query } from '../core/api';
import { define, TthcElement } from '../core/base';
import { FEEDBACK_KINDS } from '../../../../domain/feedback-kinds';
import { formatDate, formatNumber, pick } from '../core/i18n';

interface Answered {
  documentId: string;
  kind: string;
  subject: string;
  content: string;
  answer: string | null;
  procedure: { documentId: string; nationalCode: string; name: string } | null;
  receivedAt: string;
  answeredAt: string | null;
}

interface AnsweredList {
  data: Answered[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const DEFAULT_PAGE_SIZE = 5;
const MAX_PAGE_SIZE = 50;
const DEBOUNCE_MS = 300;
// The server refuses a longer `q`.
const MAX_QUERY = 200;
// Texts longer than this are shown cut, behind "Show more", so that a page of answers stays scannable.
const CLIP_CHARS = 300;
const CLIP_LINES = 5;

/** The beginning of a long text, cut at a word, or null when the text is short enough to show whole. */
function clip(text: string): string | null {
  const lines = text.split('\n');
  let cut = lines.length > CLIP_LINES ? lines.slice(0, CLIP_LINES).join('\n') : text;
  if (cut.length > CLIP_CHARS) {
    cut = cut.slice(0, CLIP_CHARS);
    const space = cut.lastIndexOf(' ');
    if (space > CLIP_CHARS / 2) cut = cut.slice(0, space);
  }
  return cut.length < text.length ? `${cut.trimEnd()}…` : null;
}

/**
 * `<tthc-answered-feedback>`: the answers to citizens' feedback that the department published, searchable and
 * filtered by kind. `procedure` (a procedure's documentId) keeps only the answers about it; `q` presets the search.
 */
export class AnsweredFeedback extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    procedure: { type: String },
    q: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    query: { state: true },
    kind: { state: true },
    state: { state: true },
    items: { state: true },
    page: { state: true },
    pageCount: { state: true },
    total: { state: true },
    failure: { state: true },
    expanded: { state: true },
  };

  static styles = [
    ...TthcElement.styles,
    css`
      .answers {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .answers > li {
        border-top: 1px solid var(--_border);
        padding: 1em 0;
      }
      .meta > div {
        display: flex;
        flex-wrap: wrap;
        column-gap: 0.4em;
      }
      .meta dt {
        font-weight: 600;
      }
      .meta dt::after {
        content: ':';
      }
      .meta dd {
        margin: 0;
        min-width: 0;
      }
      h4 {
        font-size: 1em;
        margin: 0.75em 0 0.25em;
      }
      .answer {
        background: var(--_surface);
        border-left: 5px solid var(--_primary);
        padding: 0.5em 0.75em;
      }
      .answer p,
      .content p {
        margin: 0;
      }
      .toggle {
        margin-top: 0.75em;
      }
    `,
  ];

  declare procedure: string | null;
  declare q: string;
  declare pageSize: number;
  declare query: string;
  declare kind: string;
  declare state: 'loading' | 'results' | 'empty' | 'failed';
  declare items: Answered[];
  declare page: number;
  declare pageCount: number;
  declare total: number;
  declare failure: string;
  declare expanded: ReadonlySet<string>;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.procedure = null;
    this.q = '';
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.query = '';
    this.kind = '';
    this.state = 'loading';
    this.items = [];
    this.page = 1;
    this.pageCount = 0;
    this.total = 0;
    this.failure = '';
    this.expanded = new Set();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('q')) this.query = this.q ?? '';
    if (changed.has('q') || changed.has('procedure') || changed.has('pageSize'))
      void this.fetchPage(1, false);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  private get size(): number {
    const size = Math.floor(Number(this.pageSize));
    return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  private onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.fetchPage(1, false), DEBOUNCE_MS);
  }

  private onKind(event: Event) {
    this.kind = (event.target as HTMLSelectElement).value;
    clearTimeout(this.debounce);
    void this.fetchPage(1, false);
  }

  private onSubmit(event: Event) {
    event.preventDefault();
    clearTimeout(this.debounce);
    void this.fetchPage(1, false);
  }

  /** Loads a page; a newer request cancels this one. `moveFocus` after a page change or a retry. */
  private async fetchPage(page: number, moveFocus: boolean) {
    this.page = page;
    this.state = 'loading';
    const path = `/api/feedbacks/answered${query({
      q: this.query.trim(),
      kind: this.kind,
      procedure: this.procedure,
      page,
      pageSize: this.size,
    })}`;
    try {
      const body = await this.load<AnsweredList>('list', path);
      if (!body) return;
      const { total, pageCount } = body.meta.pagination;
      this.items = body.data;
      this.total = total;
      this.pageCount = pageCount;
      this.expanded = new Set();
      this.state = body.data.length ? 'results' : 'empty';
      this.announcement = this.state === 'results' ? this.heading() : this.t('answered.none');
    } catch (error) {
      this.state = 'failed';
      this.failure = this.problem(error);
      this.announcement = this.failure;
    }
    if (moveFocus) await this.focusOn('.outcome');
  }

  private heading(): string {
    const count =
      this.total === 1
        ? this.t('answered.countOne')
        : this.t('answered.count', { count: formatNumber(this.language, this.total) });
    return this.pageCount > 1
      ? `${count} – ${this.t('pager.position', { page: this.page, pageCount: this.pageCount })}`
      : count;
  }

  private toggle(id: string) {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }

  /** Decree 20/2008 Art. 5's wording, as the server checks and the feedback form offers it. */
  private kindLabel(kind: string): string {
    const known = FEEDBACK_KINDS.find((entry) => entry.value === kind);
    return known ? pick(this.language, known.label) : kind;
  }

  render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t('answered.title')}</h2>
      <p class="muted">${this.t('answered.intro')}</p>
      <form @submit=${this.onSubmit} novalidate>
        <div class="row">
          <div class="field grow">
            <label for="q">${this.t('answered.search.label')}</label>
            <input
              id="q"
              name="q"
              type="search"
              maxlength=${MAX_QUERY}
              autocomplete="off"
              .value=${this.query}
              @input=${this.onInput}
            />
          </div>
          <div class="field grow">
            <label for="kind">${this.t('answered.kind.label')}</label>
            <select id="kind" name="kind" @change=${this.onKind}>
              <option value="" ?selected=${this.kind === ''}>${this.t('answered.kind.all')}</option>
              ${FEEDBACK_KINDS.map(
                ({ value }) =>
                  html`<option value=${value} ?selected=${this.kind === value}>
                    ${this.kindLabel(value)}
                  </option>`
              )}
            </select>
          </div>
          <div class="field">
            <button type="submit">${this.t('answered.search.submit')}</button>
          </div>
        </div>
      </form>
      ${this.liveRegion()} ${this.outcome()}
    </section>`;
  }

  private outcome() {
    if (this.state === 'loading') return this.spinning(this.t('loading'));
    if (this.state === 'failed')
      return html`<div class="outcome error-summary" role="alert">
        <p>${this.failure}</p>
        <button class="secondary" @click=${() => this.fetchPage(this.page, true)}>
          ${this.t('error.retry')}
        </button>
      </div>`;
    if (this.state === 'empty')
      return html`<h2 class="outcome">${this.t('answered.none')}</h2>
        <p>${this.t('answered.noneHint')}</p>`;
    return html`<h2 class="outcome">${this.heading()}</h2>
      <ul class="answers">
        ${this.items.map((item) => this.answer(item))}
      </ul>
      ${this.pager(this.page, this.pageCount, (page) => void this.fetchPage(page, true))}`;
  }

  // The published texts are Vietnamese whatever the page's language (Decree 20/2008 Art. 7.1), hence lang="vi".
  private answer(item: Answered) {
    const lang = this.language;
    const id = item.documentId;
    const open = this.expanded.has(id);
    const content = clip(item.content);
    const answer = item.answer ? clip(item.answer) : null;
    const long = content !== null || answer !== null;
    const shown = (text: string, cut: string | null) => (open || cut === null ? text : cut);
    // The procedure is left out when the element already shows one procedure's answers.
    const procedure = item.procedure && item.procedure.documentId !== this.procedure ? item.procedure : null;
    return html`<li>
      <article aria-labelledby="subject-${id}">
        <h3 id="subject-${id}" lang="vi">${item.subject}</h3>
        <dl class="meta">
          <div>
            <dt>${this.t('answered.meta.kind')}</dt>
            <dd>${this.kindLabel(item.kind)}</dd>
          </div>
          <div>
            <dt>${this.t('answered.meta.receivedAt')}</dt>
            <dd>${formatDate(lang, item.receivedAt)}</dd>
          </div>
          ${item.answeredAt
            ? html`<div>
                <dt>${this.t('answered.meta.answeredAt')}</dt>
                <dd>${formatDate(lang, item.answeredAt)}</dd>
              </div>`
            : nothing}
          ${procedure
            ? html`<div>
                <dt>${this.t('answered.meta.procedure')}</dt>
                <dd>
                  <span lang="vi">${procedure.name}</span>
                  (${this.t('answered.meta.code', { code: procedure.nationalCode })})
                </dd>
              </div>`
            : nothing}
        </dl>
        <div id="body-${id}">
          <h4>${this.t('answered.content')}</h4>
          <div class="content"><p class="pre-line" lang="vi">${shown(item.content, content)}</p></div>
          ${item.answer
            ? html`<h4>${this.t('answered.answer')}</h4>
                <div class="answer"><p class="pre-line" lang="vi">${shown(item.answer, answer)}</p></div>`
            : nothing}
        </div>
        ${long
          ? html`<button
              class="secondary toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="body-${id}"
              aria-describedby="subject-${id}"
              @click=${() => this.toggle(id)}
            >
              ${this.t(open ? 'answered.less' : 'answered.more')}
            </button>`
          : nothing}
      </article>
    </li>`;
  }
}

define('tthc-answered-feedback', AnsweredFeedback);
