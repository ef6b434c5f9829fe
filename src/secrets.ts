// What counts as secret, said once: the logger's redaction paths and the request journal's redaction both read it.

/** Names under which a secret travels: headers, body fields, query parameters (matched case-insensitively). */
export const SECRET_KEYS = ['authorization', 'clientSecret', 'accessToken', 'token', 'secrets'] as const

/** What a secret is replaced with. */
export const REDACTED = '[redacted]'

const secretKeys = new Set<string>(SECRET_KEYS.map((k) => k.toLowerCase()))
// Port's access tokens (and any other JWT) wherever they appear in free text.
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
// A secret field in JSON that could not be parsed (a truncated body): its string or object value, cut off or not.
const JSON_FIELD = new RegExp(`"(${SECRET_KEYS.join('|')})"\\s*:\\s*(?:"(?:[^"\\\\]|\\\\.)*"?|\\{[^}]*\\}?)`, 'gi')
/** Secret values shorter than this are not searched for in free text (they would match everywhere). */
const MIN_KNOWN_LENGTH = 4

/** True when a header, field or parameter of this name holds a secret. */
export function isSecretKey (key: string): boolean {
  return secretKeys.has(key.toLowerCase())
}

/**
 * A copy of `value` in which the values of secret keys, JWTs, and every `known` secret string are `[redacted]`.
 * Works at any depth; `value` itself is left as it was.
 */
export function redact (value: unknown, known: readonly string[] = []): unknown {
  const needles = known.filter((s) => s.length >= MIN_KNOWN_LENGTH)
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, needles)
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v !== 'object' || v === null) return v
    const out: Record<string, unknown> = {}
    for (const [k, inner] of Object.entries(v)) out[k] = isSecretKey(k) ? REDACTED : walk(inner)
    return out
  }
  return walk(value)
}

/** `text` with JWTs, secret JSON fields and `known` secret strings replaced (for text that is not valid JSON). */
export function redactText (text: string, known: readonly string[] = []): string {
  let out = text.replace(JWT, REDACTED).replace(JSON_FIELD, `"$1":"${REDACTED}"`)
  for (const secret of known) {
    if (secret.length >= MIN_KNOWN_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED)
  }
  return out
}
