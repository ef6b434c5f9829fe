// Blueprints and entities of one organization: plain records in Maps, entities grouped by blueprint.

/** A blueprint as stored and returned: Port's definition plus meta fields. */
export interface StoredBlueprint {
  identifier: string
  title: string
  icon?: string
  description?: string
  schema: { properties: Record<string, Record<string, unknown>>, required?: string[] }
  relations: Record<string, { target: string, title?: string, required?: boolean, many?: boolean, description?: string }>
  mirrorProperties: Record<string, unknown>
  calculationProperties: Record<string, unknown>
  aggregationProperties?: Record<string, unknown>
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  [key: string]: unknown
}

/** An entity as stored and returned. `team` is always an array. */
export interface StoredEntity {
  identifier: string
  title: string | null
  icon: string | null
  blueprint: string
  team: string[]
  properties: Record<string, unknown>
  relations: Record<string, string | string[] | null>
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** Storage only: it never decides a status code and returns `undefined` for "absent". */
export class CatalogStore {
  readonly blueprints = new Map<string, StoredBlueprint>()
  private readonly entities = new Map<string, Map<string, StoredEntity>>()

  entity (blueprint: string, identifier: string): StoredEntity | undefined {
    return this.entities.get(blueprint)?.get(identifier)
  }

  /** Entities of one blueprint, in insertion order. */
  entitiesOf (blueprint: string): IterableIterator<StoredEntity> {
    return (this.entities.get(blueprint) ?? new Map<string, StoredEntity>()).values()
  }

  countOf (blueprint: string): number {
    return this.entities.get(blueprint)?.size ?? 0
  }

  putEntity (entity: StoredEntity): void {
    let byId = this.entities.get(entity.blueprint)
    if (byId === undefined) this.entities.set(entity.blueprint, byId = new Map())
    byId.set(entity.identifier, entity)
  }

  deleteEntity (blueprint: string, identifier: string): boolean {
    return this.entities.get(blueprint)?.delete(identifier) ?? false
  }
}
