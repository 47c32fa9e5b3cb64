import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state';
import { IconFlow } from '../ui/icons';
import { PageHeader } from '../ui/page-header';

/** The Flow Builder arrives with its own issue; until then this screen says what it will be and what to do now. */
export function FlowsPage() {
  return (
    <div className="page">
      <PageHeader title="Flows" description="Automations over your contacts, built from connectors." />
      <EmptyState
        icon={<IconFlow size={28} />}
        title="Flows are not available yet"
        actions={
          <Link className="btn btn-primary" to="/connectors">
            Build a connector
          </Link>
        }
      >
        <p>
          A flow will start when a contact is created or updated and run your connectors on it, one after
          another or side by side. Flows are built from connectors, so start there: every connector you build
          now becomes a node you can drop into a flow.
        </p>
      </EmptyState>
    </div>
  );
}
