// Blueprints and entities of one organization: plain records in Maps, entities grouped by blueprint,
// plus a relation index (who points at whom) kept in step with every put and delete.

/** A relation definition as stored on a blueprint. */
export interface StoredRelation {
  target: string
  title?: string
  required?: boolean
  many?: boolean
  description?: string
}

/** A blueprint as stored and returned: Port's definition plus meta fields. */
export interface StoredBlueprint {
  identifier: string
  title: string
  icon?: string
  description?: string
  schema: { properties: Record<string, Record<string, unknown>>, required?: string[] }
  relations: Record<string, StoredRelation>
  mirrorProperties: Record<string, unknown>
  calculationProperties: Record<string, unknown>
  aggregationProperties?: Record<string, unknown>
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  [key: string]: unknown
}

/**
 * An entity as stored and returned. `team` is always an array. Stored records are never mutated.
 * (A type alias, not an interface, so it is assignable to `Record<string, unknown>`.)
 */
export type StoredEntity = {
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

/** Where an entity lives. */
export interface EntityRef {
  blueprint: string
  identifier: string
}

/** One relation value: `from` points at `to` through `from`'s relation `relation`. */
export interface RelationEdge {
  from: EntityRef
  to: EntityRef
  relation: string
}

/** The Map key of an entity: blueprint and identifier, which cannot contain NUL. */
export function refKey (blueprint: string, identifier: string): string {
  return `${blueprint}\u0000${identifier}`
}

const NO_EDGES: readonly RelationEdge[] = []

/** Storage only: it never decides a status code and returns `undefined` for "absent". */
export class CatalogStore {
  readonly blueprints = new Map<string, StoredBlueprint>()
  private readonly entities = new Map<string, Map<string, StoredEntity>>()
  private readonly edgesOut = new Map<string, RelationEdge[]>()
  private readonly edgesIn = new Map<string, Set<RelationEdge>>()

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

  /**
   * Stores (or replaces) an entity and re-indexes its relations against its blueprint's relation targets, so the
   * blueprint (and its relations' targets) must be stored first, also when restoring a snapshot.
   */
  putEntity (entity: StoredEntity): void {
    let byId = this.entities.get(entity.blueprint)
    if (byId === undefined) this.entities.set(entity.blueprint, byId = new Map())
    byId.set(entity.identifier, entity)
    this.unindex(entity.blueprint, entity.identifier)
    this.index(entity)
  }

  deleteEntity (blueprint: string, identifier: string): boolean {
    this.unindex(blueprint, identifier)
    return this.entities.get(blueprint)?.delete(identifier) ?? false
  }

  /** Relation values pointing at the entity (its dependents), in no particular order. */
  edgesTo (blueprint: string, identifier: string): Iterable<RelationEdge> {
    return this.edgesIn.get(refKey(blueprint, identifier)) ?? NO_EDGES
  }

  /** Relation values of the entity (what it depends on). */
  edgesFrom (blueprint: string, identifier: string): readonly RelationEdge[] {
    return this.edgesOut.get(refKey(blueprint, identifier)) ?? NO_EDGES
  }

  putBlueprint (blueprint: StoredBlueprint): void {
    this.blueprints.set(blueprint.identifier, blueprint)
  }

  /** Removes a blueprint and (for safety; the domain refuses this) any entities it still has. */
  deleteBlueprint (identifier: string): void {
    for (const entity of this.entitiesOf(identifier)) this.unindex(identifier, entity.identifier)
    this.blueprints.delete(identifier)
    this.entities.delete(identifier)
  }

  private index (entity: StoredEntity): void {
    const relations = this.blueprints.get(entity.blueprint)?.relations ?? {}
    const from = { blueprint: entity.blueprint, identifier: entity.identifier }
    const edges: RelationEdge[] = []
    for (const [relation, value] of Object.entries(entity.relations)) {
      const target = relations[relation]?.target
      if (target === undefined || value === null) continue
      for (const identifier of typeof value === 'string' ? [value] : value) {
        const edge = { from, to: { blueprint: target, identifier }, relation }
        edges.push(edge)
        const key = refKey(target, identifier)
        let sources = this.edgesIn.get(key)
        if (sources === undefined) this.edgesIn.set(key, sources = new Set())
        sources.add(edge)
      }
    }
    if (edges.length > 0) this.edgesOut.set(refKey(entity.blueprint, entity.identifier), edges)
  }

  private unindex (blueprint: string, identifier: string): void {
    const key = refKey(blueprint, identifier)
    for (const edge of this.edgesOut.get(key) ?? NO_EDGES) {
      const targetKey = refKey(edge.to.blueprint, edge.to.identifier)
      const sources = this.edgesIn.get(targetKey)
      sources?.delete(edge)
      if (sources?.size === 0) this.edgesIn.delete(targetKey)
    }
    this.edgesOut.delete(key)
  }
}
