import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Connector } from '../../api/connectors.api';
import { EditorCanvas } from '../../editor/canvas/editor-canvas';
import { storeFromConnector } from '../../editor/editor.page';
import { EditorStoreProvider } from '../../editor/store/editor-store';
import { useTheme } from '../../shell/theme';
import { Modal } from '../../ui/modal';

/** A connector's inner graph, read-only, drawn by the connector editor's own canvas. */
export function ConnectorPreviewDialog({
  connector,
  onClose,
}: {
  connector: Connector;
  onClose: () => void;
}) {
  const [theme] = useTheme();
  const store = useMemo(() => {
    try {
      const s = storeFromConnector(connector);
      s.getState().revalidate();
      return s;
    } catch {
      return null;
    }
  }, [connector]);
  return (
    <Modal
      title={`${connector.icon ? `${connector.icon} ` : ''}${connector.name}`}
      description="The steps this connector runs, read-only. Edit them in the connector editor."
      onClose={onClose}
      width={920}
      footer={
        <>
          <Link className="btn" to={`/connectors/${connector.id}`}>
            Open in the editor
          </Link>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      {store ? (
        <div className="fl-preview-canvas">
          <EditorStoreProvider store={store}>
            <ReactFlowProvider>
              <EditorCanvas colorMode={theme} readOnly ariaLabel={`Graph of ${connector.name} (read-only)`} />
            </ReactFlowProvider>
          </EditorStoreProvider>
        </div>
      ) : (
        <p className="muted">This connector's graph cannot be read.</p>
      )}
    </Modal>
  );
}
