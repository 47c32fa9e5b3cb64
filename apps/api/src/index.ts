export { type AppType, createApp } from './app';
export type { AppContext, AppEnv, AuthContext } from './app-context';
export { type AppRuntime, type AppRuntimeOptions, createAppRuntime } from './app-runtime';
export { type AppConfig, loadConfig } from './config';
