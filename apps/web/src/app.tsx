import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiKeysPage } from './api-keys/api-keys.page';
import { AuditPage } from './audit/audit.page';
import { AuthPage } from './auth/auth.page';
import { ConnectorsPage } from './connectors/connectors.page';
import { ContactDetailPage } from './contacts/contact-detail.page';
import { ContactsPage } from './contacts/contacts.page';
import { CredentialsPage } from './credentials/credentials.page';
import { ComparePage } from './executions/compare.page';
import { ExecutionsPage } from './executions/executions.page';
import { FlowsPage } from './flows/flows.page';
import { useSession } from './session/session-context';
import { AppShell } from './shell/app-shell';
import { NotFoundPage } from './shell/not-found.page';
import { TemplatesPage } from './templates/templates.page';

// The editor (React Flow, dagre) is the heaviest screen: loaded when first opened.
const EditorPage = lazy(() => import('./editor/editor.page').then((m) => ({ default: m.EditorPage })));
// The run view draws on the same canvas: loaded with it, when first opened.
const RunViewPage = lazy(() =>
  import('./executions/run-view.page').then((m) => ({ default: m.RunViewPage })),
);

// The Flow Builder and a flow run's view draw on the editor's canvas: loaded with it, when first opened.
const FlowBuilderPage = lazy(() =>
  import('./flows/flow-builder.page').then((m) => ({ default: m.FlowBuilderPage })),
);
const FlowRunPage = lazy(() => import('./flows/run/flow-run.page').then((m) => ({ default: m.FlowRunPage })));

function Loading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" /> Loading…
    </div>
  );
}

/** Screens behind sign-in send the user to /signin and back to where they were going. */
function RequireSession({ children }: { children: React.ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') {
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

/** Sign-in and sign-up, for the signed out; once signed in, on to where the user was going. */
function GuestOnly({ children }: { children: React.ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-in') {
    // The same target as the form's own navigate: this redirect renders first once signed in.
    const from = (location.state as { from?: string } | null)?.from ?? '/connectors';
    return <Navigate to={from} replace />;
  }
  return <>{children}</>;
}

/** Every screen has its own URL. */
export function App() {
  return (
    <Routes>
      <Route
        path="/signin"
        element={
          <GuestOnly>
            <AuthPage mode="sign-in" />
          </GuestOnly>
        }
      />
      <Route
        path="/signup"
        element={
          <GuestOnly>
            <AuthPage mode="sign-up" />
          </GuestOnly>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/connectors" replace />} />
        <Route path="/connectors" element={<ConnectorsPage />} />
        <Route
          path="/connectors/:id"
          element={
            <Suspense fallback={<Loading />}>
              <EditorPage />
            </Suspense>
          }
        />
        <Route path="/flows" element={<FlowsPage />} />
        <Route
          path="/flows/:id"
          element={
            <Suspense fallback={<Loading />}>
              <FlowBuilderPage />
            </Suspense>
          }
        />
        <Route
          path="/flow-runs/:id"
          element={
            <Suspense fallback={<Loading />}>
              <FlowRunPage />
            </Suspense>
          }
        />
        <Route path="/contacts" element={<ContactsPage />} />
        <Route path="/contacts/:id" element={<ContactDetailPage />} />
        <Route path="/executions" element={<ExecutionsPage />} />
        <Route path="/executions/compare" element={<ComparePage />} />
        <Route
          path="/executions/:id"
          element={
            <Suspense fallback={<Loading />}>
              <RunViewPage />
            </Suspense>
          }
        />
        <Route path="/credentials" element={<CredentialsPage />} />
        <Route path="/api-keys" element={<ApiKeysPage />} />
        <Route path="/templates" element={<TemplatesPage />} />
        <Route path="/activity" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
