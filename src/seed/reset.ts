// Back to the start: the whole emulator, or one organization, exactly as it was once the seed was applied.
import type { App } from '../app.js'
import { errors } from '../errors.js'
import { restoreOrganization, restoreSnapshot, takeSnapshot } from '../store/snapshot.js'
import { applySeed } from './apply.js'

/** Restores the state the seed produced (all organizations, or only `orgId`); returns the ids of those reset. */
export async function resetToSeed (app: App, orgId?: string): Promise<string[]> {
  const { emulator } = app
  if (orgId !== undefined && emulator.orgs.get(orgId) === undefined) throw errors.notFound(`Organization "${orgId}" was not found`)
  const baseline = emulator.baseline ?? await rebuildBaseline(app)
  if (orgId === undefined) restoreSnapshot(emulator.orgs, baseline)
  else {
    const part = baseline.organizations.find((o) => o.organization.id === orgId)
    if (part === undefined) throw errors.notFound(`Organization "${orgId}" is not part of the seed`)
    restoreOrganization(emulator.orgs, part)
  }
  emulator.changed()
  return orgId !== undefined ? [orgId] : emulator.orgs.all().map((o) => o.org.id)
}

/** Without a baseline (the emulator started from a state file): apply the seed afresh and keep the result. */
async function rebuildBaseline (app: App) {
  const { emulator } = app
  emulator.orgs.clear()
  if (emulator.seed === undefined) emulator.orgs.add(emulator.bareOrganization())
  else {
    const problems = await applySeed(app, emulator.seed)
    if (problems.length > 0) throw new Error(`the seed no longer applies: ${problems.join('; ')}`)
  }
  emulator.baseline = takeSnapshot(emulator.orgs)
  return emulator.baseline
}
