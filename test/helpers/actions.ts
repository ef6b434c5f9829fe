// Builders of current-generation action definitions.

/** A current-form self-service action; `over` replaces top-level keys, `trigger` merges into the trigger. */
export function makeAction (over: Record<string, unknown> = {}, trigger: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    identifier: 'scaffold',
    title: 'Scaffold a service',
    trigger: {
      type: 'self-service',
      operation: 'CREATE',
      blueprintIdentifier: 'microservice',
      userInputs: { properties: { name: { type: 'string' } }, required: ['name'] },
      ...trigger,
    },
    invocationMethod: { type: 'WEBHOOK', url: 'http://127.0.0.1:9/hook' },
    ...over,
  }
}
