// Bringing an emulator to its starting state: the seed (a file or the embedded one), or the state file when
// one exists. Used by the command line and the in-process API alike.
import type { App } from './app.js'
import { applySeed } from './seed/apply.js'
import { defaultSeed } from './seed/default-seed.js'
import { readSeedFile } from './seed/read.js'
import { loadStateFile, StateFile } from './seed/state-file.js'
import type { Seed } from './schemas/seed.js'
import { restoreSnapshot, takeSnapshot } from './store/snapshot.js'

export type Initialised = { ok: true, source: string } | { ok: false, errors: string[] }

/**
 * Loads the seed and the state file, then marks the emulator ready. `seed` overrides the configured seed file
 * (the in-process API passes objects). Every problem is reported; nothing is saved over a state file it could
 * not read.
 */
export async function initialise (app: App, seed?: Seed | string): Promise<Initialised> {
  const { emulator } = app
  const { config } = emulator
  const file = typeof seed === 'string' ? seed : config.seedFile
  let chosen: Seed
  if (typeof seed === 'object') chosen = seed
  else if (file === '') chosen = defaultSeed(config.clientId, config.clientSecret, config.orgSecrets)
  else {
    const read = await readSeedFile(file)
    if ('errors' in read) return { ok: false, errors: read.errors }
    chosen = read.seed
  }
  emulator.seed = chosen
  const source = typeof seed === 'object' ? 'given object' : file === '' ? 'embedded default' : file
  if (config.stateFile !== '') {
    let snapshot
    try {
      snapshot = await loadStateFile(config.stateFile)
    } catch (error) {
      return { ok: false, errors: [(error as Error).message] }
    }
    if (snapshot !== undefined) {
      restoreSnapshot(emulator.orgs, snapshot)
      emulator.baseline = undefined
      watch(app)
      emulator.ready = true
      return { ok: true, source: `state file ${config.stateFile}` }
    }
  }
  emulator.orgs.clear()
  const errors = await applySeed(app, chosen)
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => `${source}: ${e}`) }
  emulator.baseline = takeSnapshot(emulator.orgs)
  if (config.stateFile !== '') watch(app)
  emulator.ready = true
  emulator.changed()
  return { ok: true, source }
}

function watch (app: App): void {
  const stateFile = new StateFile(app.emulator.config.stateFile, app.emulator.orgs, app.emulator.log)
  app.emulator.onChange = () => stateFile.changed()
  app.emulator.persistence = stateFile
}
