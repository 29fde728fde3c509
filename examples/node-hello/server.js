// A zeroscale function in Node.js: any program that serves HTTP on $PORT is a function.
// No dependencies; run it alone with: PORT=18080 node examples/node-hello/server.js
const http = require('http');

const port = Number(process.env.PORT || 8080);
const replica = process.env.ZEROSCALE_REPLICA || 'unknown';

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Replica', replica);
    res.end(body ? body : `hello from node on zeroscale (${replica})`);
  });
});

server.listen(port, () => console.log(`node-hello listening port=${port} replica=${replica}`));

// Drain on SIGTERM: stop accepting, let in-flight requests finish, then exit.
process.on('SIGTERM', () => {
  console.log(`node-hello stopping replica=${replica}`);
  server.close(() => process.exit(0));
});
