// The entity-write hook point: every write asks the observer once (with run_id) before changing anything, a refusal
// leaves the catalog untouched, and each changed entity is reported with its before and after.
import { afterEach, describe, expect, it } from 'vitest'
import type { EntityChange, EntityWriteObserver } from '../../src/domain/entity-writes.js'
import { ApiError } from '../../src/errors.js'
import { catalogClient, makeBlueprint, makeEntity, seedEntities, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const svc = '/v1/blueprints/service/entities'

/** An observer that records every call and, when given an error, refuses every write with it. */
function observe (c: Client, refusal?: ApiError): { before: Array<string | undefined>, after: EntityChange[] } {
  const calls = { before: [] as Array<string | undefined>, after: [] as EntityChange[] }
  const observer: EntityWriteObserver = {
    beforeWrite: (_ctx, runId) => {
      calls.before.push(runId)
      if (refusal !== undefined) throw refusal
    },
    afterWrite: (_ctx, _runId, change) => { calls.after.push(change) },
  }
  c.app.emulator.entityWrites = observer
  return calls
}

/** service entities `checkout` (requires domain d1) and `cart`; domain d1. */
async function catalog (): Promise<Client> {
  const c = await catalogClient(makeBlueprint({ identifier: 'domain', schema: { properties: {} } }), makeBlueprint({ relations: { domain: { target: 'domain', required: true } } }))
  await seedEntities(c, 'domain', [{ identifier: 'd1' }])
  await seedEntities(c, 'service', [makeEntity({ relations: { domain: 'd1' } }), makeEntity({ identifier: 'cart', relations: { domain: 'd1' } })])
  return c
}

const snapshot = async (c: Client): Promise<unknown> => [
  (await c.get('/v1/blueprints/service/entities')).json(),
  (await c.get('/v1/blueprints/domain/entities')).json(),
]

type Write = (c: Client) => Promise<{ statusCode: number }>
const writes: Array<[string, Write, number]> = [
  ['POST create', (c) => c.post(`${svc}?run_id=r_1`, makeEntity({ identifier: 'new', relations: { domain: 'd1' } })), 1],
  ['POST upsert+merge', (c) => c.post(`${svc}?upsert=true&merge=true&run_id=r_1`, { identifier: 'checkout', title: 'X' }), 1],
  ['POST creating a missing related entity', (c) => c.post(`${svc}?create_missing_related_entities=true&run_id=r_1`, makeEntity({ identifier: 'n', relations: { domain: 'd9' } })), 2],
  ['bulk create', (c) => c.post(`${svc}/bulk?run_id=r_1`, { entities: [makeEntity({ identifier: 'x', relations: { domain: 'd1' } }), makeEntity({ identifier: 'y', relations: { domain: 'd1' } })] }), 2],
  ['PUT', (c) => c.put(`${svc}/checkout?run_id=r_1`, { title: 'Y', relations: { domain: 'd1' } }), 1],
  ['PATCH', (c) => c.patch(`${svc}/checkout?run_id=r_1`, { title: 'Z' }), 1],
  ['DELETE', (c) => c.delete(`${svc}/checkout?run_id=r_1`), 1],
  ['DELETE with delete_dependents', (c) => c.delete('/v1/blueprints/domain/entities/d1?delete_dependents=true&run_id=r_1'), 3],
  ['bulk delete', (c) => c.post('/v1/blueprints/service/bulk/entities/delete?run_id=r_1', { entities: ['checkout', 'cart'] }), 2],
  ['delete all entities', (c) => c.delete('/v1/blueprints/service/all-entities?run_id=r_1'), 2],
]

describe('the entity-write observer', () => {
  it.each(writes)('%s: a refusal answers with the observer\'s error and changes nothing', async (_case, write) => {
    client = await catalog()
    const before = await snapshot(client)
    observe(client, new ApiError(422, 'run_already_finished', 'The run has ended'))
    const response = await write(client)
    expect(response.statusCode).toBe(422)
    expect(await snapshot(client)).toEqual(before)
  })

  it.each(writes)('%s: asks once with the run_id, then reports each changed entity', async (_case, write, changed) => {
    client = await catalog()
    const calls = observe(client)
    await write(client)
    expect(calls.before).toEqual(['r_1'])
    expect(calls.after).toHaveLength(changed)
  })

  it('reports a create with before null and after the entity as returned', async () => {
    client = await catalog()
    const calls = observe(client)
    const response = await client.post(svc, makeEntity({ identifier: 'new', relations: { domain: 'd1' } }))
    expect(calls.after).toEqual([{ action: 'CREATE', blueprint: 'service', identifier: 'new', before: null, after: response.json().entity }])
  })

  it('reports an update with the entity before and after', async () => {
    client = await catalog()
    const before = (await client.get(`${svc}/checkout`)).json().entity
    const calls = observe(client)
    const response = await client.patch(`${svc}/checkout`, { title: 'Renamed' })
    expect(calls.after).toEqual([{ action: 'UPDATE', blueprint: 'service', identifier: 'checkout', before, after: response.json().entity }])
  })

  it('reports a delete with after null, and dependents deleted with it', async () => {
    client = await catalog()
    const calls = observe(client)
    await client.delete('/v1/blueprints/domain/entities/d1?delete_dependents=true')
    expect(calls.after.map((c) => [c.action, c.identifier, c.after])).toEqual([['DELETE', 'd1', null], ['DELETE', 'checkout', null], ['DELETE', 'cart', null]])
  })

  it('passes undefined as run_id when the write has none', async () => {
    client = await catalog()
    const calls = observe(client)
    await client.patch(`${svc}/checkout`, { title: 'Z' })
    expect(calls.before).toEqual([undefined])
  })

  it('is not asked when the write fails validation, as nothing is written', async () => {
    client = await catalog()
    const calls = observe(client)
    await client.patch(`${svc}/checkout?run_id=r_1`, { properties: { replicas: 'x' } })
    expect(calls).toEqual({ before: [], after: [] })
  })
})
