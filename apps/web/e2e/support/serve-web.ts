import { preview } from 'vite';
import { freePort, WEB_DIR } from './processes';

export interface ServedWeb {
  url: string;
  /** Who serves the app: the API itself, or `vite preview` proxying to it. */
  via: 'api' | 'vite-preview';
  close: () => Promise<void>;
}

/** True when the API serves the built web app (index.html at `/` and, for the SPA, at any other path). */
async function apiServesWeb(apiUrl: string): Promise<boolean> {
  try {
    const [root, deep] = await Promise.all([fetch(`${apiUrl}/`), fetch(`${apiUrl}/connectors/some-id`)]);
    const ok = async (r: Response) => r.ok && (await r.text()).includes('<div id="root">');
    return (await ok(root)) && (await ok(deep));
  } catch {
    return false;
  }
}

/**
 * The built app (`dist/`), from the API when it serves it (DESIGN §2), else from `vite preview` with its
 * proxy to the API, so the browser always talks to one origin.
 */
export async function serveWeb(apiUrl: string): Promise<ServedWeb> {
  if (process.env.E2E_FORCE_PREVIEW !== 'true' && (await apiServesWeb(apiUrl))) {
    return { url: apiUrl, via: 'api', close: async () => {} };
  }
  const port = await freePort();
  const server = await preview({
    root: WEB_DIR,
    configFile: false,
    logLevel: 'warn',
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      proxy: { '/api': { target: apiUrl }, '/healthz': { target: apiUrl } },
    },
  });
  return {
    url: `http://127.0.0.1:${port}`,
    via: 'vite-preview',
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}
