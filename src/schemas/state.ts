// Schemas of the control plane's state routes: snapshots and reset.
import { Type } from '@sinclair/typebox'
import { OpenObject } from './common.js'
import { component } from './components.js'

const Records = Type.Array(OpenObject)

/** A complete export of the emulator's state (GET /_emulator/state), importable with PUT. */
export const SnapshotSchema = component('Snapshot', Type.Object({
  format: Type.Literal('port-emulator-state'),
  version: Type.Literal(1, { description: 'Snapshots of another version are refused' }),
  organizations: Type.Array(Type.Object({
    organization: Type.Object({
      id: Type.String({ minLength: 1 }),
      name: Type.String(),
      clientId: Type.String({ minLength: 1 }),
      clientSecret: Type.String({ minLength: 1 }),
      users: Type.Array(Type.Object({ id: Type.String(), email: Type.String(), firstName: Type.Optional(Type.String()), lastName: Type.Optional(Type.String()) })),
      secrets: Type.Record(Type.String(), Type.String()),
    }),
    blueprints: Records,
    entities: Records,
    actions: Records,
    runs: Records,
    logs: Records,
    audit: Records,
    deliveries: Records,
  })),
}))

export const ResetBodySchema = Type.Object({
  org: Type.Optional(Type.String({ description: 'Reset only this organization (its id); all of them when absent' })),
}, { additionalProperties: false })

export const ResetResponseSchema = Type.Object({ ok: Type.Literal(true), organizations: Type.Array(Type.String()) })
