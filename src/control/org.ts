// Which organization a control-plane request is about: named, found through a run, or the default one.
import { DEFAULT_ORG_ID, type Emulator } from '../emulator.js'
import { errors } from '../errors.js'
import type { OrgStore } from '../store/orgs.js'

/** The organization `orgId`, else the one holding `runId`, else the default (first) organization; 404 if named but absent. */
export function orgFor (emulator: Emulator, orgId: string | undefined, runId?: string): OrgStore {
  if (orgId !== undefined) {
    const org = emulator.orgs.get(orgId)
    if (org === undefined) throw errors.notFound(`Organization "${orgId}" was not found`)
    return org
  }
  const all = emulator.orgs.all()
  const holder = runId === undefined ? undefined : all.find((o) => o.runs.get(runId) !== undefined)
  const org = holder ?? emulator.orgs.get(DEFAULT_ORG_ID) ?? all[0]
  if (org === undefined) throw errors.notFound('There is no organization')
  return org
}
