// Port property definitions -> one JSON Schema per blueprint version, compiled once by Ajv with Port's formats.
import type { AnySchemaObject, ValidateFunction } from 'ajv'
import type { StoredBlueprint } from '../store/catalog.js'
import { portAjv as ajv } from './json-schema.js'

interface Compiled { schema: AnySchemaObject, validate: ValidateFunction }
const compiled = new WeakMap<StoredBlueprint, Compiled>()

/** A property-set validator for this exact blueprint version; compiled on first use, then cached. */
export function propertiesValidator (blueprint: StoredBlueprint): ValidateFunction {
  let entry = compiled.get(blueprint)
  if (entry === undefined) {
    const schema = blueprintJsonSchema(blueprint)
    entry = { schema, validate: ajv.compile(schema) }
    compiled.set(blueprint, entry)
  }
  return entry.validate
}

/** Drops a replaced or deleted blueprint version's compiled schema from Ajv's cache. */
export function forgetValidator (blueprint: StoredBlueprint): void {
  const entry = compiled.get(blueprint)
  if (entry === undefined) return
  ajv.removeSchema(entry.schema)
  compiled.delete(blueprint)
}

function blueprintJsonSchema (blueprint: StoredBlueprint): AnySchemaObject {
  const required = blueprint.schema.required ?? []
  const properties: Record<string, unknown> = {}
  for (const [name, definition] of Object.entries(blueprint.schema.properties)) {
    properties[name] = propertyJsonSchema(definition, !required.includes(name))
  }
  return { type: 'object', properties, required, additionalProperties: false }
}

/** One Port property definition as JSON Schema: `labeled-url` becomes its object shape; optional values may be null. */
function propertyJsonSchema (definition: Record<string, unknown>, nullable: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...definition }
  if (definition.format === 'labeled-url') {
    delete out.format
    out.properties = { url: { type: 'string', format: 'url' }, displayText: { type: 'string' } }
    out.required = ['url']
  }
  const items = definition.items
  if (items !== null && typeof items === 'object' && !Array.isArray(items)) {
    out.items = propertyJsonSchema(items as Record<string, unknown>, false)
  }
  if (nullable && typeof definition.type === 'string') {
    out.type = [definition.type, 'null']
    if (Array.isArray(definition.enum)) out.enum = [...(definition.enum as unknown[]), null]
  }
  return out
}
