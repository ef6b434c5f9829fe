import { describe, expect, it } from 'vitest'
import { fromLegacy } from '../../src/domain/action-views.js'
import { invocationBody } from '../../src/domain/invocation-body.js'
import type { LegacyActionBody } from '../../src/schemas/legacy-action.js'
import type { StoredAction } from '../../src/store/actions.js'
import type { StoredEntity } from '../../src/store/catalog.js'
import type { StoredRun } from '../../src/store/runs.js'
import { createInvocationBody, createMicroservice, day2InvocationBody, deployMicroservice } from '../helpers/seed-doc.js'

function action (body: Record<string, unknown>, meta: { id: string, at: string }): StoredAction {
  const by = 'auth0|638879fa62c686d381b36ecb'
  return { ...fromLegacy('microservice', body as LegacyActionBody), id: meta.id, legacy: true, createdAt: meta.at, createdBy: by, updatedAt: meta.at, updatedBy: by }
}

function run (seed: typeof createInvocationBody, entity: StoredRun['entity']): StoredRun {
  return {
    id: seed.context.runId,
    status: 'IN_PROGRESS',
    statusLabel: null,
    action: { identifier: seed.action, title: null, icon: null },
    blueprint: { identifier: 'microservice', title: 'Service', icon: 'Microservice' },
    entity,
    properties: seed.payload.properties,
    source: 'UI',
    requiredApproval: false,
    approvals: [],
    payload: null,
    endedAt: null,
    createdAt: seed.trigger.at,
    updatedAt: seed.trigger.at,
    createdBy: seed.trigger.by.userId,
    updatedBy: seed.trigger.by.userId,
    trigger: seed.trigger as StoredRun['trigger'],
  }
}

describe('invocationBody', () => {
  it("reproduces the seed's CREATE invocation body exactly", () => {
    const a = action(createMicroservice, { id: 'action_ed2B0O9CbEYkuqvN', at: '2022-12-07T09:48:28.659Z' })
    expect(invocationBody(a, run(createInvocationBody, null), null)).toEqual(createInvocationBody)
  })

  it("reproduces the seed's DAY-2 invocation body exactly, entity included", () => {
    const a = action(deployMicroservice, { id: 'action_AOLZfMmE3YUeBlMt', at: '2022-12-08T10:05:54.935Z' })
    const entity = { ...day2InvocationBody.payload.entity, team: [] } as StoredEntity
    const r = run(day2InvocationBody as unknown as typeof createInvocationBody, { identifier: 'my-microservice', title: 'my-microservice', icon: null })
    expect(invocationBody(a, r, entity)).toEqual(day2InvocationBody)
  })

  it('keeps the key order of the seed, so the signed bytes read like Port\'s', () => {
    const a = action(createMicroservice, { id: 'action_ed2B0O9CbEYkuqvN', at: '2022-12-07T09:48:28.659Z' })
    expect(JSON.stringify(invocationBody(a, run(createInvocationBody, null), null))).toBe(JSON.stringify(createInvocationBody))
  })
})
