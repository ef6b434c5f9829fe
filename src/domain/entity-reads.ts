// Entity reads as the routes answer them: one, all of a blueprint, search across blueprints, and the
// paginated per-blueprint search, each shown through the request's view options.
import { errors } from '../errors.js'
import type { StoredBlueprint, StoredEntity } from '../store/catalog.js'
import { getBlueprint } from './blueprints.js'
import type { Ctx } from './context.js'
import { getEntity } from './entities.js'
import { entityViewer, type ShownEntity, type ViewOptions } from './entity-view.js'
import { compileQuery, type CompiledQuery } from './search.js'

type Shown = ShownEntity

/** The body of `POST /v1/blueprints/{bp}/entities/search`. */
export interface BlueprintSearch {
  query?: unknown
  include?: string[] | undefined
  exclude?: string[] | undefined
  limit: number
  from?: string | undefined
}

const META_PATHS: Record<string, string> = {
  $identifier: 'identifier',
  $title: 'title',
  $icon: 'icon',
  $blueprint: 'blueprint',
  $team: 'team',
  $createdAt: 'createdAt',
  $createdBy: 'createdBy',
  $updatedAt: 'updatedAt',
  $updatedBy: 'updatedBy',
}

/** GET …/entities/{id}: the entity as the view options show it. */
export function readEntity (ctx: Ctx, blueprintId: string, identifier: string, view: ViewOptions): Shown {
  return entityViewer(ctx, view)(getEntity(ctx, blueprintId, identifier))
}

/** GET …/entities: every entity of the blueprint, in creation order. */
export function readEntities (ctx: Ctx, blueprintId: string, view: ViewOptions): Shown[] {
  getBlueprint(ctx, blueprintId)
  return [...ctx.org.catalog.entitiesOf(blueprintId)].map(entityViewer(ctx, view))
}

/** `POST /v1/entities/search`: matching entities of every blueprint the query does not rule out. */
export function searchEntities (ctx: Ctx, query: unknown, view: ViewOptions): { matchingBlueprints: string[], entities: Shown[] } {
  const compiled = compileQuery(ctx, query)
  const show = entityViewer(ctx, view)
  const matchingBlueprints: string[] = []
  const entities: Shown[] = []
  for (const blueprint of ctx.org.catalog.blueprints.keys()) {
    if (compiled.onBlueprint(blueprint) === false) continue
    matchingBlueprints.push(blueprint)
    for (const entity of candidates(ctx, blueprint, compiled)) if (compiled.test(entity)) entities.push(show(entity))
  }
  return { matchingBlueprints, entities }
}

/** One page of a blueprint's matching entities, in creation order; `next` is the `from` of the following page. */
export function searchBlueprintEntities (ctx: Ctx, blueprintId: string, search: BlueprintSearch): { entities: Shown[], next?: string } {
  const blueprint = getBlueprint(ctx, blueprintId)
  const compiled = search.query === undefined ? undefined : compileQuery(ctx, search.query)
  const show = entityViewer(ctx, { include: toPaths(blueprint, search.include), exclude: toPaths(blueprint, search.exclude) })
  const offset = search.from === undefined ? 0 : decodeCursor(search.from)
  const page: StoredEntity[] = []
  let skipped = 0
  let more = false
  for (const entity of candidates(ctx, blueprintId, compiled)) {
    if (compiled !== undefined && !compiled.test(entity)) continue
    if (skipped < offset) {
      skipped++
    } else if (page.length < search.limit) {
      page.push(entity)
    } else {
      more = true
      break
    }
  }
  const entities = page.map(show)
  return more ? { entities, next: encodeCursor(offset + page.length) } : { entities }
}

/** The entities of a blueprint a query can match: one lookup when it pins `$identifier`, else all of them. */
function candidates (ctx: Ctx, blueprint: string, compiled: CompiledQuery | undefined): Iterable<StoredEntity> {
  if (compiled?.identifier === undefined) return ctx.org.catalog.entitiesOf(blueprint)
  const entity = ctx.org.catalog.entity(blueprint, compiled.identifier)
  return entity === undefined ? [] : [entity]
}

/** Search `include`/`exclude` names (`$identifier`, a property or a relation) as entity JSON paths. */
function toPaths (blueprint: StoredBlueprint, names: string[] | undefined): string[] | undefined {
  return names?.map((name) => META_PATHS[name] ?? (name in blueprint.relations ? `relations.${name}` : `properties.${name}`))
}

function encodeCursor (offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}

function decodeCursor (from: string): number {
  const match = /^o:(\d+)$/u.exec(Buffer.from(from, 'base64url').toString())
  if (match?.[1] === undefined) throw errors.invalidRequest('"from" is not a cursor this emulator returned as "next"')
  return Number(match[1])
}
