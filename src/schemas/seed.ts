// Schema of seed files: organizations with their credentials, users, secrets, blueprints, actions and entities.
import { Type, type Static } from '@sinclair/typebox'
import { OpenObject } from './common.js'
import { component } from './components.js'

const UserSeed = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, description: 'Defaults to a stable auth0|… id derived from the email' })),
  email: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
}, { additionalProperties: false })

/** One organization of a seed. Blueprint, action and entity bodies are those of Port's API. */
export const OrgSeedSchema = Type.Object({
  id: Type.Optional(Type.String({ pattern: '^org_[A-Za-z0-9]+$', description: 'Defaults to one derived from the client id' })),
  name: Type.Optional(Type.String()),
  clientId: Type.Optional(Type.String({ minLength: 1, description: 'Required, except on the first organization, which defaults to PORT_CLIENT_ID' })),
  clientSecret: Type.Optional(Type.String({ minLength: 1 })),
  users: Type.Optional(Type.Array(UserSeed)),
  secrets: Type.Optional(Type.Record(Type.String(), Type.String())),
  blueprints: Type.Optional(Type.Array(OpenObject, { description: 'Bodies of POST /v1/blueprints' })),
  actions: Type.Optional(Type.Array(OpenObject, {
    description: 'Bodies of POST /v1/actions, or legacy actions (trigger: CREATE/DAY-2/DELETE) with a `blueprint` key',
  })),
  entities: Type.Optional(Type.Array(OpenObject, { description: 'Bodies of POST /v1/blueprints/{blueprint}/entities, with a `blueprint` key' })),
}, { additionalProperties: false })
export type OrgSeed = Static<typeof OrgSeedSchema>

export const SeedSchema = component('Seed', Type.Object({
  organizations: Type.Array(OrgSeedSchema, { minItems: 1 }),
}, { additionalProperties: false }))
export type Seed = Static<typeof SeedSchema>
