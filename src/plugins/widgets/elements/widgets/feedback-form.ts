import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError, post } from '../core/api';
import { define, TthcElement } from '../core/base';
import { formatDate, formatNumber, pick, type MessageKey } from '../core/i18n';
import {
  acceptOf,
  checkValues,
  emptyValues,
  fileProblem,
  fileSize,
  fingerprintOf,
  isTokenProblem,
  mailtoOf,
  newIdempotencyKey,
  pause,
  printAlone,
  problemOf,
  sameFile,
  typeNames,
  type Field,
  type FormSpec,
  type NoticeText,
  type Problem,
  type Receipt,
  type TextField,
  type Values,
} from './feedback-form-model';

/** `tthc-feedback-sent`'s detail. */
export interface FeedbackSent {
  trackingCode: string;
  dueDate: string | null;
  status: string;
}

/** Automatic resends of one body after a network failure or a 409, waiting 1 s, 2 s, then 4 s. */
const RETRIES = 3;
/** The content's count is announced once this share of the limit is left, after typing pauses. */
const NEAR_LIMIT = 0.1;
const COUNT_PAUSE_MS = 1000;

const NOTICE_PARTS: (keyof NoticeText)[] = ['purpose', 'dataKept', 'retention', 'contact'];

/**
 * `<tthc-feedback-form>`: a citizen's feedback on administrative rules (Decree 20/2008), sent to
 * POST /api/feedbacks with its attachments, and the tracking code that follows it. `procedure` (a procedure's
 * documentId) is sent with the feedback. Fires `tthc-feedback-sent` (bubbles, composed) once it was received.
 */
export class FeedbackForm extends TthcElement {
  static properties = {
    ...TthcElement.properties,
    procedure: { type: String },
    state: { state: true },
    spec: { state: true },
    values: { state: true },
    files: { state: true },
    problems: { state: true },
    failure: { state: true },
    progress: { state: true },
    retry: { state: true },
    receipt: { state: true },
    copyStatus: { state: true },
  };

  declare procedure: string | null;
  declare state: 'loading' | 'load-failed' | 'ready' | 'sending' | 'sent';
  declare spec: FormSpec | null;
  declare values: Values;
  /** The chosen attachments: the file input is emptied after each choice, so that more can be added. */
  declare files: File[];
  /** Shown in the error summary and beside their fields until the next submission. */
  declare problems: Problem[];
  /** Why the last sending failed, when no field is to blame. */
  declare failure: unknown;
  /** Upload progress from 0 to 1; null until the browser reports some (it does not for small bodies). */
  declare progress: number | null;
  declare retry: number;
  declare receipt: Receipt | null;
  declare copyStatus: MessageKey | null;

  /** When the form token arrived: the server refuses a form sent sooner than limits.minFillSeconds after it. */
  private loadedAt = 0;
  /** The Idempotency-Key of the body last sent, kept while the body stays the same. */
  private attempt: { key: string; fingerprint: string } | null = null;
  private sentEmail = '';
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.procedure = null;
    this.state = 'loading';
    this.spec = null;
    this.values = emptyValues();
    this.files = [];
    this.problems = [];
    this.failure = null;
    this.progress = null;
    this.retry = 0;
    this.receipt = null;
    this.copyStatus = null;
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.spec) void this.loadForm();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  private async loadForm() {
    this.state = 'loading';
    this.failure = null;
    try {
      const body = await this.load<{ data: FormSpec }>('form', '/api/feedbacks/form');
      if (!body) return;
      this.spec = body.data;
      this.loadedAt = Date.now();
      this.state = 'ready';
    } catch (error) {
      this.failure = error;
      this.state = 'load-failed';
    }
  }

  /** A fresh single-use token; consents are asked again if the notice changed meanwhile. */
  private async renewToken() {
    const body = await this.load<{ data: FormSpec }>('form', '/api/feedbacks/form');
    if (!body || !this.spec) return;
    if (body.data.notice.version !== this.spec.notice.version)
      this.values = { ...this.values, processing: false, publishAnswer: false };
    this.spec = body.data;
    this.loadedAt = Date.now();
  }

  private edit(field: keyof Values, value: string | boolean) {
    this.values = { ...this.values, [field]: value };
  }

  private editContent(value: string) {
    this.edit('content', value);
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const max = this.spec?.limits.content ?? 0;
      const left = max - this.values.content.length;
      if (left > max * NEAR_LIMIT) return;
      const count = formatNumber(this.language, Math.abs(left));
      this.announcement = this.t(left >= 0 ? 'feedback.content.left' : 'feedback.content.over', { count });
    }, COUNT_PAUSE_MS);
  }

  private chooseFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []).filter(
      (file) => !this.files.some((kept) => sameFile(kept, file))
    );
    input.value = '';
    if (!chosen.length || !this.spec) return;
    this.setFiles([...this.files, ...chosen]);
    const limits = this.spec.limits;
    const refused = chosen.filter((file) => fileProblem(file, limits)).length;
    const added = this.t('feedback.files.added', { count: this.files.length, max: limits.maxFiles });
    this.announcement = refused
      ? `${added} ${this.t('feedback.files.cannotSend', { count: refused })}`
      : added;
  }

  private async removeFile(index: number) {
    const removed = this.files[index];
    this.setFiles(this.files.filter((_, at) => at !== index));
    this.announcement = this.t('feedback.files.removed', { name: removed.name });
    const buttons = this.files.length ? Math.min(index, this.files.length - 1) : -1;
    await this.focusOn(buttons < 0 ? '#files' : `#remove-${buttons}`);
  }

  /** The server's file errors name files by their place in the list, which a change makes stale. */
  private setFiles(files: File[]) {
    this.files = files;
    this.problems = this.problems.filter((problem) => problem.field !== 'files');
  }

  private data() {
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#website');
    const { processing, publishAnswer, ...fields } = this.values;
    return {
      ...fields,
      ...(this.procedure ? { procedure: this.procedure } : {}),
      consent: { processing, publishAnswer },
      formToken: this.spec?.formToken ?? '',
      website: honeypot?.value ?? '',
    };
  }

  private async submit(event?: Event) {
    event?.preventDefault();
    const spec = this.spec;
    if (!spec || this.state === 'sending') return;
    this.failure = null;
    const problems = checkValues(this.values, this.files, spec.limits);
    if (problems.length) return this.showProblems(problems);
    this.problems = [];

    const data = this.data();
    const fingerprint = fingerprintOf(data, this.files);
    // The same body keeps its key, so that the server replays its first answer instead of storing it twice.
    if (this.attempt?.fingerprint !== fingerprint) this.attempt = { key: newIdempotencyKey(), fingerprint };
    const key = this.attempt.key;
    this.state = 'sending';
    this.progress = null;
    this.retry = 0;
    this.announcement = this.t('feedback.sending');
    const early = this.loadedAt + spec.limits.minFillSeconds * 1000 - Date.now();
    if (early > 0) await pause(early);
    try {
      await this.succeed(await this.send(data, key), data.email);
    } catch (error) {
      await this.fail(error);
    }
  }

  private async send(data: unknown, key: string): Promise<Receipt> {
    const files = this.files;
    const headers: Record<string, string> = { 'Idempotency-Key': key, 'Accept-Language': this.language };
    let body: FormData | string;
    if (files.length) {
      body = new FormData();
      body.append('data', JSON.stringify(data));
      for (const file of files) body.append('files', file, file.name);
    } else {
      body = JSON.stringify(data);
      headers['Content-Type'] = 'application/json';
    }
    const onProgress = files.length ? (fraction: number) => (this.progress = fraction) : undefined;
    for (let retries = 0; ; retries++) {
      try {
        const answer = await post<{ data: Receipt }>(`${this.base}/api/feedbacks`, {
          body,
          headers,
          onProgress,
        });
        return answer.data;
      } catch (error) {
        // Status 0: the request may have arrived; 409: the first one is still running. The same key is safe.
        const again = error instanceof ApiError && (error.status === 0 || error.status === 409);
        if (!again || retries >= RETRIES) throw error;
        this.retry = retries + 1;
        this.progress = null;
        this.announcement = this.t('feedback.retrying', { attempt: this.retry, max: RETRIES });
        await pause(1000 * 2 ** retries);
      }
    }
  }

  private async succeed(receipt: Receipt, email: string) {
    this.receipt = receipt;
    this.sentEmail = email.trim();
    this.attempt = null;
    this.state = 'sent';
    this.announcement = '';
    await this.focusOn('#title');
    const detail: FeedbackSent = {
      trackingCode: receipt.trackingCode,
      dueDate: receipt.dueDate,
      status: receipt.status,
    };
    this.dispatchEvent(new CustomEvent('tthc-feedback-sent', { bubbles: true, composed: true, detail }));
  }

  private async fail(error: unknown) {
    this.state = 'ready';
    if (error instanceof ApiError && error.status === 400 && error.errors.length) {
      const problems = error.errors.filter((each) => !isTokenProblem(each)).map(problemOf);
      if (error.errors.some(isTokenProblem)) {
        problems.unshift({ field: null, key: 'feedback.tokenRenewed' });
        try {
          await this.renewToken();
        } catch (renewal) {
          this.failure = renewal;
        }
      }
      return this.showProblems(problems);
    }
    // A key met with another body: the next try must not use it again.
    if (error instanceof ApiError && error.status === 422) this.attempt = null;
    this.failure = error;
    this.announcement = '';
    await this.focusOn('#failure');
  }

  private async showProblems(problems: Problem[]) {
    this.problems = problems;
    this.announcement = '';
    await this.focusOn('#summary');
  }

  private problemText(problem: Problem): string {
    const message = problem.server
      ? this.fieldMessage(problem.server)
      : this.t(problem.key as MessageKey, { ...this.sizeValues(), ...this.numbers(problem.values) });
    const file = problem.file === undefined ? undefined : this.files[problem.file];
    return file ? this.t('feedback.files.problem', { name: file.name, message }) : message;
  }

  /** Numbers in a message as the language writes them (10.000 or 10,000). */
  private numbers(values: Problem['values'] = {}) {
    const lang = this.language;
    return Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === 'number' ? formatNumber(lang, value) : value,
      ])
    );
  }

  private sizeValues() {
    return { size: this.spec ? fileSize(this.language, this.spec.limits.maxFileBytes) : '' };
  }

  /** The element a problem's link focuses: the field, the chosen (or first) kind. */
  private targetOf(field: Field): string {
    if (field !== 'kind') return field;
    return `kind-${this.values.kind || this.spec?.kinds[0]?.value}`;
  }

  private focusField(event: Event, field: Field) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${this.targetOf(field)}`)?.focus();
  }

  /**
   * Problems beside a field: the summary's; for the files, the server's and what a first look finds as they are
   * chosen (the summary's own file checks are the same, made at the submission).
   */
  private messagesOf(field: Field, file?: number): string[] {
    const listed = this.problems.filter(
      (problem) => problem.field === field && problem.file === file && (field !== 'files' || problem.server)
    );
    const messages = listed.map((problem) =>
      problem.server ? this.fieldMessage(problem.server) : this.problemText(problem)
    );
    const limits = this.spec?.limits;
    if (field !== 'files' || !limits) return messages;
    if (file !== undefined) {
      const key = fileProblem(this.files[file], limits);
      return key ? [...messages, this.t(key, this.sizeValues())] : messages;
    }
    if (this.files.length > limits.maxFiles) {
      const extra = this.files.length - limits.maxFiles;
      messages.push(this.t('feedback.files.tooMany', { max: limits.maxFiles, extra }));
    }
    return messages;
  }

  private copy = async () => {
    const code = this.receipt?.trackingCode ?? '';
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus = 'feedback.done.copied';
    } catch {
      // No clipboard (an insecure page, a refusal): select the code for the citizen to copy.
      const target = this.renderRoot.querySelector('#tracking-code');
      if (target) getSelection()?.selectAllChildren(target);
      this.copyStatus = 'feedback.done.selected';
    }
    this.announcement = this.t(this.copyStatus);
  };

  /** "Try again": the same body, hence the same key; focus waits on the send button, which stays. */
  private resend = () => {
    this.renderRoot.querySelector<HTMLElement>('button[type=submit]')?.focus();
    return this.submit();
  };

  private print = () => printAlone(this);

  // -------------------------------------------------------------------------------------------------------------

  render() {
    return html`<section aria-labelledby="title">
      ${this.state === 'sent' && this.receipt ? this.confirmation(this.receipt) : this.page()}
      ${this.liveRegion()}
    </section>`;
  }

  private page() {
    const spec = this.spec;
    return html`<h2 id="title">${this.t('feedback.title')}</h2>
      ${this.state === 'loading' ? this.spinning(this.t('feedback.loading'), 'loading') : nothing}
      ${this.state === 'load-failed'
        ? html`<div class="error-summary load-failed" role="alert">
            <h3>${this.t('feedback.loadFailed')}</h3>
            <p>${this.problem(this.failure)}</p>
            <button type="button" class="secondary" @click=${() => this.loadForm()}>
              ${this.t('error.retry')}
            </button>
          </div>`
        : nothing}
      ${spec && (this.state === 'ready' || this.state === 'sending') ? this.form(spec) : nothing}`;
  }

  private form(spec: FormSpec) {
    const lang = this.language;
    const noticeText = spec.notice.text[lang] ?? spec.notice.text.vi;
    return html`<p>${this.t('feedback.intro')}</p>
      ${this.summary()}
      <section class="notice" aria-labelledby="notice-title">
        <h3 id="notice-title">${this.t('feedback.notice.title')}</h3>
        <p>${this.t('feedback.notice.intro')}</p>
        <dl>
          ${NOTICE_PARTS.map(
            (part) =>
              html`<dt>${this.t(`feedback.notice.${part}`)}</dt>
                <dd class="pre-line">${noticeText?.[part] ?? ''}</dd>`
          )}
        </dl>
        <p class="muted">${this.t('feedback.notice.version', { version: spec.notice.version })}</p>
      </section>
      <form @submit=${this.submit} novalidate>
        <p class="muted">${this.t('feedback.requiredNote')}</p>
        ${this.textField('fullName', 'text', 'name')}
        ${this.textField('address', 'text', 'street-address', true)}
        <fieldset class="field">
          <legend>${this.t('feedback.contact.legend')}</legend>
          <span class="hint" id="contact-hint">${this.t('feedback.contact.hint')}</span>
          ${this.textField('phone', 'tel', 'tel', true, 'contact-hint')}
          ${this.textField('email', 'email', 'email', true, 'contact-hint')}
        </fieldset>
        ${this.kinds(spec)} ${this.textField('subject', 'text', 'off', true)} ${this.content(spec)}
        ${this.attachments(spec)} ${this.consents()}
        <div class="trap" aria-hidden="true">
          <label for="website">${this.t('feedback.website')}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        ${this.failureBox()}
        <button type="submit" aria-disabled=${this.state === 'sending' ? 'true' : 'false'}>
          ${this.t('feedback.submit')}
        </button>
        ${this.state === 'sending' ? this.sending() : nothing}
      </form>`;
  }

  private summary() {
    if (!this.problems.length) return nothing;
    return html`<div class="error-summary focus-target" id="summary" tabindex="-1">
      <div role="alert">
        <h3>${this.t('feedback.summary.title')}</h3>
        <ul>
          ${this.problems.map((problem) => {
            const text = this.problemText(problem);
            const field = problem.field;
            return html`<li>
              ${field
                ? html`<a
                    href="#${this.targetOf(field)}"
                    @click=${(event: Event) => this.focusField(event, field)}
                    >${text}</a
                  >`
                : text}
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  /** The error lines beside a field, and the ids that describe it. */
  private errorsOf(id: string, messages: string[]): TemplateResult | typeof nothing {
    if (!messages.length) return nothing;
    return html`<span class="field-error" id="${id}-error"
      >${messages.map(
        (message) =>
          html`<span class="line"><span class="vh">${this.t('feedback.errorPrefix')} </span>${message}</span>`
      )}</span
    >`;
  }

  private describedBy(...ids: unknown[]) {
    return ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || nothing;
  }

  private textField(
    field: Exclude<TextField, 'content'>,
    type: string,
    autocomplete: string,
    hint = false,
    extraHint?: string
  ) {
    const messages = this.messagesOf(field);
    const required = field === 'fullName' || field === 'address' || field === 'subject';
    return html`<div class="field">
      <label for=${field}>${this.t(`feedback.${field}.label` as MessageKey)}</label>
      ${hint
        ? html`<span class="hint" id="${field}-hint">${this.t(`feedback.${field}.hint` as MessageKey)}</span>`
        : nothing}
      ${this.errorsOf(field, messages)}
      <input
        id=${field}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        .value=${this.values[field]}
        @input=${(event: Event) => this.edit(field, (event.target as HTMLInputElement).value)}
        aria-describedby=${this.describedBy(
          extraHint,
          hint && `${field}-hint`,
          messages.length && `${field}-error`
        )}
        aria-invalid=${messages.length ? 'true' : 'false'}
      />
    </div>`;
  }

  private kinds(spec: FormSpec) {
    const messages = this.messagesOf('kind');
    const invalid = messages.length ? 'true' : 'false';
    return html`<fieldset class="field" aria-describedby=${this.describedBy(messages.length && 'kind-error')}>
      <legend>${this.t('feedback.kind.legend')}</legend>
      ${this.errorsOf('kind', messages)}
      <div class="choices">
        ${spec.kinds.map(
          (kind) =>
            html`<div class="choice">
              <input
                type="radio"
                id="kind-${kind.value}"
                name="kind"
                value=${kind.value}
                required
                .checked=${this.values.kind === kind.value}
                @change=${() => this.edit('kind', kind.value)}
                aria-invalid=${invalid}
              />
              <label for="kind-${kind.value}">${pick(this.language, kind.label)}</label>
            </div>`
        )}
      </div>
    </fieldset>`;
  }

  private content(spec: FormSpec) {
    const lang = this.language;
    const max = spec.limits.content;
    const length = this.values.content.length;
    const messages = this.messagesOf('content');
    return html`<div class="field">
      <label for="content">${this.t('feedback.content.label')}</label>
      <span class="hint" id="content-hint"
        >${this.t('feedback.content.hint', { max: formatNumber(lang, max) })}</span
      >
      ${this.errorsOf('content', messages)}
      <textarea
        id="content"
        name="content"
        rows="8"
        required
        .value=${this.values.content}
        @input=${(event: Event) => this.editContent((event.target as HTMLTextAreaElement).value)}
        aria-describedby=${this.describedBy(
          'content-hint',
          messages.length && 'content-error',
          'content-count'
        )}
        aria-invalid=${messages.length ? 'true' : 'false'}
      ></textarea>
      <span id="content-count" class="count ${length > max ? 'over' : ''}"
        >${length > max
          ? this.t('feedback.content.over', { count: formatNumber(lang, length - max) })
          : this.t('feedback.content.count', {
              count: formatNumber(lang, length),
              max: formatNumber(lang, max),
            })}</span
      >
    </div>`;
  }

  private attachments(spec: FormSpec) {
    const lang = this.language;
    const limits = spec.limits;
    const messages = this.messagesOf('files');
    const fileMessages = this.files.map((_, index) => this.messagesOf('files', index));
    const invalid = messages.length > 0 || fileMessages.some((each) => each.length > 0);
    return html`<div class="field">
      <label for="files">${this.t('feedback.files.label')}</label>
      <span class="hint" id="files-hint"
        >${this.t('feedback.files.hint', {
          max: limits.maxFiles,
          size: fileSize(lang, limits.maxFileBytes),
          types: typeNames(limits),
        })}</span
      >
      ${this.errorsOf('files', messages)}
      <input
        id="files"
        name="files"
        type="file"
        multiple
        accept=${acceptOf(limits)}
        @change=${this.chooseFiles}
        aria-describedby=${this.describedBy(
          'files-hint',
          messages.length && 'files-error',
          this.files.length && 'files-title'
        )}
        aria-invalid=${invalid ? 'true' : 'false'}
      />
      ${this.files.length
        ? html`<p class="files-title" id="files-title">
              ${this.t('feedback.files.chosen', { count: this.files.length, max: limits.maxFiles })}
            </p>
            <ul class="files" aria-labelledby="files-title">
              ${this.files.map(
                (file, index) =>
                  html`<li class=${fileMessages[index].length ? 'bad' : ''}>
                    <span class="file-name">${file.name}</span>
                    <span class="muted">${fileSize(lang, file.size)}</span>
                    ${this.errorsOf(`file-${index}`, fileMessages[index])}
                    <button
                      type="button"
                      class="secondary"
                      id="remove-${index}"
                      @click=${() => this.removeFile(index)}
                    >
                      ${this.t('feedback.files.remove')}<span class="vh"> ${file.name}</span>
                    </button>
                  </li>`
              )}
            </ul>`
        : nothing}
    </div>`;
  }

  private consents() {
    const messages = this.messagesOf('processing');
    const publishMessages = this.messagesOf('publishAnswer');
    return html`<fieldset class="field">
      <legend>${this.t('feedback.consent.legend')}</legend>
      ${this.errorsOf('processing', messages)}
      <div class="choice">
        <input
          type="checkbox"
          id="processing"
          name="processing"
          required
          .checked=${this.values.processing}
          @change=${(event: Event) => this.edit('processing', (event.target as HTMLInputElement).checked)}
          aria-describedby=${this.describedBy(messages.length && 'processing-error')}
          aria-invalid=${messages.length ? 'true' : 'false'}
        />
        <label for="processing">${this.t('feedback.processing.label')}</label>
      </div>
      ${this.errorsOf('publishAnswer', publishMessages)}
      <div class="choice">
        <input
          type="checkbox"
          id="publishAnswer"
          name="publishAnswer"
          .checked=${this.values.publishAnswer}
          @change=${(event: Event) => this.edit('publishAnswer', (event.target as HTMLInputElement).checked)}
          aria-describedby=${this.describedBy(publishMessages.length && 'publishAnswer-error')}
          aria-invalid=${publishMessages.length ? 'true' : 'false'}
        />
        <label for="publishAnswer">${this.t('feedback.publishAnswer.label')}</label>
      </div>
    </fieldset>`;
  }

  private failureBox() {
    const error = this.failure;
    if (!error || this.state !== 'ready') return nothing;
    const status = error instanceof ApiError ? error.status : -1;
    // Resending helps after a network failure or a server fault, not when the server refused the request.
    const retry = status !== 429 && status !== 413 && status !== 400;
    return html`<div class="error-summary failure focus-target" id="failure" tabindex="-1">
      <div role="alert">
        <h3>${this.t('feedback.failed.title')}</h3>
        <p>${status === 413 ? this.t('feedback.tooLarge') : this.problem(error)}</p>
        <p>${this.t('feedback.failed.kept')}</p>
      </div>
      ${retry
        ? html`<button type="button" class="secondary" @click=${this.resend}>
            ${this.t('error.retry')}
          </button>`
        : nothing}
    </div>`;
  }

  private sending() {
    const percent = this.progress === null ? null : Math.round(this.progress * 100);
    return html`<div class="sending">
      <p>
        <span class="spinner" aria-hidden="true"></span>
        ${this.retry
          ? this.t('feedback.retrying', { attempt: this.retry, max: RETRIES })
          : this.t('feedback.sending')}
      </p>
      ${this.files.length
        ? html`<label for="progress">${this.t('feedback.progress')}</label>
            <div class="progress">
              <progress id="progress" max="100" value=${percent ?? nothing}></progress>
              ${percent === null
                ? nothing
                : html`<span aria-hidden="true">${formatNumber(this.language, percent)}%</span>`}
            </div>`
        : nothing}
    </div>`;
  }

  private confirmation(receipt: Receipt) {
    const lang = this.language;
    const received = formatDate(lang, receipt.receivedAt);
    const due = formatDate(lang, receipt.dueDate);
    const lookUp = location.href.replace(/#.*$/, '');
    const mailBody = [
      `${this.t('feedback.done.codeLabel')}: ${receipt.trackingCode}`,
      `${this.t('feedback.done.receivedAt')}: ${received}`,
      ...(due ? [`${this.t('feedback.done.dueDate')}: ${due}`] : []),
      `${this.t('feedback.done.lookUp')}: ${lookUp}`,
      '',
      `${this.t('feedback.done.keep')} ${this.t('feedback.done.only')}`,
    ].join('\n');
    return html`<div class="confirmation">
      <h2 id="title" class="focus-target">${this.t('feedback.done.title')}</h2>
      <p>${this.t('feedback.done.received')}</p>
      <p class="code-label" id="code-label">${this.t('feedback.done.codeLabel')}</p>
      <p class="code" id="tracking-code" aria-describedby="code-label">${receipt.trackingCode}</p>
      <p class="keep"><strong>${this.t('feedback.done.keep')}</strong> ${this.t('feedback.done.only')}</p>
      <dl class="facts">
        <dt>${this.t('feedback.done.receivedAt')}</dt>
        <dd>${received}</dd>
        ${due
          ? html`<dt>${this.t('feedback.done.dueDate')}</dt>
              <dd>${due}</dd>`
          : nothing}
        <dt>${this.t('feedback.done.status')}</dt>
        <dd>${this.statusLabel(receipt.status)}</dd>
        <dt>${this.t('feedback.done.lookUp')}</dt>
        <dd><a href=${lookUp}>${lookUp}</a></dd>
      </dl>
      <div class="actions no-print">
        <button type="button" @click=${this.copy}>${this.t('feedback.done.copy')}</button>
        <button type="button" class="secondary" @click=${this.print}>${this.t('feedback.done.print')}</button>
        ${this.sentEmail
          ? html`<a
              class="button secondary"
              href=${mailtoOf(
                this.sentEmail,
                this.t('feedback.mail.subject', { code: receipt.trackingCode }),
                mailBody
              )}
              >${this.t('feedback.done.mail')}</a
            >`
          : nothing}
      </div>
      ${this.copyStatus ? html`<p class="copy-status no-print">${this.t(this.copyStatus)}</p>` : nothing}
    </div>`;
  }

  private statusLabel(status: string): string {
    const key = `status.value.${status}` as MessageKey;
    const label = this.t(key);
    return label === key ? status : label;
  }

  static styles = [
    ...TthcElement.styles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
      }
      fieldset > .field:last-child {
        margin-bottom: 0;
      }
      .field-error .line {
        display: block;
      }
      .notice dl {
        margin-bottom: 0.5em;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0 0 0.5em;
      }
      .choices {
        display: grid;
        gap: 0.25em;
      }
      .choice {
        display: flex;
        gap: 0.625em;
        align-items: flex-start;
        padding: 0.25em 0;
      }
      .choice input {
        flex: none;
        width: 1.375em;
        height: 1.375em;
        margin: 0.0625em 0 0;
        accent-color: var(--_primary);
      }
      .choice label {
        font-weight: 400;
        margin: 0;
        cursor: pointer;
      }
      .count {
        display: block;
        color: var(--_muted);
        margin-top: 0.25em;
      }
      .count.over {
        color: var(--_error);
        font-weight: 600;
      }
      input[type='file'] {
        display: block;
        max-width: 100%;
        font: inherit;
        color: var(--_text);
      }
      input[type='file']::file-selector-button {
        font: inherit;
        font-weight: 600;
        min-height: 2.75em;
        margin-right: 0.75em;
        padding: 0.5em 1em;
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_primary);
        cursor: pointer;
      }
      .files-title {
        font-weight: 600;
        margin: 0.75em 0 0.25em;
      }
      .files {
        list-style: none;
        padding: 0;
      }
      .files li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25em 0.75em;
        padding: 0.5em 0;
        border-bottom: 1px solid var(--_border);
      }
      .files li.bad {
        border-left: 5px solid var(--_error);
        padding-left: 0.625em;
      }
      .file-name {
        flex: 1 1 12em;
        min-width: 0;
      }
      .files .field-error {
        flex: 1 1 100%;
        order: 3;
        margin: 0;
      }
      .trap {
        position: absolute;
        left: -10000px;
        width: 1px;
        height: 1px;
        overflow: hidden;
      }
      button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: progress;
      }
      .sending {
        margin-top: 1em;
      }
      .progress {
        display: flex;
        align-items: center;
        gap: 0.75em;
      }
      progress {
        flex: 1 1 auto;
        min-width: 0;
        height: 1.25em;
        accent-color: var(--_primary);
      }
      .failure button {
        margin-top: 0.25em;
      }
      .confirmation h2 {
        color: var(--_success);
      }
      .code-label {
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      .code {
        font-family:
          ui-monospace, 'Cascadia Mono', 'Segoe UI Mono', 'Roboto Mono', Consolas, 'Courier New', monospace;
        font-size: 1.75em;
        font-weight: 700;
        letter-spacing: 0.12em;
        line-height: 1.4;
        padding: 0.375em 0.5em;
        background: var(--_surface);
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
        width: fit-content;
        max-width: 100%;
        user-select: all;
        -webkit-user-select: all;
        overflow-wrap: anywhere;
      }
      .keep {
        border-left: 5px solid var(--_primary);
        padding-left: 0.75em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-bottom: 0.75em;
      }
      .button.secondary {
        background: var(--_bg);
        color: var(--_primary);
      }
      @media print {
        .code {
          border-color: #000;
          background: none;
        }
      }
    `,
  ];
}

define('tthc-feedback-form', FeedbackForm);
