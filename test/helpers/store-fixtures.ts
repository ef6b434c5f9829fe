// Puts blueprints, entities and users straight into an app's default organization, for tests of other rooms.
import type { App } from '../../src/app.js'
import { DEFAULT_ORG_ID } from '../../src/emulator.js'
import type { StoredBlueprint, StoredEntity } from '../../src/store/catalog.js'
import type { OrgUser } from '../../src/store/orgs.js'
import { microserviceBlueprint } from './seed-doc.js'

const META = { createdAt: '2024-01-01T00:00:00.000Z', createdBy: 'seed', updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: 'seed' }

function org (app: App) {
  const store = app.emulator.orgs.get(DEFAULT_ORG_ID)
  if (store === undefined) throw new Error('no default organization')
  return store
}

/** Stores a blueprint (default: the seed's `microservice`). */
export function putBlueprint (app: App, blueprint: Partial<StoredBlueprint> = {}): StoredBlueprint {
  const stored = { ...structuredClone(microserviceBlueprint), ...META, ...blueprint } as StoredBlueprint
  org(app).catalog.blueprints.set(stored.identifier, stored)
  return stored
}

/** Stores an entity of `microservice` (default: the seed's `my-microservice`). */
export function putEntity (app: App, entity: Partial<StoredEntity> = {}): StoredEntity {
  const stored: StoredEntity = {
    identifier: 'my-microservice',
    title: 'my-microservice',
    icon: null,
    blueprint: 'microservice',
    team: [],
    properties: { region: 'eu-west-1' },
    relations: {},
    ...META,
    ...entity,
  }
  org(app).catalog.putEntity(stored)
  return stored
}

/** The seed's user, `test@test.com` (auth0|638879fa62c686d381b36ecb). */
export const seedUser: OrgUser = { id: 'auth0|638879fa62c686d381b36ecb', email: 'test@test.com', firstName: 'test', lastName: 'test' }

export function addUser (app: App, user: OrgUser = seedUser): OrgUser {
  org(app).org.users.push(user)
  return user
}
