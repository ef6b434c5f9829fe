import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { addUser } from '../helpers/store-fixtures.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

async function waiting (requiredApproval: unknown): Promise<{ f: RunFixture, id: string }> {
  app = await buildTestApp()
  const f = await seedRuns(app)
  await f.call('POST', '/v1/actions', makeAction({ requiredApproval }))
  return { f, id: await startRun(f, 'scaffold', { properties: { name: 'svc' } }) }
}

describe('approvals', () => {
  it('starts the run on APPROVE with 201 and records the decision in v2', async () => {
    const { f, id } = await waiting(true)
    const response = await f.call('PATCH', `/v1/actions/runs/${id}/approval?version=v2`, { status: 'APPROVE', description: 'LGTM' })
    expect(response.statusCode).toBe(201)
    expect(response.body.run).toMatchObject({ status: 'IN_PROGRESS', approval: { description: 'LGTM', userId: 'demo-client-id', state: 'APPROVED' } })
  })

  it('ends the run as DECLINED with endedAt on DECLINE', async () => {
    const { f, id } = await waiting({ type: 'ANY' })
    const { body } = await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'DECLINE' })
    expect([body.run.status, body.run.endedAt]).toEqual(['DECLINED', '2024-01-01T00:00:00.000Z'])
  })

  it('lets the requester withdraw a waiting run by PATCHing it to FAILURE', async () => {
    const { f, id } = await waiting(true)
    expect((await f.call('PATCH', `/v1/actions/runs/${id}`, { status: 'FAILURE' })).body.run.status).toBe('FAILURE')
  })

  it('waits for every user of the organization when ALL approvers are required', async () => {
    const { f, id } = await waiting({ type: 'ALL' })
    const first = await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'APPROVE' })
    expect(first.body.run.status).toBe('WAITING_FOR_APPROVAL')
  })

  it('lists decided and, on request, pending approvers', async () => {
    const { f, id } = await waiting({ type: 'ALL' })
    addUser(app, { id: 'auth0|second', email: 'second@example.com' })
    await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'APPROVE', description: 'ok' })
    const { body } = await f.call('GET', `/v1/actions/runs/${id}/approvers?include_pending_approvers=true`)
    expect(body).toEqual({
      ok: true,
      approvers: [
        { userId: 'demo-client-id', state: 'APPROVED', description: 'ok' },
        { userId: 'auth0|638879fa62c686d381b36ecb', state: 'PENDING', description: null },
        { userId: 'auth0|second', state: 'PENDING', description: null },
      ],
    })
  })

  it('refuses a second decision by the same approver', async () => {
    const { f, id } = await waiting({ type: 'ALL' })
    await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'APPROVE' })
    expect((await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'APPROVE' })).statusCode).toBe(422)
  })

  it('returns 422 for an unknown decision', async () => {
    const { f, id } = await waiting(true)
    expect((await f.call('PATCH', `/v1/actions/runs/${id}/approval`, { status: 'MAYBE' })).body.message).toContain('body/status')
  })
})
