// Compares responses with the "Reflect action progress" page's examples field for field, except ids, timestamps and origin.

const ID = /^(r|log|e|action|org|audit)_[A-Za-z0-9]{16}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ORIGIN_KEYS = new Set(['source', 'origin'])

/** `value` with every id, timestamp and UI/API origin replaced by a placeholder, for `toEqual`. */
export function normalized (value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalized(v))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v, k)]))
  }
  if (typeof value !== 'string') return value
  if (ID.test(value)) return `<${value.split('_')[0] ?? ''}_id>`
  if (TIMESTAMP.test(value)) return '<timestamp>'
  if (ORIGIN_KEYS.has(key)) return '<origin>'
  if (key === 'orgId') return '<org_id>'
  return value
}
