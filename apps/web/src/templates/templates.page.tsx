import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ConnectorTemplate, templatesApi } from '../api/templates.api';
import { categoryLabel } from '../connectors/categories';
import { EmptyState } from '../ui/empty-state';
import { errorMessage } from '../ui/format';
import { IconKey, IconTemplate } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { useToast } from '../ui/toast';

/** Ready-made connectors; installing one copies it into the workspace and opens it in the editor. */
export function TemplatesPage() {
  const [items, setItems] = useState<ConnectorTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [installing, setInstalling] = useState<string | null>(null);
  const navigate = useNavigate();
  const toast = useToast();

  useEffect(() => {
    templatesApi
      .list()
      .then((page) => setItems(page.data))
      .catch((err) => {
        setError(errorMessage(err));
        setItems([]);
      });
  }, []);

  const install = async (template: ConnectorTemplate) => {
    setInstalling(template.id);
    try {
      const connector = await templatesApi.install(template.id);
      toast.show(`Installed ${connector.name}`, 'success');
      navigate(`/connectors/${connector.id}`);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
      setInstalling(null);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Templates"
        description="Start from a connector someone already built, then adapt it."
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading templates…</PageLoading>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconTemplate size={28} />}
          title="No templates available"
          actions={
            <Link className="btn" to="/connectors?new=1">
              Build from scratch
            </Link>
          }
        >
          The template catalogue is empty on this server. Build a connector from scratch instead.
        </EmptyState>
      ) : (
        <ul className="template-grid">
          {items.map((t) => (
            <li key={t.id} className="card template-card">
              <div className="template-head">
                <span className="connector-icon" aria-hidden="true">
                  {t.icon || '🔌'}
                </span>
                <div>
                  <h2>{t.name}</h2>
                  <span className="badge">{categoryLabel(t.category)}</span>
                  {t.is_featured ? <span className="badge badge-accent">Featured</span> : null}
                </div>
              </div>
              <p className="muted template-desc">{t.description}</p>
              <div className="template-foot">
                <span className="faint">
                  {t.required_credentials.length ? (
                    <>
                      <IconKey /> Needs {t.required_credentials.join(', ')}
                    </>
                  ) : (
                    'No credential needed'
                  )}
                </span>
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  disabled={installing !== null}
                  onClick={() => void install(t)}
                  aria-label={`Install ${t.name}`}
                >
                  {installing === t.id ? <span className="spinner" /> : null}
                  Install
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
