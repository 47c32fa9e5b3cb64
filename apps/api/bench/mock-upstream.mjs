// The benchmark's upstream: HubSpot's three endpoints answered at once, on 127.0.0.1, in its own process
// (as a real upstream would be), so its CPU is not counted as the API's. Prints its base URL on stdout.
import { createServer } from 'node:http';

// A new first name on every answer, so every run really writes its contact (and its history).
let answers = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const u = req.url ?? '';
    const body = u.includes('/search')
      ? { results: [{ id: '501' }] }
      : u.includes('/contacts/')
        ? {
            properties: { firstname: `John ${++answers}`, lastname: 'Smith' },
            associations: { companies: [{ id: '77' }] },
          }
        : { properties: { name: 'Acme Corp', industry: 'Technology' } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
