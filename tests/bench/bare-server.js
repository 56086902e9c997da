/**
 * The ceiling of a cached read, in its own process as Strapi is (tests/bench/server.js), so that it does not share
 * the load generator's event loop: the bytes of BARE_BODY_FILE as JSON with an ETag. Prints "listening <port>".
 */
const fs = require('fs');
const http = require('http');

const body = fs.readFileSync(process.env.BARE_BODY_FILE);
const port = Number(process.env.PORT);
http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: '"x"' });
    res.end(body);
  })
  .listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
