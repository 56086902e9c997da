// jest resolver of the api project. It runs the compiled app from dist/, and its test files also import modules
// from src/. A short import name (#domain/…) resolves in the tree of the file that asks: from dist/ through
// package.json "imports", as Node does in production (so the app never loads a second copy of a module from src/);
// from src/ or tests/ to the sources, with the unit project's moduleNameMapper.
const path = require('path');
const { jest } = require('../../package.json');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist') + path.sep;
const mapper = Object.entries(
  jest.projects.find((project) => project.displayName === 'unit').moduleNameMapper
);

module.exports = (request, options) => {
  if (request.startsWith('#') && !(options.basedir + path.sep).startsWith(dist)) {
    for (const [pattern, target] of mapper) {
      const match = new RegExp(pattern).exec(request);
      if (match) {
        const file = target.replace('<rootDir>', root).replace(/\$(\d)/g, (_, i) => match[Number(i)]);
        return options.defaultResolver(file, options);
      }
    }
  }
  return options.defaultResolver(request, options);
};
