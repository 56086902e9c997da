// Strapi loads a local plugin's server entry only as JavaScript (a .ts entry silently becomes {}): this shim
// hands it the TypeScript server that the app build compiles into dist/.
module.exports = require('../../../dist/src/plugins/widgets/server/src').default;
