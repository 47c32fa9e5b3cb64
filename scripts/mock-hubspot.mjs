// A local stand-in for the three HubSpot endpoints the seed's connector calls, for trying Connectors
// without a HubSpot account: `node scripts/mock-hubspot.mjs` (port 4010, or MOCK_PORT).
import { createServer } from 'node:http';

const port = Number(process.env.MOCK_PORT ?? 4010);
const companies = { 77: { properties: { name: 'Acme Corp', industry: 'Technology' } } };
const contacts = {
  501: {
    id: '501',
    properties: { firstname: 'John', lastname: 'Smith', email: 'john@acme.com' },
    associations: { companies: [{ id: '77' }] },
  },
};

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, json) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    console.log(`${req.method} ${url.pathname} auth=${req.headers.authorization ? 'yes' : 'no'}`);
    if (!req.headers.authorization?.startsWith('Bearer '))
      return send(401, { message: 'missing bearer token' });
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/contacts/search') {
      const email = JSON.parse(body || '{}').filterGroups?.[0]?.filters?.[0]?.value;
      const found = Object.values(contacts).filter((c) => c.properties.email === email);
      return send(200, { total: found.length, results: found.map((c) => ({ id: c.id })) });
    }
    const contact = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && contact) {
      const found = contacts[decodeURIComponent(contact[1])];
      return found ? send(200, found) : send(404, { message: 'contact not found' });
    }
    const company = /^\/crm\/v3\/objects\/companies\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && company) {
      const found = companies[decodeURIComponent(company[1])];
      return found ? send(200, found) : send(404, { message: 'company not found' });
    }
    send(404, { message: 'no such endpoint' });
  });
}).listen(port, '127.0.0.1', () => console.log(`Mock HubSpot on http://127.0.0.1:${port}`));
