import { createContext, useContext } from 'react';

/** Lets a connector node on the canvas ask its screen to show the connector's inner graph. */
export const FlowPreviewContext = createContext<(connectorId: string) => void>(() => {});

export function usePreviewConnector(): (connectorId: string) => void {
  return useContext(FlowPreviewContext);
}
