import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/editor.css';
import './styles/executions.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { SessionProvider } from './session/session-context';
import { applyTheme, initialTheme } from './shell/theme';
import { ToastProvider } from './ui/toast';

applyTheme(initialTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <ToastProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ToastProvider>
    </BrowserRouter>
  </StrictMode>,
);
