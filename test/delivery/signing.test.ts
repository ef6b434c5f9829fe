import { describe, expect, it } from 'vitest'
import { portSignature } from '../../src/delivery/signing.js'

// Port's execution agent's own fixture (tests/unit/processors/kafka/conftest.py, webhook_run_payload + "headers": {}).
const agentMessage = {
  action: 'Create',
  resourceType: 'run',
  status: 'TRIGGERED',
  trigger: { by: { orgId: 'test_org', userId: 'test_user' }, origin: 'UI', at: '2022-11-16T16:31:32.447Z' },
  context: { entity: null, blueprint: 'Service', runId: 'r_jE5FhDURh4Uen2Qr' },
  payload: {
    entity: null,
    action: {
      id: 'action_34aweFQtayw7SCVb',
      identifier: 'Create',
      title: 'Create',
      icon: 'DefaultBlueprint',
      userInputs: { properties: { foo: { type: 'string', description: 'Description' }, bar: { type: 'number', description: 'Description' } }, required: [] },
      invocationMethod: { type: 'WEBHOOK', agent: true, url: 'http://localhost:80/api/test' },
      trigger: 'CREATE',
      description: '',
      blueprint: 'Service',
      createdAt: '2022-11-15T09:58:52.863Z',
      createdBy: 'test_user',
      updatedAt: '2022-11-15T09:58:52.863Z',
      updatedBy: 'test_user',
    },
    properties: {},
  },
  headers: {},
}

describe('portSignature', () => {
  it("matches the known vector of Port's execution agent", () => {
    expect(portSignature('test', '1713277889', JSON.stringify(agentMessage))).toBe('v1,uuBMfcio3oscejO5bOtL97K1AmiZjxDvou7sChjMNeE=')
  })

  it('matches the reference vector for a template body', () => {
    const body = '{"port_context":{"runId":"r_QOz6WoOB1Q2lmhZZ"},"name":"my-service"}'
    expect(portSignature('my-client-secret', '1700000000', body)).toBe('v1,Jy/vSsY0wL7G7fG0z09zGS2zML5reAgsLmJTqLkeG6s=')
  })

  it('changes with a single byte of the body', () => {
    expect(portSignature('s', '1', '{"a":1}')).not.toBe(portSignature('s', '1', '{"a":2}'))
  })
})
