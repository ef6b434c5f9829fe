// How entities are shown by read routes: `include`/`exclude` of entity JSON paths and relations with titles.
// Without options the stored record is returned as is, so plain reads cost nothing.
import type { StoredEntity } from '../store/catalog.js'
import type { Ctx } from './context.js'

/** Read options shared by GET and search routes. */
export interface ViewOptions {
  /** Entity JSON paths to keep: `identifier`, `properties`, `properties.language`, … */
  include?: string[] | undefined
  /** Entity JSON paths to leave out. */
  exclude?: string[] | undefined
  /** Return relations as `{ identifier, title }` (arrays of them for `many`). */
  attachTitles?: boolean | undefined
}

/** An entity as a read route shows it: some fields may be left out, relations may carry titles. */
export type ShownEntity = Partial<Omit<StoredEntity, 'relations'>> & { relations?: Record<string, unknown> }

/** Shows an entity as the options ask; built once per request. */
export type EntityViewer = (entity: StoredEntity) => ShownEntity

type Path = [string, string | undefined]

/** A viewer for `options`; the identity when nothing is asked. */
export function entityViewer (ctx: Ctx, options: ViewOptions): EntityViewer {
  const include = options.include?.map(splitPath)
  const exclude = options.exclude?.map(splitPath)
  const attach = options.attachTitles === true
  if (include === undefined && exclude === undefined && !attach) return (entity) => entity
  return (stored) => {
    let entity: Record<string, unknown> = stored
    if (attach) entity = { ...entity, relations: titledRelations(ctx, stored) }
    if (include !== undefined) entity = pick(entity, include)
    if (exclude !== undefined) entity = omit(entity, exclude)
    return entity as ShownEntity
  }
}

function splitPath (path: string): Path {
  const dot = path.indexOf('.')
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)]
}

function pick (entity: Record<string, unknown>, paths: Path[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [top, sub] of paths) {
    if (!(top in entity)) continue
    if (sub === undefined) {
      out[top] = entity[top]
      continue
    }
    const nested = entity[top] as Record<string, unknown> | null
    if (nested === null || typeof nested !== 'object' || !(sub in nested)) continue
    const into = (out[top] ??= {}) as Record<string, unknown>
    into[sub] = nested[sub]
  }
  return out
}

function omit (entity: Record<string, unknown>, paths: Path[]): Record<string, unknown> {
  const out = { ...entity }
  for (const [top, sub] of paths) {
    if (sub === undefined) {
      delete out[top]
      continue
    }
    const nested = out[top]
    if (nested === null || typeof nested !== 'object') continue
    const copy = { ...nested as Record<string, unknown> }
    delete copy[sub]
    out[top] = copy
  }
  return out
}

function titledRelations (ctx: Ctx, entity: StoredEntity): Record<string, unknown> {
  const { catalog } = ctx.org
  const relations = catalog.blueprints.get(entity.blueprint)?.relations ?? {}
  const titled = (target: string | undefined, identifier: string): { identifier: string, title: string | null } =>
    ({ identifier, title: target === undefined ? null : catalog.entity(target, identifier)?.title ?? null })
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(entity.relations)) {
    const target = relations[name]?.target
    out[name] = value === null ? null : Array.isArray(value) ? value.map((id) => titled(target, id)) : titled(target, value)
  }
  return out
}
