// Port's search rule language compiled once per request into a predicate: nested and/or groups, comparison
// rules on properties, relations and meta properties, and `relatedTo` over the relation graph.
import { errors } from '../errors.js'
import { refKey, type RelationEdge, type StoredEntity } from '../store/catalog.js'
import type { Ctx } from './context.js'
import { OPERATORS } from './search-operators.js'

/** A compiled query: `test` decides an entity; `onBlueprint` is false when no entity of that blueprint can match. */
export interface CompiledQuery {
  test: (entity: StoredEntity) => boolean
  onBlueprint: (blueprint: string) => boolean | undefined
  /** Set when only the entity with this identifier can match (`$identifier =` under `and`): a lookup, not a scan. */
  identifier?: string
}

type Rule = Record<string, unknown>

const META: Record<string, (e: StoredEntity) => unknown> = {
  $identifier: (e) => e.identifier,
  $title: (e) => e.title,
  $icon: (e) => e.icon,
  $blueprint: (e) => e.blueprint,
  $team: (e) => e.team,
  $createdAt: (e) => e.createdAt,
  $updatedAt: (e) => e.updatedAt,
  $createdBy: (e) => e.createdBy,
  $updatedBy: (e) => e.updatedBy,
}

/** Compiles `{ combinator, rules }`; throws 422 naming the rule for anything it cannot evaluate exactly. */
export function compileQuery (ctx: Ctx, query: unknown, where = 'query'): CompiledQuery {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) throw errors.invalidRequest(`"${where}" must be an object`)
  const rule = query as Rule
  if (rule.operator === undefined && (rule.combinator !== undefined || rule.rules !== undefined)) return group(ctx, rule, where)
  if (typeof rule.operator !== 'string') throw errors.invalidRequest(`"${where}/operator" is required`)
  if (rule.operator === 'relatedTo') return relatedTo(ctx, rule, where)
  const factory = OPERATORS[rule.operator]
  if (factory === undefined) {
    throw errors.invalidRequest(`Operator "${rule.operator}" in "${where}" is not supported by the emulator; supported: ${[...Object.keys(OPERATORS), 'relatedTo'].join(', ')}`)
  }
  const read = accessor(rule.property, where)
  const check = factory(rule.value, where, ctx.emulator.clock.now())
  const test = (entity: StoredEntity): boolean => check(read(entity))
  const onBlueprint = rule.property === '$blueprint' ? (blueprint: string) => check(blueprint) : () => undefined
  const pinned = rule.property === '$identifier' && rule.operator === '=' && typeof rule.value === 'string'
  return pinned ? { test, onBlueprint, identifier: rule.value as string } : { test, onBlueprint }
}

function group (ctx: Ctx, rule: Rule, where: string): CompiledQuery {
  const { combinator, rules } = rule
  if (combinator !== 'and' && combinator !== 'or') throw errors.invalidRequest(`"${where}/combinator" must be "and" or "or"`)
  if (!Array.isArray(rules)) throw errors.invalidRequest(`"${where}/rules" must be an array`)
  const parts = rules.map((r, i) => compileQuery(ctx, r, `${where}/rules/${i}`))
  if (combinator === 'and') {
    const identifier = parts.find((p) => p.identifier !== undefined)?.identifier
    return {
      test: (entity) => parts.every((p) => p.test(entity)),
      onBlueprint: (blueprint) => threeValued(parts.map((p) => p.onBlueprint(blueprint)), false),
      ...(identifier !== undefined ? { identifier } : {}),
    }
  }
  return {
    test: (entity) => parts.some((p) => p.test(entity)),
    onBlueprint: (blueprint) => threeValued(parts.map((p) => p.onBlueprint(blueprint)), true),
  }
}

/** `and` is false if any part is; `or` is true if any part is; otherwise all decided parts agree or it is unknown. */
function threeValued (values: Array<boolean | undefined>, decisive: boolean): boolean | undefined {
  if (values.includes(decisive)) return decisive
  return values.includes(undefined) ? undefined : !decisive
}

function accessor (property: unknown, where: string): (entity: StoredEntity) => unknown {
  if (typeof property !== 'string') {
    throw errors.invalidRequest(`"${where}/property" must be a property identifier; dynamic values (context user/userTeams) are not supported by the emulator`)
  }
  if (property.startsWith('$')) {
    const meta = META[property]
    if (meta === undefined) throw errors.invalidRequest(`"${where}/property" ${property} is not a meta property the emulator supports (${Object.keys(META).join(', ')})`)
    return meta
  }
  return (entity) => Object.hasOwn(entity.properties, property) ? entity.properties[property] : entity.relations[property]
}

/** Entities related to the given ones, following relations up (what they depend on), down (what depends on them) or both. */
function relatedTo (ctx: Ctx, rule: Rule, where: string): CompiledQuery {
  const { blueprint, value, direction, required } = rule
  if (typeof blueprint !== 'string') throw errors.invalidRequest(`"${where}/blueprint" is required for operator "relatedTo"`)
  const ids = typeof value === 'string' ? [value] : value
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw errors.invalidRequest(`"${where}/value" must be an entity identifier or an array of them for operator "relatedTo"`)
  }
  if (direction !== undefined && direction !== 'upstream' && direction !== 'downstream') {
    throw errors.invalidRequest(`"${where}/direction" must be "upstream" or "downstream"`)
  }
  if (required !== undefined && typeof required !== 'boolean') throw errors.invalidRequest(`"${where}/required" must be a boolean`)
  if (!ctx.org.catalog.blueprints.has(blueprint)) throw errors.notFound(`Blueprint with identifier "${blueprint}" was not found`)
  const sources = ids.map((identifier) => ({ blueprint, identifier }))
  const related = new Set<string>()
  if (direction !== 'downstream') walk(ctx, sources, required, 'up', related)
  if (direction !== 'upstream') walk(ctx, sources, required, 'down', related)
  for (const source of sources) related.delete(refKey(source.blueprint, source.identifier))
  return { test: (entity) => related.has(refKey(entity.blueprint, entity.identifier)), onBlueprint: () => undefined }
}

function walk (ctx: Ctx, sources: Array<{ blueprint: string, identifier: string }>, required: unknown, way: 'up' | 'down', seen: Set<string>): void {
  const { catalog } = ctx.org
  const visited = new Set(sources.map((s) => refKey(s.blueprint, s.identifier)))
  const queue = [...sources]
  for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
    const edges: Iterable<RelationEdge> = way === 'up' ? catalog.edgesFrom(ref.blueprint, ref.identifier) : catalog.edgesTo(ref.blueprint, ref.identifier)
    for (const edge of edges) {
      if (required !== undefined && (catalog.blueprints.get(edge.from.blueprint)?.relations[edge.relation]?.required === true) !== required) continue
      const next = way === 'up' ? edge.to : edge.from
      const key = refKey(next.blueprint, next.identifier)
      if (visited.has(key)) continue
      visited.add(key)
      if (catalog.entity(next.blueprint, next.identifier) !== undefined) seen.add(key)
      queue.push(next)
    }
  }
}
