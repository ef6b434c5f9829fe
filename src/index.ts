// The package's library entry: `import { startEmulator } from 'port-emulator'` for test suites, plus the app
// factory and configuration for those who serve it themselves.
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './in-process.js'
export { buildApp, type App, type AppOptions } from './app.js'
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SETTINGS, defaultConfig, loadConfig, type Config, type ConfigResult } from './config.js'
export type { Delivery } from './schemas/delivery.js'
export type { Seed } from './schemas/seed.js'
export type { Snapshot } from './store/snapshot.js'
export { portSignature } from './delivery/signing.js'
export { VERSION } from './version.js'
