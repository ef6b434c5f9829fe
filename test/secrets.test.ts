import { describe, expect, it } from 'vitest'
import { REDACT_PATHS } from '../src/logger.js'
import { redact, redactText, SECRET_KEYS } from '../src/secrets.js'

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'

describe('redact', () => {
  it.each([
    ['a secret key at the top', { clientSecret: 's3cret', clientId: 'id' }, { clientSecret: '[redacted]', clientId: 'id' }],
    ['a secret key in any case, at any depth', { a: [{ b: { Authorization: 'Bearer x' } }] }, { a: [{ b: { Authorization: '[redacted]' } }] }],
    ['an object under a secret key', { secrets: { API: 'value' } }, { secrets: '[redacted]' }],
    ['a JWT inside text', { message: `token ${JWT} here` }, { message: 'token [redacted] here' }],
    ['a known secret inside text', { message: 'it is hunter2-long' }, { message: 'it is [redacted]' }],
  ])('hides %s', (_name, value, expected) => {
    expect(redact(value, ['hunter2-long'])).toEqual(expected)
  })

  it('leaves the value it was given unchanged', () => {
    const value = { token: 'abc' }
    redact(value)
    expect(value).toEqual({ token: 'abc' })
  })

  it('does not search text for secrets shorter than 4 characters', () => {
    expect(redact({ message: 'a b c' }, ['a'])).toEqual({ message: 'a b c' })
  })
})

describe('redactText', () => {
  it.each([
    ['a secret field of cut JSON', '{"clientId":"x","clientSecret":"abc', '{"clientId":"x","clientSecret":"[redacted]"'],
    ['an escaped quote inside a secret', '{"token":"a\\"b","x":1}', '{"token":"[redacted]","x":1}'],
    ['an object under a secret field', '{"secrets":{"A":"b"},"x":1}', '{"secrets":"[redacted]","x":1}'],
  ])('hides %s', (_name, text, expected) => {
    expect(redactText(text)).toBe(expected)
  })
})

describe('one list of secrets', () => {
  it.each(SECRET_KEYS)('makes the logger redact %s too', (key) => {
    expect(REDACT_PATHS).toEqual(expect.arrayContaining([key, `*.${key}`]))
  })
})
