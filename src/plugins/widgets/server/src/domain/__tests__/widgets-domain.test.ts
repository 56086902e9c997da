import { WIDGETS, WIDGET_NAMES } from '../catalogue';
import { readEmbedQuery } from '../embed-query';
import { environmentOrigins, frameAncestors, originOf } from '../origins';
import { demoPage, embedPage, escapeHtml } from '../pages';
import { readSettings } from '../settings';
import { cleanTheme, THEME_DEFAULTS, themeDeclarations, themeValue } from '../theme';

describe('origins', () => {
  it('are scheme, host and port only, normalised', () => {
    expect(originOf('HTTPS://Cong.Example.gov.vn/')).toBe('https://cong.example.gov.vn');
    expect(originOf('http://localhost:8080')).toBe('http://localhost:8080');
    expect(originOf('https://a.example:443')).toBe('https://a.example');
    for (const bad of [
      'https://a.example/x',
      'https://a.example?x',
      'https://u:p@a.example',
      'ftp://a',
      '*',
      'a.example',
      '',
    ])
      expect(originOf(bad)).toBeNull();
  });

  it('come from the environment with the invalid entries set apart, and frame the CMS itself', () => {
    expect(environmentOrigins(' https://a.example, ,nope,https://a.example/ ')).toEqual({
      origins: ['https://a.example'],
      invalid: ['nope'],
    });
    expect(frameAncestors([])).toBe("'self'");
    expect(frameAncestors(['https://a.example'])).toBe("'self' https://a.example");
  });
});

describe('the theme', () => {
  it('keeps only values of its shapes, so nothing else reaches a stylesheet', () => {
    expect(themeValue('primary', '#0B5CAD')).toBe('#0b5cad');
    expect(themeValue('primary', 'red')).toBeNull();
    expect(themeValue('radius', '8')).toBe('8px');
    expect(themeValue('radius', '33px')).toBeNull();
    expect(themeValue('font', 'Noto Sans, "Segoe UI"')).toBe('Noto Sans, "Segoe UI"');
    expect(themeValue('font', 'x;}body{')).toBeNull();
    expect(cleanTheme({ primary: '#000000', text: 1, other: '#fff', radius: '4' })).toEqual({
      primary: '#000000',
      radius: '4px',
    });
    expect(themeDeclarations({ primary: '#000000' })).toBe('--tthc-color-primary:#000000;');
  });

  it('has defaults of the same shapes, which the settings could set too', () => {
    expect(cleanTheme(THEME_DEFAULTS)).toEqual(THEME_DEFAULTS);
  });
});

describe('an iframe page’s query', () => {
  it('takes lang, theme and the widget’s attributes, checked', () => {
    expect(
      readEmbedQuery(
        'procedure',
        { lang: 'en', code: '1.012753.H19', theme: 'primary:0b5cad,radius:4' },
        'vi'
      )
    ).toEqual({
      ok: true,
      value: {
        lang: 'en',
        theme: { primary: '#0b5cad', radius: '4px' },
        attributes: { code: '1.012753.H19' },
      },
    });
    expect(readEmbedQuery('feedback-status', { code: 'abcd efgh-ijkl' }, 'vi')).toMatchObject({ ok: true });
  });

  it('reports every problem with its parameter', () => {
    const read = readEmbedQuery(
      'procedure-search',
      { lang: 'fr', 'detail-url': 'javascript:x', code: '1' },
      'en'
    );
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map((e) => e.path[0]).sort()).toEqual(['code', 'detail-url', 'lang']);
  });
});

describe('the settings', () => {
  it('are read whole, origins deduplicated and the theme cleaned', () => {
    expect(
      readSettings(
        {
          allowedOrigins: ['https://a.example/', 'https://A.example'],
          theme: { primary: '#ABCDEF', font: '' },
        },
        'vi'
      )
    ).toEqual({ ok: true, value: { allowedOrigins: ['https://a.example'], theme: { primary: '#abcdef' } } });
  });

  it('refuse other shapes field by field', () => {
    const read = readSettings(
      { allowedOrigins: ['x', 'https://ok.example'], theme: { radius: '40', zz: 1 }, y: 1 },
      'en'
    );
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors.map((e) => e.path.join('.')).sort()).toEqual([
        'allowedOrigins.0',
        'theme.radius',
        'theme.zz',
        'y',
      ]);
    expect(readSettings(null, 'vi').ok).toBe(false);
  });
});

describe('the pages', () => {
  it('escape what they write', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = embedPage({
      name: 'answered-feedback',
      lang: 'vi',
      theme: {},
      attributes: { q: '"><script>' },
    });
    expect(html).toContain(
      '<tthc-answered-feedback lang="vi" q="&quot;&gt;&lt;script&gt;"></tthc-answered-feedback>'
    );
    expect(html).not.toMatch(/<script>[^<]/);
  });

  it('show every widget on the demo page under the department’s name, with the line that embeds it', () => {
    const html = demoPage({
      lang: 'en',
      department: 'Sở <Nông nghiệp>',
      procedure: { code: '1.004359', documentId: 'abc' },
    });
    expect(html).toContain('Sở &lt;Nông nghiệp&gt;');
    for (const name of WIDGET_NAMES) expect(html).toContain(`<${WIDGETS[name].element} lang="en"`);
    expect(html).toContain(
      '<code>&lt;tthc-procedure lang=&quot;en&quot; code=&quot;1.004359&quot;&gt;</code>'
    );
    expect(html).toContain('<tthc-satisfaction-survey lang="en" procedure="abc">');
  });
});
