// Port property definitions -> one JSON Schema per blueprint version, compiled once by Ajv with Port's formats.
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv'
import * as ajvFormats from 'ajv-formats'
import { parse as parseYaml } from 'yaml'
import type { StoredBlueprint } from '../store/catalog.js'

const ajv = new Ajv({ strict: false, allErrors: false, useDefaults: true })
ajvFormats.default(ajv)
const dateTime = ajv.formats['date-time']
if (dateTime !== undefined) ajv.addFormat('timer', dateTime)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u
ajv.addFormat('user', EMAIL)
ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u)
ajv.addFormat('team', /\S/u)
ajv.addFormat('yaml', (value: string) => parsesAsYaml(value))
for (const free of ['markdown', 'proto', 'blueprints', 'multi-line']) ajv.addFormat(free, true)

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

/**
 * Why a value set breaks its blueprint, naming the property: `"properties/region" must be of type string`.
 * `base` is the JSON path the values sit under (`properties`).
 */
export function describeSchemaError (error: ErrorObject | undefined, base: string): string {
  if (error === undefined) return `"${base}" is invalid`
  const params = error.params as Record<string, unknown>
  const at = `${base}${error.instancePath}`
  switch (error.keyword) {
    case 'required': return `"${at}/${String(params.missingProperty)}" is required`
    case 'additionalProperties': return `"${at}/${String(params.additionalProperty)}" is not defined in the blueprint`
    case 'type': return `"${at}" must be of type ${String(params.type).replace(/,null$/u, '')}`
    case 'enum': return `"${at}" must be one of: ${(params.allowedValues as unknown[]).filter((v) => v !== null).map(String).join(', ')}`
    case 'format': return `"${at}" must match format "${String(params.format)}"`
    default: return `"${at}" ${error.message ?? 'is invalid'}`
  }
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

function parsesAsYaml (value: string): boolean {
  try {
    parseYaml(value)
    return true
  } catch {
    return false
  }
}
