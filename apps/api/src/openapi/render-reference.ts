import type { JsonSchema } from './json-schema';
import { escapeHtml, renderSchema, richText } from './render-schema';

type Operation = JsonSchema & { summary: string; tags: string[]; operationId: string };

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;background:#f7f8fa}
header{padding:24px 32px;background:#111827;color:#fff}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#cbd5e1;max-width:900px}
.layout{display:flex;align-items:flex-start}nav{position:sticky;top:0;width:280px;max-height:100vh;overflow:auto;padding:16px;border-right:1px solid #e5e7eb;background:#fff}
nav input{width:100%;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px;margin-bottom:12px}nav h3{font-size:12px;text-transform:uppercase;color:#6b7280;margin:14px 0 4px}
nav a{display:block;color:#1d2330;text-decoration:none;font-size:13px;padding:2px 0}nav a:hover{color:#2563eb}
main{flex:1;padding:24px 32px;max-width:1100px}section.op{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:16px 20px;margin:0 0 18px}
.m{display:inline-block;min-width:62px;text-align:center;font:600 12px monospace;padding:3px 6px;border-radius:5px;color:#fff;margin-right:8px}
.get{background:#2563eb}.post{background:#059669}.put{background:#d97706}.patch{background:#7c3aed}.delete{background:#dc2626}
.path{font:600 14px monospace}h2.tag{margin:28px 0 10px;font-size:18px}h4{margin:14px 0 6px;font-size:13px;text-transform:uppercase;color:#6b7280}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{text-align:left;padding:4px 8px;border-top:1px solid #f0f1f3;vertical-align:top}
code{font:13px monospace;background:#f3f4f6;padding:1px 4px;border-radius:4px}.field{font-weight:600}.req{font-size:11px;color:#b91c1c;margin-left:6px}
.desc{color:#4b5563;font-size:13px}.constraints{color:#6b7280;font-size:12px}ul.fields{list-style:none;padding-left:14px;border-left:2px solid #eef0f3;margin:4px 0}
ul.fields li{margin:4px 0}.status{font:600 13px monospace}pre{background:#0f172a;color:#e2e8f0;padding:10px;border-radius:8px;overflow:auto;font-size:12px}
.auth{font-size:12px;color:#6b7280;margin-left:8px}.hidden{display:none}a.light{color:#93c5fd}header code{background:#1f2937;color:#e5e7eb}td.status{width:60px}
`;

const SCRIPT = `
const box=document.getElementById('filter');
box.addEventListener('input',()=>{const q=box.value.toLowerCase();
for(const el of document.querySelectorAll('[data-search]')){el.classList.toggle('hidden',q!==''&&!el.dataset.search.includes(q));}});
`;

function operationsOf(document: JsonSchema): { method: string; path: string; op: Operation }[] {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(methods)) out.push({ method, path, op });
  }
  return out;
}

function renderParameters(parameters: JsonSchema[] | undefined): string {
  if (!parameters?.length) return '';
  const rows = parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? '<span class="req">required</span>' : ''}</td><td>${escapeHtml(p.in)}</td><td>${renderSchema(p.schema as JsonSchema, 0)}</td><td class="desc">${richText(p.description ?? '')}</td></tr>`,
  );
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${rows.join('')}</table>`;
}

function renderBody(body: JsonSchema | undefined): string {
  const media = (body?.content as Record<string, JsonSchema> | undefined)?.['application/json'];
  if (!media) return '';
  const example = media.example ? `<pre>${escapeHtml(JSON.stringify(media.example, null, 2))}</pre>` : '';
  return `<h4>Request body${body?.required ? '' : ' (optional)'}</h4>${renderSchema(media.schema as JsonSchema)}${example}`;
}

function renderResponses(responses: Record<string, JsonSchema>): string {
  const rows = Object.entries(responses).map(([status, response]) => {
    const content = response.content as Record<string, JsonSchema> | undefined;
    const [type, media] = Object.entries(content ?? {})[0] ?? [];
    const schema = media ? renderSchema(media.schema as JsonSchema, 2) : '';
    return `<tr><td class="status">${escapeHtml(status)}</td><td>${richText(response.description)}${type && type !== 'application/json' ? ` <code>${escapeHtml(type)}</code>` : ''}</td><td>${schema}</td></tr>`;
  });
  return `<h4>Responses</h4><table>${rows.join('')}</table>`;
}

/**
 * The API reference as one self-contained HTML page rendered from the OpenAPI document: no CDN, no
 * external script or font, so it works offline and under a strict Content-Security-Policy (`nonce`).
 */
export function renderReference(document: JsonSchema, nonce: string): string {
  const info = document.info as { title: string; description: string; version: string };
  const tags = (document.tags as { name: string; description: string }[]).map((t) => t.name);
  const ops = operationsOf(document);
  const byTag = tags
    .map((tag) => ({ tag, ops: ops.filter(({ op }) => op.tags[0] === tag) }))
    .filter((g) => g.ops.length);
  const nav = byTag
    .map(
      ({ tag, ops: list }) =>
        `<h3>${escapeHtml(tag)}</h3>${list
          .map(
            ({ method, path, op }) =>
              `<a href="#${escapeHtml(op.operationId)}" data-search="${escapeHtml(`${method} ${path} ${op.summary}`.toLowerCase())}"><span class="m ${method}">${method.toUpperCase()}</span>${escapeHtml(op.summary)}</a>`,
          )
          .join('')}`,
    )
    .join('');
  const sections = byTag
    .map(
      ({ tag, ops: list }) =>
        `<h2 class="tag">${escapeHtml(tag)}</h2>${list
          .map(
            ({
              method,
              path,
              op,
            }) => `<section class="op" id="${escapeHtml(op.operationId)}" data-search="${escapeHtml(`${method} ${path} ${op.summary}`.toLowerCase())}">
<div><span class="m ${method}">${method.toUpperCase()}</span><span class="path">${escapeHtml(path)}</span>${Array.isArray(op.security) && op.security.length === 0 ? '<span class="auth">no auth</span>' : ''}</div>
<p><strong>${escapeHtml(op.summary)}</strong>${op.description ? `<br><span class="desc">${richText(op.description)}</span>` : ''}</p>
${renderParameters(op.parameters as JsonSchema[] | undefined)}${renderBody(op.requestBody as JsonSchema | undefined)}${renderResponses(op.responses as Record<string, JsonSchema>)}
</section>`,
          )
          .join('')}`,
    )
    .join('');
  const schemas = Object.entries((document.components as { schemas: Record<string, JsonSchema> }).schemas)
    .map(
      ([name, schema]) =>
        `<section class="op" id="schema-${escapeHtml(name)}" data-search="${escapeHtml(name.toLowerCase())}"><div class="path">${escapeHtml(name)}</div>${schema.description ? `<p class="desc">${richText(schema.description)}</p>` : ''}${renderSchema(schema, 4)}</section>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title)} reference</title><style nonce="${nonce}">${STYLE}</style></head><body>
<header><h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${richText(info.description)}</p>
<p>Authenticate with the session cookie (sign up or log in) or <code>Authorization: Bearer &lt;API key&gt;</code>. Machine-readable: <a class="light" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></header>
<div class="layout"><nav><input id="filter" type="search" placeholder="Filter routes…" aria-label="Filter routes">${nav}<h3>Schemas</h3>${Object.keys(
    (document.components as { schemas: object }).schemas,
  )
    .map((name) => `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`)
    .join('')}</nav>
<main>${sections}<h2 class="tag">Schemas</h2>${schemas}</main></div><script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}
