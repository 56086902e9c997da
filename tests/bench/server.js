/**
 * A production-mode Strapi for benchmarks, in its own process so that the load generator does not share its
 * event loop. Configuration comes from the environment the benchmark sets. Prints "listening <port>".
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');

createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .then((strapi) => console.log(`listening ${strapi.config.get('server.port')}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
