import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'
import { RUN_STATUSES } from '../../src/schemas/run.js'
import { ApiError } from '../../src/errors.js'
import { DEFAULT_ORG_ID } from '../../src/emulator.js'

let app: TestApp
afterEach(async () => { await app?.close() })

type Start = typeof RUN_STATUSES[number]

/** A run brought to `status` through the API. */
async function runIn (status: Start): Promise<{ f: RunFixture, id: string }> {
  app = await buildTestApp()
  const f = await seedRuns(app)
  await f.call('POST', '/v1/actions', makeAction({ identifier: 'gated', requiredApproval: true }))
  const gated = status === 'WAITING_FOR_APPROVAL' || status === 'DECLINED'
  const id = await startRun(f, gated ? 'gated' : 'create_microservice', gated ? { properties: { name: 'x' } } : undefined)
  if (status === 'SUCCESS' || status === 'FAILURE') await f.call('PATCH', `/v1/actions/runs/${id}`, { status })
  if (status === 'DECLINED') await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'DECLINE' })
  return { f, id }
}

type Op = (f: RunFixture, id: string) => Promise<number>
const ops: Record<string, Op> = {
  'PATCH statusLabel': async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}`, { statusLabel: 'Working' })).statusCode,
  'PATCH SUCCESS': async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}`, { status: 'SUCCESS' })).statusCode,
  'PATCH FAILURE': async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}`, { status: 'FAILURE' })).statusCode,
  'PATCH IN_PROGRESS': async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}`, { status: 'IN_PROGRESS' })).statusCode,
  log: async (f, id) => (await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'hello' })).statusCode,
  'log SUCCESS': async (f, id) => (await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'done', terminationStatus: 'SUCCESS' })).statusCode,
  'log FAILURE': async (f, id) => (await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'done', terminationStatus: 'FAILURE' })).statusCode,
  APPROVE: async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'APPROVE' })).statusCode,
  DECLINE: async (f, id) => (await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'DECLINE' })).statusCode,
  'tie an entity write': async (f, id) => {
    const org = f.app.emulator.orgs.get(DEFAULT_ORG_ID)
    if (org === undefined) throw new Error('no org')
    try {
      f.app.emulator.entityWrites.beforeWrite({ emulator: f.app.emulator, org, actor: { userId: 'x', isMachine: true } }, id)
      return 200
    } catch (error) {
      return (error as ApiError).statusCode
    }
  },
}

/** Written out by hand from Port's documented rules: [HTTP status, run status afterwards]. */
const expected: Record<Start, Record<keyof typeof ops, [number, Start]>> = {
  IN_PROGRESS: {
    'PATCH statusLabel': [200, 'IN_PROGRESS'],
    'PATCH SUCCESS': [200, 'SUCCESS'],
    'PATCH FAILURE': [200, 'FAILURE'],
    'PATCH IN_PROGRESS': [422, 'IN_PROGRESS'],
    log: [201, 'IN_PROGRESS'],
    'log SUCCESS': [201, 'SUCCESS'],
    'log FAILURE': [201, 'FAILURE'],
    APPROVE: [422, 'IN_PROGRESS'],
    DECLINE: [422, 'IN_PROGRESS'],
    'tie an entity write': [200, 'IN_PROGRESS'],
  },
  WAITING_FOR_APPROVAL: {
    'PATCH statusLabel': [200, 'WAITING_FOR_APPROVAL'],
    'PATCH SUCCESS': [422, 'WAITING_FOR_APPROVAL'],
    'PATCH FAILURE': [200, 'FAILURE'],
    'PATCH IN_PROGRESS': [422, 'WAITING_FOR_APPROVAL'],
    log: [201, 'WAITING_FOR_APPROVAL'],
    'log SUCCESS': [422, 'WAITING_FOR_APPROVAL'],
    'log FAILURE': [201, 'FAILURE'],
    APPROVE: [201, 'IN_PROGRESS'],
    DECLINE: [201, 'DECLINED'],
    'tie an entity write': [422, 'WAITING_FOR_APPROVAL'],
  },
  SUCCESS: Object.fromEntries(Object.keys(ops).map((op) => [op, [422, 'SUCCESS']])) as never,
  FAILURE: Object.fromEntries(Object.keys(ops).map((op) => [op, [422, 'FAILURE']])) as never,
  DECLINED: Object.fromEntries(Object.keys(ops).map((op) => [op, [422, 'DECLINED']])) as never,
}

const cases = RUN_STATUSES.flatMap((status) => Object.keys(ops).map((op) => [status, op, ...expected[status][op] as [number, Start]] as const))

describe('run state machine over the API', () => {
  it.each(cases)('from %s, %s answers %i and leaves the run %s', async (status, op, code, after) => {
    const { f, id } = await runIn(status)
    expect(await (ops[op] as Op)(f, id)).toBe(code)
    expect((await f.call('GET', `/v1/actions/runs/${id}`)).body.run.status).toBe(after)
  })

  it('accepts a termination log only once', async () => {
    const { f, id } = await runIn('IN_PROGRESS')
    await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'first', terminationStatus: 'SUCCESS' })
    const second = await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'second', terminationStatus: 'FAILURE' })
    expect(second).toMatchObject({ statusCode: 422, body: { ok: false, message: expect.stringContaining('already ended with status SUCCESS') } })
  })

  it('writes nothing when a log is refused', async () => {
    const { f, id } = await runIn('SUCCESS')
    await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'late' })
    expect((await f.call('GET', `/v1/actions/runs/${id}/logs`)).body.runLogs).toEqual([])
  })

  it('keeps a refused PATCH from changing any field', async () => {
    const { f, id } = await runIn('SUCCESS')
    const before = (await f.call('GET', `/v1/actions/runs/${id}?version=v2`)).body
    await f.call('PATCH', `/v1/actions/runs/${id}`, { statusLabel: 'late', link: 'https://x.example' })
    expect((await f.call('GET', `/v1/actions/runs/${id}?version=v2`)).body).toEqual(before)
  })
})
