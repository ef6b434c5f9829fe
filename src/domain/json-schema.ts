// One Ajv setup for validating user data (action inputs) against Port's JSON-schema dialect.
import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'

/** Formats Port adds to JSON Schema; their content is free text (or checked elsewhere, like `entity`). */
const PORT_TEXT_FORMATS = ['entity', 'team', 'yaml', 'markdown', 'multi-line', 'proto', 'blueprints', 'timer', 'idn-email']

/** An Ajv instance with the standard and Port-specific formats; `useDefaults` fills inputs' defaults. */
export function createValidator (): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, useDefaults: true, coerceTypes: false })
  addFormats.default(ajv)
  for (const format of PORT_TEXT_FORMATS) ajv.addFormat(format, true)
  ajv.addFormat('user', { type: 'string', validate: (s: string) => s.length > 0 })
  ajv.addFormat('labeled-url', true)
  return ajv
}

/** Ajv's first error as one message naming the field: `body/properties/region must be string`. */
export function describeError (root: string, error: Pick<ErrorObject, 'keyword' | 'instancePath' | 'params' | 'message'> | undefined): string {
  if (error === undefined) return `${root} is invalid`
  const params = error.params as Record<string, unknown>
  const where = `${root}${error.instancePath}`
  const { propertyName } = error as { propertyName?: string }
  if (propertyName !== undefined) return `${where}: the key "${propertyName}" ${error.message ?? 'is invalid'}`
  switch (error.keyword) {
    case 'required': return `${where}/${String(params.missingProperty)} is required`
    case 'additionalProperties': return `${where}/${String(params.additionalProperty)} is not allowed`
    case 'enum': return `${where} must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'discriminator': return `${where}/${String(params.tag)} ${JSON.stringify(params.tagValue)} is not an allowed value`
    default: return `${where} ${error.message ?? 'is invalid'}`
  }
}
