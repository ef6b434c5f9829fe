// The package's library entry (`import { buildApp } from 'port-emulator'`): the app factory and its configuration.
export { buildApp, type App, type AppOptions } from './app.js'
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SETTINGS, defaultConfig, loadConfig, type Config, type ConfigResult } from './config.js'
export { VERSION } from './version.js'
