// Applying a seed: organizations are created directly; blueprints, actions and entities go through the API
// itself (app.inject), so a seed is checked by exactly the rules a client's requests are.
import { createHash } from 'node:crypto'
import type { App } from '../app.js'
import type { OrgSeed, Seed } from '../schemas/seed.js'
import type { Organization } from '../store/orgs.js'

type Body = Record<string, unknown>
interface Item { label: string, method: 'POST', url: string, body: Body }

/**
 * Creates the seed's organizations (all of them, or only `onlyOrg`) with their content, replacing organizations
 * with the same id. Returns one message per problem; an empty list means the seed applied cleanly.
 */
export async function applySeed (app: App, seed: Seed, onlyOrg?: string): Promise<string[]> {
  const errors: string[] = []
  const clientIds = new Set<string>()
  for (const [i, orgSeed] of seed.organizations.entries()) {
    const where = `organizations/${i}`
    const org = organization(app, orgSeed, i)
    if (org.clientId === '' || org.clientSecret === '') { errors.push(`${where}: clientId and clientSecret are required`); continue }
    if (clientIds.has(org.clientId)) { errors.push(`${where}/clientId: "${org.clientId}" belongs to another organization`); continue }
    clientIds.add(org.clientId)
    if (onlyOrg !== undefined && org.id !== onlyOrg) continue
    app.emulator.orgs.add(org)
    const token = app.emulator.tokens.issue(org.id, org.clientId).accessToken
    for (const items of [blueprintItems(where, orgSeed), actionItems(where, orgSeed), entityItems(where, orgSeed)]) {
      errors.push(...await applyAll(app, token, items))
    }
  }
  return errors
}

function organization (app: App, seed: OrgSeed, index: number): Organization {
  const first = index === 0
  const clientId = seed.clientId ?? (first ? app.emulator.config.clientId : '')
  return {
    id: seed.id ?? `org_${digest(clientId).slice(0, 16)}`,
    name: seed.name ?? `Organization ${index + 1}`,
    clientId,
    clientSecret: seed.clientSecret ?? (first ? app.emulator.config.clientSecret : ''),
    users: (seed.users ?? []).map((u) => ({ ...u, id: u.id ?? `auth0|${digest(u.email.toLowerCase()).slice(0, 24)}` })),
    secrets: { ...(first ? app.emulator.config.orgSecrets : {}), ...seed.secrets },
  }
}

function blueprintItems (where: string, seed: OrgSeed): Item[] {
  return (seed.blueprints ?? []).map((body, j) => ({ label: `${where}/blueprints/${j} (${String(body.identifier)})`, method: 'POST', url: '/v1/blueprints', body }))
}

function actionItems (where: string, seed: OrgSeed): Item[] {
  return (seed.actions ?? []).map(({ blueprint, ...body }, j) => {
    const legacy = typeof body.trigger === 'string'
    const url = legacy ? `/v1/blueprints/${encodeURIComponent(String(blueprint))}/actions` : '/v1/actions'
    return { label: `${where}/actions/${j} (${String(body.identifier)})`, method: 'POST', url, body }
  })
}

function entityItems (where: string, seed: OrgSeed): Item[] {
  return (seed.entities ?? []).map(({ blueprint, ...body }, j) => ({
    label: `${where}/entities/${j} (${String(body.identifier)})`,
    method: 'POST',
    url: `/v1/blueprints/${encodeURIComponent(String(blueprint))}/entities`,
    body,
  }))
}

/** Posts every item; those that fail are retried while others succeed (an entity may need one defined later). */
async function applyAll (app: App, token: string, items: Item[]): Promise<string[]> {
  let pending = items
  for (;;) {
    const failed: Array<Item & { message: string }> = []
    for (const item of pending) {
      const response = await app.inject({ method: item.method, url: item.url, payload: item.body, headers: { authorization: `Bearer ${token}` } })
      if (response.statusCode >= 300) failed.push({ ...item, message: response.json<{ message?: string }>().message ?? response.body })
    }
    if (failed.length === 0) return []
    if (failed.length === pending.length) return failed.map((f) => `${f.label}: ${f.message}`)
    pending = failed
  }
}

function digest (text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
