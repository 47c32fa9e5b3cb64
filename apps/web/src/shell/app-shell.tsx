import { NavLink, Outlet, useLocation } from 'react-router';
import { useMe, useSession } from '../session/session-context';
import {
  IconApiKey,
  IconConnector,
  IconContacts,
  IconExecutions,
  IconFlow,
  IconKey,
  IconMoon,
  IconSignOut,
  IconSun,
  IconTemplate,
  IconTerminal,
} from '../ui/icons';
import { useTheme } from './theme';
import { WorkspaceSwitcher } from './workspace-switcher';

const NAV = [
  { to: '/connectors', label: 'Connectors', icon: IconConnector },
  { to: '/flows', label: 'Flows', icon: IconFlow },
  { to: '/contacts', label: 'Contacts', icon: IconContacts },
  { to: '/executions', label: 'Executions', icon: IconExecutions },
  { to: '/credentials', label: 'Credentials', icon: IconKey },
  { to: '/api-keys', label: 'API keys', icon: IconApiKey },
  { to: '/templates', label: 'Templates', icon: IconTemplate },
  { to: '/activity', label: 'Activity', icon: IconTerminal },
] as const;

/**
 * The signed-in frame: sidebar (workspace, navigation, theme, account) and the screen. In the editor the
 * sidebar folds to icons so the canvas gets the room.
 */
export function AppShell() {
  const me = useMe();
  const { signOut } = useSession();
  const [theme, toggleTheme] = useTheme();
  const { pathname } = useLocation();
  const compact = /^\/(connectors|flows|flow-runs)\/[^/]+/.test(pathname);
  return (
    <div className={compact ? 'shell shell-compact' : 'shell'}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <WorkspaceSwitcher compact={compact} />
        <nav aria-label="Main" className="nav">
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink key={to} to={to} className="nav-link" title={compact ? label : undefined}>
              <Icon />
              <span className="nav-label">{label}</span>
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-footer">
          <button
            type="button"
            className="nav-link"
            onClick={toggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          >
            {theme === 'dark' ? <IconSun /> : <IconMoon />}
            <span className="nav-label">{theme === 'dark' ? 'Light theme' : 'Dark theme'}</span>
          </button>
          <button
            type="button"
            className="nav-link"
            onClick={() => void signOut()}
            title={`Sign out ${me.user?.email ?? ''}`}
          >
            <IconSignOut />
            <span className="nav-label nav-user">
              <span>Sign out</span>
              <span className="faint">{me.user?.email}</span>
            </span>
          </button>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
