import { html, nothing } from 'lit';
import { ApiError } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatDate, type MessageKey } from '../core/i18n';

interface Status {
  status: string;
  receivedAt: string;
  dueDate: string | null;
  answeredAt: string | null;
  answer: string | null;
}

/** The server's tolerance, before the request: spaces, dashes and case do not matter. */
export const normalizeTrackingCode = (text: string) => text.replace(/[\s\-‐‑–—_.]+/g, '').toUpperCase();

/**
 * `<tthc-feedback-status>`: a citizen types the tracking code their feedback got and sees where it stands, and the
 * answer once it was sent. `code` fills the box and looks it up at once.
 */
export class FeedbackStatus extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    code: { type: String },
    state: { state: true },
    result: { state: true },
    error: { state: true },
  };

  declare code: string;
  declare state: 'empty' | 'loading' | 'found' | 'not-found' | 'invalid' | 'failed';
  declare result: Status | null;
  declare error: string;

  constructor() {
    super();
    this.code = '';
    this.state = 'empty';
    this.result = null;
    this.error = '';
  }

  firstUpdated() {
    if (this.code) void this.lookUp(this.code, false);
  }

  private async submit(event: Event) {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input') as HTMLInputElement;
    await this.lookUp(input.value, true);
  }

  private async lookUp(text: string, moveFocus: boolean) {
    const code = normalizeTrackingCode(text);
    if (code.length < 8) {
      this.state = 'invalid';
      this.announcement = '';
      if (moveFocus) await this.focusOn('input');
      return;
    }
    this.state = 'loading';
    this.announcement = this.t('loading');
    try {
      const body = await this.load<{ data: Status }>(
        'status',
        `/api/feedbacks/status/${encodeURIComponent(code)}`
      );
      if (!body) return;
      this.result = body.data;
      this.state = 'found';
      this.announcement = this.t('status.found', { status: this.statusLabel(body.data.status) });
    } catch (error) {
      this.result = null;
      const missing = error instanceof ApiError && error.status === 404;
      this.state = missing ? 'not-found' : 'failed';
      this.error = missing ? this.t('status.notFound') : this.problem(error);
      this.announcement = this.error;
    }
    if (moveFocus) await this.focusOn('.outcome');
  }

  private statusLabel(status: string): string {
    const key = `status.value.${status}` as MessageKey;
    const label = this.t(key);
    return label === key ? status : label;
  }

  render() {
    const invalid = this.state === 'invalid';
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t('status.title')}</h2>
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="code">${this.t('status.label')}</label>
          <span class="hint" id="code-hint">${this.t('status.hint')}</span>
          ${invalid
            ? html`<span class="field-error" id="code-error">${this.t('status.invalid')}</span>`
            : nothing}
          <div class="row">
            <input
              class="grow"
              id="code"
              name="code"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              .value=${this.code}
              aria-describedby=${invalid ? 'code-hint code-error' : 'code-hint'}
              aria-invalid=${invalid ? 'true' : 'false'}
            />
            <button type="submit">${this.t('status.submit')}</button>
          </div>
        </div>
      </form>
      ${this.liveRegion()} ${this.outcome()}
    </section>`;
  }

  private outcome() {
    if (this.state === 'loading') return this.spinning(this.t('loading'), 'outcome');
    if (this.state === 'not-found' || this.state === 'failed')
      return html`<div class="outcome error-summary" role="alert"><p>${this.error}</p></div>`;
    if (this.state !== 'found' || !this.result) return nothing;
    const result = this.result;
    const lang = this.language;
    return html`<div class="outcome notice">
      <h3>${this.t('status.current')}: ${this.statusLabel(result.status)}</h3>
      <dl>
        <dt>${this.t('status.receivedAt')}</dt>
        <dd>${formatDate(lang, result.receivedAt)}</dd>
        ${result.dueDate
          ? html`<dt>${this.t('status.dueDate')}</dt>
              <dd>${formatDate(lang, result.dueDate)}</dd>`
          : nothing}
        ${result.answeredAt
          ? html`<dt>${this.t('status.answeredAt')}</dt>
              <dd>${formatDate(lang, result.answeredAt)}</dd>`
          : nothing}
      </dl>
      ${result.answer
        ? html`<h4>${this.t('status.answer')}</h4>
            <p class="pre-line">${result.answer}</p>`
        : nothing}
    </div>`;
  }
}

define('tthc-feedback-status', FeedbackStatus);
