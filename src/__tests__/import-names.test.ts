import fs from 'fs';
import path from 'path';

/**
 * The short import names (#domain/…, #oversight/…) are declared once per tool: Node's package.json "imports"
 * (compiled dist), the tsconfig `paths` (typecheck; the admin's also feed the Vite build) and jest's
 * moduleNameMapper (unit and admin tests). A name missing from one of them fails in that tool only, late and
 * far from the cause, so this test keeps them in step.
 */
const root = path.join(__dirname, '..', '..');
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const pkg = json('package.json');
const serverPaths: Record<string, string[]> = json('tsconfig.json').compilerOptions.paths;
const adminPaths: Record<string, string[]> = json('src/admin/tsconfig.json').compilerOptions.paths;

/** name ("#domain") → folder under src ("domain"), from tsconfig.json. */
const serverNames = Object.entries(serverPaths).map(([name, [target]]) => {
  const folder = /^\.\/src\/(.+)\/\*$/.exec(target)?.[1];
  expect(folder).toBeDefined();
  return [name.replace(/\/\*$/, ''), folder as string] as const;
});

describe('import names', () => {
  it('name a folder under src, and every plugin has one for its server', () => {
    expect(serverNames.map(([name]) => name)).toEqual(
      expect.arrayContaining(['#domain', '#infra', '#utils'])
    );
    const plugins = fs
      .readdirSync(path.join(root, 'src/plugins'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const plugin of plugins) {
      expect(serverNames).toContainEqual([`#${plugin}`, `plugins/${plugin}/server/src`]);
    }
  });

  it('resolve at run time to the compiled dist, through package.json "imports"', () => {
    const expected = Object.fromEntries(
      serverNames.map(([name, folder]) => [`${name}/*`, `./dist/src/${folder}/*.js`])
    );
    expect(pkg.imports).toEqual(expected);
    // A package.json inside dist would be the nearest package scope of the files below it and hide "imports".
    expect(json('tsconfig.json').exclude).toContain('src/plugins/*/package.json');
  });

  it('resolve the same in the admin typecheck and build, which add #admin', () => {
    const expected = {
      '#admin/*': ['./*'],
      ...Object.fromEntries(serverNames.map(([name, folder]) => [`${name}/*`, [`../${folder}/*`]])),
    };
    expect(adminPaths).toEqual(expected);
  });

  it.each(['unit', 'admin'])('resolve to the sources in the %s tests', (project) => {
    const { moduleNameMapper } = pkg.jest.projects.find(
      (p: { displayName: string }) => p.displayName === project
    );
    const map = (request: string) => {
      for (const [pattern, target] of Object.entries<string>(moduleNameMapper)) {
        const match = new RegExp(pattern).exec(request);
        if (match) return target.replace(/\$(\d)/g, (_, i) => match[Number(i)]);
      }
      return undefined;
    };
    for (const [name, folder] of [...serverNames, ['#admin', 'admin'] as const]) {
      expect(map(`${name}/some/module`)).toBe(`<rootDir>/src/${folder}/some/module`);
    }
  });
});
