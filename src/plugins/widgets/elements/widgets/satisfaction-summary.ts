import { css, html, nothing, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ApiError, query } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatDate, formatNumber, pick } from '../core/i18n';

interface CriterionSummary {
  label: { vi: string; en: string };
  count: number;
  mean: number | null;
}

interface Summary {
  responses: number;
  criteria: Record<string, CriterionSummary>;
}

// The survey's scale (Decree 61/2018 Art. 31): 1 very dissatisfied … 5 very satisfied.
const SCALE_MAX = 5;

/**
 * `<tthc-satisfaction-summary>`: the published figures of the satisfaction surveys, the number of responses and
 * each criterion's mean and count, for a procedure (`procedure`, a documentId), a field (`field`, its code) and a
 * period (`from`, `to`: YYYY-MM-DD, inclusive) when set.
 */
export class SatisfactionSummary extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    procedure: { type: String },
    field: { type: String },
    from: { type: String },
    to: { type: String },
    state: { state: true },
    summary: { state: true },
    failure: { state: true },
  };

  static styles = [
    ...TthcElement.styles,
    css`
      .criteria {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .criteria > li {
        border-top: 1px solid var(--_border);
        padding: 0.75em 0;
      }
      .criteria p {
        margin: 0 0 0.25em;
      }
      .figures strong {
        font-size: 1.125em;
      }
      .bar {
        height: 0.75em;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        width: calc(var(--share) * 100%);
        background: var(--_primary);
      }
      @media (forced-colors: active) {
        .bar span {
          background: CanvasText;
        }
      }
    `,
  ];

  declare procedure: string | null;
  declare field: string | null;
  declare from: string | null;
  declare to: string | null;
  declare state: 'loading' | 'results' | 'empty' | 'failed';
  declare summary: Summary | null;
  declare failure: ApiError | null;

  constructor() {
    super();
    this.procedure = null;
    this.field = null;
    this.from = null;
    this.to = null;
    this.state = 'loading';
    this.summary = null;
    this.failure = null;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('procedure') || changed.has('field') || changed.has('from') || changed.has('to'))
      void this.fetchSummary(false);
  }

  private async fetchSummary(moveFocus: boolean) {
    this.state = 'loading';
    const path = `/api/survey-responses/summary${query({
      procedure: this.procedure,
      field: this.field,
      from: this.from,
      to: this.to,
    })}`;
    try {
      const body = await this.load<{ data: Summary }>('summary', path);
      if (!body) return;
      this.summary = body.data;
      this.state = body.data.responses > 0 ? 'results' : 'empty';
      this.announcement = this.state === 'results' ? this.responses() : this.t('satisfaction.summary.none');
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error));
      this.state = 'failed';
      this.announcement = this.problem(this.failure);
    }
    if (moveFocus) await this.focusOn('.outcome');
  }

  private responses(): string {
    const count = this.summary?.responses ?? 0;
    return count === 1
      ? this.t('satisfaction.summary.responsesOne')
      : this.t('satisfaction.summary.responses', { count: formatNumber(this.language, count) });
  }

  private period(): string {
    const lang = this.language;
    const from = formatDate(lang, this.from);
    const to = formatDate(lang, this.to);
    if (from && to) return this.t('satisfaction.summary.period', { from, to });
    if (from) return this.t('satisfaction.summary.from', { from });
    return to ? this.t('satisfaction.summary.to', { to }) : '';
  }

  render() {
    const period = this.period();
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t('satisfaction.summary.title')}</h2>
      ${period ? html`<p class="muted">${period}</p>` : nothing} ${this.liveRegion()} ${this.body()}
    </section>`;
  }

  private body() {
    if (this.state === 'loading') return this.spinning(this.t('loading'));
    if (this.state === 'failed' && this.failure) {
      // A 400 means the page's attributes are wrong: the server's words say which.
      const details = this.failure.status === 400 ? this.failure.errors : [];
      return html`<div class="outcome error-summary" role="alert">
        <p>${this.problem(this.failure)}</p>
        ${details.length
          ? html`<ul>
              ${details.map((error) => html`<li>${this.fieldMessage(error)}</li>`)}
            </ul>`
          : nothing}
        <button class="secondary" @click=${() => this.fetchSummary(true)}>${this.t('error.retry')}</button>
      </div>`;
    }
    if (this.state === 'empty' || !this.summary)
      return html`<p class="outcome">${this.t('satisfaction.summary.none')}</p>`;
    const lang = this.language;
    return html`<p class="outcome"><strong>${this.responses()}</strong></p>
      <p class="muted">${this.t('satisfaction.summary.scale')}</p>
      <ol class="criteria">
        ${Object.entries(this.summary.criteria).map(
          ([key, criterion], index) =>
            html`<li data-criterion=${key}>
              <p>${index + 1}. ${pick(lang, criterion.label)}</p>
              ${criterion.mean === null || criterion.count === 0
                ? html`<p class="muted">${this.t('satisfaction.summary.unrated')}</p>`
                : html`<p class="figures">
                      <strong
                        >${this.t('satisfaction.summary.mean', {
                          mean: formatNumber(lang, criterion.mean, 2),
                        })}</strong
                      >
                      <span aria-hidden="true">·</span>
                      ${criterion.count === 1
                        ? this.t('satisfaction.summary.countOne')
                        : this.t('satisfaction.summary.count', {
                            count: formatNumber(lang, criterion.count),
                          })}
                    </p>
                    <div class="bar" aria-hidden="true">
                      <span style=${styleMap({ '--share': String(criterion.mean / SCALE_MAX) })}></span>
                    </div>`}
            </li>`
        )}
      </ol>`;
  }
}

define('tthc-satisfaction-summary', SatisfactionSummary);
