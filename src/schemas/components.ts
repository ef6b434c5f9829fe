// Names for shared schemas, so the OpenAPI document can list them once under components and refer to them.
import type { TSchema } from '@sinclair/typebox'

const names = new Map<object, string>()

/** Registers `schema` as the OpenAPI component `name` and returns it unchanged. */
export function component<T extends TSchema> (name: string, schema: T): T {
  names.set(schema, name)
  return schema
}

/** The component name of a shared schema, if it has one. */
export function componentName (schema: object): string | undefined {
  return names.get(schema)
}
