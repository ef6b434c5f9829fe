// Validates a run's `properties` against its action's userInputs: JSON Schema first, then entity references.
import type { ValidateFunction } from 'ajv'
import { errors } from '../errors.js'
import type { UserInputs } from '../schemas/action.js'
import type { CatalogStore } from '../store/catalog.js'
import { describeDataError, portAjv as ajv } from './json-schema.js'

const compiled = new WeakMap<UserInputs, ValidateFunction>()
/** Keys whose value Port may give as a `{ jqQuery }` computed in the UI; the API cannot evaluate them. */
const DYNAMIC_KEYS = ['enum', 'default', 'required']

/** The JSON Schema of an action's inputs; compiled once per action version. */
export function inputsSchema (userInputs: UserInputs): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const [key, input] of Object.entries(userInputs.properties)) properties[key] = staticPart(input)
  return {
    type: 'object',
    properties,
    required: Array.isArray(userInputs.required) ? userInputs.required : [],
    additionalProperties: false,
  }
}

/** Compiles (once per definition) the inputs' validator; throws 422 when it cannot be compiled (bad pattern, …). */
export function checkInputsDefinition (userInputs: UserInputs, where: string): void {
  if (compiled.has(userInputs)) return
  try {
    compiled.set(userInputs, ajv.compile(inputsSchema(userInputs)))
  } catch (error) {
    throw errors.invalidRequest(`${where} is not a valid input definition: ${(error as Error).message}`)
  }
}

/**
 * Checks `properties` against the action's inputs (filling defaults in place) and that every `format: entity`
 * input names an existing entity of its blueprint. Throws 422 naming the input.
 */
export function validateInputs (userInputs: UserInputs, properties: Record<string, unknown>, catalog: CatalogStore): void {
  checkInputsDefinition(userInputs, 'action userInputs')
  const validate = compiled.get(userInputs) as ValidateFunction
  if (!validate(properties)) throw errors.invalidRequest(describeDataError(validate.errors?.[0], 'properties', "the action's inputs"))
  for (const [key, input] of Object.entries(userInputs.properties)) {
    const value = properties[key]
    if (value === undefined || value === null) continue
    const items = (input as { items?: { format?: string, blueprint?: string } }).items
    const isEntity = input.format === 'entity' || (input.type === 'array' && items?.format === 'entity')
    if (!isEntity) continue
    const blueprint = input.blueprint ?? items?.blueprint
    for (const identifier of [value].flat()) {
      const id = typeof identifier === 'object' && identifier !== null ? (identifier as { identifier?: unknown }).identifier : identifier
      if (typeof id !== 'string' || blueprint === undefined || catalog.entity(blueprint, id) === undefined) {
        throw errors.invalidRequest(`"properties/${key}" must name an existing entity of blueprint "${blueprint ?? '?'}", got ${JSON.stringify(id)}`)
      }
    }
  }
}

function staticPart (input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(input)) {
    if (DYNAMIC_KEYS.includes(k) && (typeof v === 'object' && v !== null && !Array.isArray(v))) continue
    if (k === 'format' && v === 'url') { out.format = 'uri'; continue }
    out[k] = v
  }
  return out
}
