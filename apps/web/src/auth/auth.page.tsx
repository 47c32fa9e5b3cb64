import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/session-context';
import { errorMessage } from '../ui/format';
import { IconConnector } from '../ui/icons';
import { ErrorAlert } from '../ui/page-state';

/** Sign in and sign up share one form; the route decides which. */
export function AuthPage({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const { signIn, signUp } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === 'sign-up';
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => emailRef.current?.focus(), []);
  const from = (location.state as { from?: string } | null)?.from ?? '/connectors';

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await (signingUp ? signUp(email, password) : signIn(email, password));
      navigate(from, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <form className="auth-card card" onSubmit={onSubmit} aria-labelledby="auth-title">
        <div className="auth-logo" aria-hidden="true">
          <IconConnector size={20} />
        </div>
        <h1 id="auth-title">{signingUp ? 'Create your account' : 'Sign in to Connectors'}</h1>
        <p className="muted">
          {signingUp
            ? 'Build chains of API calls on a canvas and enrich your contacts with them.'
            : 'Welcome back. Pick up where you left off.'}
        </p>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <div className="field">
          <label className="field-label" htmlFor="auth-email">
            E-mail
          </label>
          <input
            id="auth-email"
            className="input"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            ref={emailRef}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="auth-password">
            Password
          </label>
          <input
            id="auth-password"
            className="input"
            type="password"
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            aria-describedby={signingUp ? 'auth-password-hint' : undefined}
          />
          {signingUp ? (
            <span id="auth-password-hint" className="field-hint">
              At least 8 characters.
            </span>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
          {busy ? <span className="spinner" /> : null}
          {signingUp ? 'Create account' : 'Sign in'}
        </button>
        <p className="auth-switch muted">
          {signingUp ? 'Already have an account? ' : 'New to Connectors? '}
          <Link to={signingUp ? '/signin' : '/signup'} state={location.state}>
            {signingUp ? 'Sign in' : 'Create an account'}
          </Link>
        </p>
      </form>
    </div>
  );
}
