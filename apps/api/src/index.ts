export { type AppType, createApp } from './app';
export type { AppContext, AppEnv, AuthContext } from './app-context';
export { type AppConfig, loadConfig } from './config';
