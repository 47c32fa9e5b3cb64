import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Credential, credentialsApi } from '../api/credentials.api';
import { CredentialDialog } from '../credentials/credential-dialog';

interface EditorResources {
  credentials: Credential[];
  /** Opens "Add a credential"; resolves with the stored one (or null when cancelled). */
  addCredential: () => Promise<Credential | null>;
}

const ResourcesContext = createContext<EditorResources>({ credentials: [], addCredential: async () => null });

/** What the editor reads besides the connector: the workspace's credentials (names only). */
export function EditorResourcesProvider({
  children,
  initial,
}: {
  children: ReactNode;
  initial?: Credential[];
}) {
  const [credentials, setCredentials] = useState<Credential[]>(initial ?? []);
  const [pending, setPending] = useState<((c: Credential | null) => void) | null>(null);

  const load = useCallback(async () => {
    try {
      setCredentials((await credentialsApi.list()).data);
    } catch {
      // Suggestions simply leave credentials out; the auth section says how to add one.
    }
  }, []);
  useEffect(() => {
    if (!initial) void load();
  }, [load, initial]);

  const value = useMemo<EditorResources>(
    () => ({
      credentials,
      addCredential: () => new Promise((resolve) => setPending(() => resolve)),
    }),
    [credentials],
  );

  return (
    <ResourcesContext.Provider value={value}>
      {children}
      {pending ? (
        <CredentialDialog
          onClose={() => {
            pending(null);
            setPending(null);
          }}
          onSaved={(saved) => {
            pending(saved);
            setPending(null);
            void load();
          }}
        />
      ) : null}
    </ResourcesContext.Provider>
  );
}

export function useEditorResources(): EditorResources {
  return useContext(ResourcesContext);
}
