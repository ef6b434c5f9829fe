// The one Ajv setup for user data (entity properties, action inputs) in Port's JSON-Schema dialect, and how
// its errors are told: `"properties/region" must be of type string`, naming the property as Port does.
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject } from 'ajv'
import * as ajvFormats from 'ajv-formats'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u

/** Ajv with the standard formats plus Port's; `useDefaults` fills defaults in. Strict mode is off because
 * Port's definitions carry presentation keys (title, icon, dependsOn, …) that are not JSON Schema. */
export const portAjv = new Ajv({ strict: false, allErrors: false, useDefaults: true, coerceTypes: false })
ajvFormats.default(portAjv)
const dateTime = portAjv.formats['date-time']
if (dateTime !== undefined) portAjv.addFormat('timer', dateTime)
portAjv.addFormat('user', EMAIL)
portAjv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u)
portAjv.addFormat('team', /\S/u)
portAjv.addFormat('yaml', (value: string) => parsesAsYaml(value))
// `entity` values are checked against the catalog by the action inputs; the others are free text or objects.
for (const free of ['markdown', 'proto', 'blueprints', 'multi-line', 'entity', 'labeled-url']) portAjv.addFormat(free, true)

/**
 * Why a value set breaks its schema, naming the property; `base` is the path the values sit under and `owner`
 * what defines them (`the blueprint`, `the action's inputs`).
 */
export function describeDataError (error: ErrorObject | undefined, base: string, owner = 'the blueprint'): string {
  if (error === undefined) return `"${base}" is invalid`
  const params = error.params as Record<string, unknown>
  const at = `${base}${error.instancePath}`
  switch (error.keyword) {
    case 'required': return `"${at}/${String(params.missingProperty)}" is required`
    case 'additionalProperties': return `"${at}/${String(params.additionalProperty)}" is not defined in ${owner}`
    case 'type': return `"${at}" must be of type ${String(params.type).replace(/,null$/u, '')}`
    case 'enum': return `"${at}" must be one of: ${(params.allowedValues as unknown[]).filter((v) => v !== null).map(String).join(', ')}`
    case 'format': return `"${at}" must match format "${String(params.format)}"`
    default: return `"${at}" ${error.message ?? 'is invalid'}`
  }
}

let yaml: { parse: (text: string) => unknown } | undefined

/** YAML is parsed only when a `yaml` property is validated, so the parser is not loaded at start. */
function parsesAsYaml (value: string): boolean {
  yaml ??= createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown }
  try {
    yaml.parse(value)
    return true
  } catch {
    return false
  }
}
