// Identifier generation in Port's formats (`r_`, `log_`, `e_`, `action_`, `org_` + 16 alphanumerics).
import { customAlphabet } from 'nanoid'

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Makes the ids Port assigns; injected so tests can make them predictable. */
export interface Ids {
  run(): string
  log(): string
  entity(): string
  action(): string
  org(): string
  audit(): string
  delivery(): string
}

/** Ids with 16 random alphanumerics after Port's prefix. */
export function createIds (random: () => string = customAlphabet(ALPHANUMERIC, 16)): Ids {
  return {
    run: () => `r_${random()}`,
    log: () => `log_${random()}`,
    entity: () => `e_${random()}`,
    action: () => `action_${random()}`,
    org: () => `org_${random()}`,
    audit: () => `audit_${random()}`,
    delivery: () => `dlv_${random()}`,
  }
}

/** Ids whose random part is a zero-padded counter: `r_0000000000000001`, … */
export function sequentialIds (): Ids {
  let n = 0
  return createIds(() => String(++n).padStart(16, '0'))
}
