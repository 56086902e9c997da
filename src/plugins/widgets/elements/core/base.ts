import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, apiBase, getJson, type FieldError } from './api';
import { langOf, translate, type Lang, type MessageKey } from './i18n';
import { baseStyles } from './styles';

/**
 * What every widget shares: `lang` (vi | en), `api` (the CMS, when not the script's origin), the base styles and
 * theme, translated messages, cancellable GETs, and a polite live region for what changed.
 */
export class TthcElement extends LitElement {
  static properties = {
    lang: { type: String, reflect: true },
    api: { type: String },
    announcement: { state: true },
  };
  static styles = baseStyles;

  declare lang: string;
  declare api: string | null;
  /** Read by screen readers when it changes: result counts, status. */
  declare announcement: string;
  private loads = new Map<string, AbortController>();
  private renderedOnce = false;

  constructor() {
    super();
    this.api = null;
    this.announcement = '';
  }

  get language(): Lang {
    return langOf(this.getAttribute('lang') || document.documentElement.lang);
  }

  t(key: MessageKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  get base(): string {
    return apiBase(this.api);
  }

  /** A GET under `slot`: starting another under the same slot cancels the earlier, which then resolves to null. */
  protected async load<T>(slot: string, path: string): Promise<T | null> {
    this.loads.get(slot)?.abort();
    const controller = new AbortController();
    this.loads.set(slot, controller);
    try {
      return await getJson<T>(this.base, path, this.language, controller.signal);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return null;
      throw error;
    } finally {
      if (this.loads.get(slot) === controller) this.loads.delete(slot);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const controller of this.loads.values()) controller.abort();
    this.loads.clear();
  }

  protected updated(changed: PropertyValues) {
    super.updated(changed);
    // After the first render only: a `lang` set at first (or set later from none) is a change only then.
    if (this.renderedOnce && changed.has('lang')) this.languageChanged();
    this.renderedOnce = true;
  }

  /** Reloads what depends on the language (server texts); by default nothing. */
  protected languageChanged() {}

  /** The message for a failed request, in the element's language. */
  problem(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.status === 0) return this.t('error.network');
      if (error.status === 429) return this.t('error.rateLimited', { seconds: error.retryAfter ?? 60 });
      if (error.status === 404) return this.t('error.notFound');
      if (error.status >= 500) return this.t('error.server');
    }
    return this.t('error.generic');
  }

  /** A server field error in the element's language. */
  fieldMessage(error: FieldError): string {
    return error.messages?.[this.language] || error.messages?.vi || error.message;
  }

  /** Moves focus to an element of the shadow root once it has rendered. */
  protected async focusOn(selector: string) {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName))
      target.setAttribute('tabindex', '-1');
    target.focus();
  }

  /** The live region, always in the DOM so that changes to it are announced. */
  protected liveRegion(): TemplateResult {
    return html`<p class="vh" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>`;
  }

  /** A line that says what is loading, after a spinner; `className` places it (`outcome` takes focus). */
  protected spinning(text: string, className?: string): TemplateResult {
    return html`<p class=${className ?? nothing}>
      <span class="spinner" aria-hidden="true"></span> ${text}
    </p>`;
  }

  /** "Page n of m" with previous and next buttons; nothing for a single page. */
  protected pager(
    page: number,
    pageCount: number,
    go: (page: number) => void
  ): TemplateResult | typeof nothing {
    if (pageCount <= 1) return nothing;
    return html`<nav class="pager" aria-label=${this.t('pager.label')}>
      <button class="secondary" ?disabled=${page <= 1} @click=${() => go(page - 1)}>
        ${this.t('pager.previous')}
      </button>
      <span>${this.t('pager.position', { page, pageCount })}</span>
      <button class="secondary" ?disabled=${page >= pageCount} @click=${() => go(page + 1)}>
        ${this.t('pager.next')}
      </button>
    </nav>`;
  }
}

/**
 * Defines an element once, so that the script and the module (or two copies of either) may share a page. The
 * elements that the page shows are defined at once and render first; the others a task later (Lit prepares a
 * class when it is defined), still in time for a page that adds them.
 */
export function define(name: string, element: CustomElementConstructor) {
  const once = () => {
    if (!customElements.get(name)) customElements.define(name, element);
  };
  if (document.querySelector(name)) once();
  else setTimeout(once);
}
