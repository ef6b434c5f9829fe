// Schemas of the search routes: Port's query (`combinator` + `rules`, rules checked in the domain) and answers.
import { Type } from '@sinclair/typebox'
import { component } from './components.js'
import { StringEnum } from './common.js'
import { EntityViewSchema } from './entities.js'

/** One rule; the domain checks each by operator and names the rule it rejects. */
const RuleSchema = Type.Object({
  property: Type.Optional(Type.Unknown({ description: 'A property or relation identifier, or a meta property such as `$identifier`' })),
  operator: Type.Optional(Type.String({ description: '`=`, `!=`, `in`, `notIn`, `contains`, `containsAny`, `isEmpty`, `between`, `>`, `relatedTo`, …' })),
  value: Type.Optional(Type.Unknown()),
  combinator: Type.Optional(StringEnum(['and', 'or'])),
  rules: Type.Optional(Type.Array(Type.Unknown(), { description: 'Nested rules, when this rule is a group' })),
}, { additionalProperties: true, description: 'A rule `{ property, operator, value }`, `{ operator: "relatedTo", blueprint, value }` or a nested group `{ combinator, rules }`' })

/** Port's search query. */
export const SearchQuerySchema = component('SearchQuery', Type.Object({
  combinator: StringEnum(['and', 'or']),
  rules: Type.Array(RuleSchema),
}, { additionalProperties: false }))

export const SearchResponseSchema = Type.Object({
  ok: Type.Literal(true),
  matchingBlueprints: Type.Array(Type.String()),
  failedBlueprints: Type.Array(Type.String()),
  entities: Type.Array(EntityViewSchema),
})

export const BlueprintSearchBodySchema = Type.Object({
  query: Type.Optional(SearchQuerySchema),
  include: Type.Optional(Type.Array(Type.String(), { description: 'Properties, relations and meta properties (`$identifier`, …) to return' })),
  exclude: Type.Optional(Type.Array(Type.String(), { description: 'Properties, relations and meta properties to leave out' })),
  limit: Type.Number({ minimum: 1, maximum: 1000, default: 200 }),
  from: Type.Optional(Type.String({ description: 'The `next` of the previous page' })),
}, { additionalProperties: false })

export const BlueprintSearchResponseSchema = Type.Object({
  ok: Type.Literal(true),
  next: Type.Optional(Type.String({ description: 'Pass as `from` for the next page; absent on the last page' })),
  entities: Type.Array(EntityViewSchema),
})
