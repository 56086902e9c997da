import { css, html, nothing } from 'lit';
import { ApiError, post, type FieldError } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatDate, pick, type MessageKey } from '../core/i18n';

interface Criterion {
  key: string;
  label: { vi: string; en: string };
}

interface SurveyForm {
  formToken: string;
  criteria: Criterion[];
  scale: { min: number; max: number };
  limits: { comment: number; minFillSeconds: number; formTokenTtlSeconds: number };
}

/** A problem of the last attempt: the server's field error, or null for the client's own "rate one at least". */
interface Problem {
  path: string[];
  error: FieldError | null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `<tthc-satisfaction-survey>`: the anonymous satisfaction ratings of Decree 61/2018 Art. 31, each criterion from
 * 1 (very dissatisfied) to 5 (very satisfied), and an optional comment that is never published. `procedure` (a
 * procedure's documentId) records which procedure is rated. Fires `tthc-survey-sent` with `{ submittedAt }`.
 */
export class SatisfactionSurvey extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    procedure: { type: String },
    state: { state: true },
    form: { state: true },
    ratings: { state: true },
    comment: { state: true },
    problems: { state: true },
    failure: { state: true },
    submittedAt: { state: true },
  };

  static styles = [
    ...TthcElement.styles,
    css`
      fieldset {
        min-width: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75em 1em 1em;
        margin: 0 0 1em;
      }
      fieldset.invalid {
        border-color: var(--_error);
        border-left-width: 5px;
      }
      legend {
        padding: 0 0.25em;
      }
      form {
        container-type: inline-size;
      }
      .options {
        display: flex;
        flex-direction: column;
        gap: 0.5em;
      }
      /* The five answers side by side only where each has room; a column on phones and at high zoom. */
      @container (min-width: 45em) {
        .options {
          flex-direction: row;
        }
        .option {
          flex: 1 1 0;
        }
      }
      .option {
        display: flex;
        align-items: flex-start;
        gap: 0.5em;
        margin: 0;
        padding: 0.5em 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        font-weight: 400;
        cursor: pointer;
      }
      .option.checked {
        border: 2px solid var(--_primary);
        background: var(--_surface);
        font-weight: 600;
      }
      .option input {
        flex: none;
        width: 1.25em;
        height: 1.25em;
        margin: 0.125em 0 0;
        accent-color: var(--_primary);
      }
      .clear {
        margin-top: 0.5em;
        min-height: 2.25em;
        padding: 0.25em 0.75em;
      }
      .trap {
        position: absolute;
        left: -10000px;
        width: 1px;
        height: 1px;
        overflow: hidden;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75em;
      }
      .thanks {
        border-left-color: var(--_success);
      }
    `,
  ];

  declare procedure: string | null;
  declare state: 'loading' | 'load-failed' | 'ready' | 'sending' | 'sent';
  declare form: SurveyForm | null;
  declare ratings: Readonly<Record<string, number>>;
  declare comment: string;
  declare problems: Problem[];
  /** The last attempt's failure that is not about a field: network, server, too many attempts. */
  declare failure: ApiError | null;
  declare submittedAt: string;
  /** When the current token arrived (ms): the server refuses it used sooner than limits.minFillSeconds after. */
  private tokenAt = 0;

  constructor() {
    super();
    this.procedure = null;
    this.state = 'loading';
    this.form = null;
    this.ratings = {};
    this.comment = '';
    this.problems = [];
    this.failure = null;
    this.submittedAt = '';
  }

  firstUpdated() {
    void this.loadForm(false);
  }

  private async loadForm(moveFocus: boolean) {
    this.state = 'loading';
    this.announcement = this.t('loading');
    try {
      const body = await this.load<{ data: SurveyForm }>('form', '/api/survey-responses/form');
      if (!body) return;
      this.form = body.data;
      this.tokenAt = Date.now();
      this.failure = null;
      this.state = 'ready';
      this.announcement = '';
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error));
      this.state = 'load-failed';
      this.announcement = this.problem(this.failure);
    }
    if (moveFocus) await this.focusOn(this.state === 'ready' ? '#title' : '.outcome');
  }

  /** A new single-use token, keeping what the citizen chose. */
  private async renewToken() {
    const body = await this.load<{ data: SurveyForm }>('form', '/api/survey-responses/form').catch(
      () => null
    );
    if (!body || !this.form) return;
    this.form = { ...this.form, formToken: body.data.formToken };
    this.tokenAt = Date.now();
  }

  private rate(key: string, value: number | null) {
    const ratings = { ...this.ratings };
    if (value === null) delete ratings[key];
    else ratings[key] = value;
    this.ratings = ratings;
  }

  private async clear(key: string) {
    this.rate(key, null);
    await this.focusOn(`#${key}-${this.form?.scale.min ?? 1}`);
  }

  private async submit(event?: Event) {
    event?.preventDefault();
    const form = this.form;
    if (this.state !== 'ready' || !form) return;
    this.failure = null;
    if (!Object.keys(this.ratings).length) {
      this.problems = [{ path: ['ratings'], error: null }];
      this.announcement = '';
      await this.focusOn('#summary');
      return;
    }
    this.problems = [];
    this.state = 'sending';
    this.announcement = this.t('satisfaction.survey.sending');
    await wait(this.tokenAt + form.limits.minFillSeconds * 1000 - Date.now());
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const body = {
      ratings: this.ratings,
      comment: this.comment,
      channel: 'web',
      formToken: form.formToken,
      website: honeypot,
      ...(this.procedure ? { procedure: this.procedure } : {}),
    };
    try {
      const result = await post<{ data: { submittedAt: string } }>(`${this.base}/api/survey-responses`, {
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      });
      this.submittedAt = result.data.submittedAt;
      this.state = 'sent';
      this.announcement = this.t('satisfaction.survey.thanksTitle');
      this.dispatchEvent(
        new CustomEvent('tthc-survey-sent', {
          bubbles: true,
          composed: true,
          detail: { submittedAt: this.submittedAt },
        })
      );
      await this.focusOn('#thanks');
    } catch (error) {
      const failed = error instanceof ApiError ? error : new ApiError(0, 'NetworkError', String(error));
      this.state = 'ready';
      this.announcement = '';
      if (failed.status === 400 && failed.errors.length) {
        this.problems = failed.errors.map((fieldError) => ({ path: fieldError.path, error: fieldError }));
        await this.focusOn('#summary');
        // A token that expired or was spent (a lost answer retried) cannot be used again: take a new one.
        if (failed.errors.some((fieldError) => fieldError.path[0] === 'formToken')) await this.renewToken();
      } else {
        this.failure = failed;
        await this.focusOn('.outcome');
      }
    }
  }

  /** Sends again; focus first goes to the send button, since this one disappears. */
  private async retry() {
    await this.focusOn('#submit');
    await this.submit();
  }

  private criterionNumber(key: string): number {
    return (this.form?.criteria.findIndex((criterion) => criterion.key === key) ?? -1) + 1;
  }

  /** Where a problem is shown beside its field: a criterion's key, 'ratings', 'comment', or null (summary only). */
  private fieldOf(problem: Problem): string | null {
    const [head, key] = problem.path;
    if (head === 'ratings') return key && this.criterionNumber(key) ? key : 'ratings';
    return head === 'comment' ? 'comment' : null;
  }

  /** The element a summary link focuses. */
  private targetOf(problem: Problem): string {
    const field = this.fieldOf(problem);
    const first = this.form?.criteria[0]?.key;
    const min = this.form?.scale.min ?? 1;
    if (field === 'comment') return 'comment';
    if (field === 'ratings') return `${first}-${min}`;
    if (field) return `${field}-${this.ratings[field] ?? min}`;
    return 'submit';
  }

  private message(problem: Problem): string {
    if (!problem.error) return this.t('satisfaction.survey.noRating');
    if (problem.path[0] === 'formToken') return this.t('satisfaction.survey.renewed');
    return this.fieldMessage(problem.error);
  }

  private fieldProblem(field: string): string {
    const problem = this.problems.find((candidate) => this.fieldOf(candidate) === field);
    return problem ? this.message(problem) : '';
  }

  render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t('satisfaction.survey.title')}</h2>
      ${this.liveRegion()} ${this.body()}
    </section>`;
  }

  private body() {
    if (this.state === 'loading') return this.spinning(this.t('loading'));
    if (this.state === 'load-failed')
      return html`<div class="outcome error-summary" role="alert">
        <p>${this.failure ? this.problem(this.failure) : ''}</p>
        <button class="secondary" @click=${() => this.loadForm(true)}>${this.t('error.retry')}</button>
      </div>`;
    if (this.state === 'sent')
      return html`<div class="notice thanks">
        <h3 id="thanks">${this.t('satisfaction.survey.thanksTitle')}</h3>
        <p>${this.t('satisfaction.survey.thanks', { date: formatDate(this.language, this.submittedAt) })}</p>
      </div>`;
    const form = this.form;
    if (!form) return nothing;
    const commentError = this.fieldProblem('comment');
    const ratingsError = this.fieldProblem('ratings');
    return html`<form @submit=${this.submit} novalidate>
      <p>${this.t('satisfaction.survey.intro')}</p>
      ${this.summary()}
      <p class="hint">${this.t('satisfaction.survey.scaleHint')}</p>
      ${ratingsError ? html`<p class="field-error" id="ratings-error">${ratingsError}</p>` : nothing}
      ${form.criteria.map((criterion, index) =>
        this.criterion(form, criterion, index + 1, ratingsError !== '')
      )}
      <div class="field">
        <label for="comment">${this.t('satisfaction.survey.comment')}</label>
        <span class="hint" id="comment-hint"
          >${this.t('satisfaction.survey.commentHint', { max: form.limits.comment })}</span
        >
        ${commentError ? html`<span class="field-error" id="comment-error">${commentError}</span>` : nothing}
        <textarea
          id="comment"
          name="comment"
          maxlength=${form.limits.comment}
          rows="4"
          .value=${this.comment}
          @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}
          aria-describedby=${commentError ? 'comment-hint comment-error' : 'comment-hint'}
          aria-invalid=${commentError ? 'true' : 'false'}
        ></textarea>
      </div>
      <div class="trap" aria-hidden="true">
        <label for="website">${this.t('satisfaction.survey.honeypot')}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      ${this.outcome()}
      <div class="actions">
        <button id="submit" type="submit" aria-disabled=${this.state === 'sending' ? 'true' : 'false'}>
          ${this.t('satisfaction.survey.submit')}
        </button>
        ${this.state === 'sending'
          ? html`<span
              ><span class="spinner" aria-hidden="true"></span> ${this.t('satisfaction.survey.sending')}</span
            >`
          : nothing}
      </div>
    </form>`;
  }

  private criterion(form: SurveyForm, criterion: Criterion, number: number, ratingsInvalid: boolean) {
    const key = criterion.key;
    const error = this.fieldProblem(key);
    const invalid = ratingsInvalid || error !== '';
    const chosen = this.ratings[key];
    const values: number[] = [];
    for (let value = form.scale.min; value <= form.scale.max; value++) values.push(value);
    const describedBy = [error ? `error-${key}` : '', ratingsInvalid ? 'ratings-error' : '']
      .filter(Boolean)
      .join(' ');
    return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby=${describedBy || nothing}>
      <legend id="legend-${key}">
        ${this.t('satisfaction.survey.legend', { number, question: pick(this.language, criterion.label) })}
      </legend>
      ${error ? html`<span class="field-error" id="error-${key}">${error}</span>` : nothing}
      <div class="options">
        ${values.map(
          (value) =>
            html`<label class=${chosen === value ? 'option checked' : 'option'} for="${key}-${value}">
              <input
                type="radio"
                id="${key}-${value}"
                name=${key}
                .value=${String(value)}
                .checked=${chosen === value}
                aria-invalid=${invalid ? 'true' : 'false'}
                @change=${() => this.rate(key, value)}
              />
              <span
                >${this.t('satisfaction.survey.option', {
                  value,
                  label: this.t(`satisfaction.scale.${value}` as MessageKey),
                })}</span
              >
            </label>`
        )}
      </div>
      ${chosen !== undefined
        ? html`<button
            type="button"
            class="secondary clear"
            aria-describedby="legend-${key}"
            @click=${() => this.clear(key)}
          >
            ${this.t('satisfaction.survey.clear')}
          </button>`
        : nothing}
    </fieldset>`;
  }

  private summary() {
    if (!this.problems.length) return nothing;
    return html`<div class="error-summary" id="summary" tabindex="-1" aria-labelledby="summary-title">
      <h3 id="summary-title">${this.t('satisfaction.survey.errorsTitle')}</h3>
      <ul>
        ${this.problems.map((problem) => {
          const field = this.fieldOf(problem);
          const number = field ? this.criterionNumber(field) : 0;
          const message = this.message(problem);
          const target = this.targetOf(problem);
          return html`<li>
            <a
              href="#${target}"
              @click=${(event: Event) => {
                event.preventDefault();
                void this.focusOn(`#${target}`);
              }}
              >${number ? this.t('satisfaction.survey.criterionError', { number, message }) : message}</a
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  /** A failure that is not about a field, with a retry unless the server asked to wait. */
  private outcome() {
    if (!this.failure) return nothing;
    return html`<div class="outcome error-summary" role="alert">
      <p>${this.problem(this.failure)}</p>
      ${this.failure.status === 429
        ? nothing
        : html`<button type="button" class="secondary" @click=${this.retry}>
            ${this.t('error.retry')}
          </button>`}
    </div>`;
  }
}

define('tthc-satisfaction-survey', SatisfactionSurvey);
