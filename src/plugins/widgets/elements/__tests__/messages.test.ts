import fs from 'fs';
import path from 'path';

const I18N = path.join(__dirname, '..', 'i18n');
const files = fs.readdirSync(I18N).filter((file) => file.endsWith('.vi.json'));
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Record<string, string>;

describe("the widgets' messages", () => {
  it.each(files)('%s has the same keys in English, none empty', (file) => {
    const vi = read(file);
    const en = read(file.replace('.vi.json', '.en.json'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)])
      expect({ key, empty: !String(text).trim() }).toEqual({ key, empty: false });
  });

  it('are each used by the code, and no key is in two files', () => {
    const source = (dir: string): string =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .map((entry) =>
          entry.isDirectory()
            ? entry.name === '__tests__'
              ? ''
              : source(path.join(dir, entry.name))
            : entry.name.endsWith('.ts')
              ? fs.readFileSync(path.join(dir, entry.name), 'utf8')
              : ''
        )
        .join('\n');
    const code = source(path.join(__dirname, '..'));
    const seen = new Map<string, string>();
    for (const file of files)
      for (const key of Object.keys(read(file))) {
        expect({ key, twice: seen.get(key) }).toEqual({ key, twice: undefined });
        seen.set(key, file);
      }
    // A key is used whole, or built by a template such as `feedback.${field}.required`.
    const templates = [...code.matchAll(/`([\w.]*\$\{[^}`]+\}[\w.${}]*)`/g)].map(
      ([, template]) =>
        new RegExp(
          `^${template
            .split(/\$\{[^}]+\}/)
            .map((part) => part.replace(/\./g, '\\.'))
            .join('[\\w-]+')}$`
        )
    );
    const unused = [...seen.keys()].filter(
      (key) => !code.includes(`'${key}'`) && !templates.some((template) => template.test(key))
    );
    expect(unused).toEqual([]);
  });
});
