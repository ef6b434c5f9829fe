// The emulator's core: configuration, clock, ids, tokens and organizations, shared by every route.
import { randomBytes } from 'node:crypto'
import { VirtualClock } from './clock.js'
import { defaultConfig, type Config } from './config.js'
import { TokenService } from './domain/tokens.js'
import type { EntityWriteObserver } from './domain/entity-writes.js'
import { runTies } from './domain/run-ties.js'
import type { RunListener } from './domain/run-events.js'
import { Dispatcher } from './delivery/dispatcher.js'
import type { Logger } from 'pino'
import { createIds, type Ids } from './ids.js'
import { OrgRegistry, type Organization } from './store/orgs.js'
import type { Seed } from './schemas/seed.js'
import { takeSnapshot, type Snapshot } from './store/snapshot.js'
import { FaultStore } from './store/faults.js'
import { RequestJournal } from './store/requests.js'

/** The id of the organization made from the configured credentials. */
export const DEFAULT_ORG_ID = 'org_portEmulatorDemo'

export interface EmulatorOptions {
  config?: Partial<Config>
  clock?: VirtualClock
  ids?: Ids
  /** Key that signs access tokens; random per process unless given. */
  tokenKey?: Buffer
  /** False while a seed or state file is still to be loaded: health answers 503 until then. */
  ready?: boolean
  /** Numbers in [0, 1) for faults with a probability; Math.random unless given. */
  random?: () => number
}

/** One emulated Port: every organization's state plus the services that act on it. */
export class Emulator {
  readonly config: Config
  readonly clock: VirtualClock
  readonly ids: Ids
  readonly tokens: TokenService
  readonly orgs: OrgRegistry
  /** Every request to the emulator, newest `requestJournalSize` kept (GET /_emulator/requests). */
  readonly requestJournal: RequestJournal
  /** Faults injected through the control plane. */
  readonly faults = new FaultStore()
  readonly random: () => number
  /** Hears every entity write; the run rules use it to tie writes to runs. */
  entityWrites: EntityWriteObserver = runTies
  /** Reaches runners when runs start. */
  readonly delivery: Dispatcher
  /** Hears runs start and change; the dispatcher unless a test replaces it. */
  runListener: RunListener
  /** Set by the app that serves this emulator; background work (deliveries) logs here. */
  log?: Logger
  /** The seed the emulator started from. Absent: one bare organization. */
  seed?: Seed
  /** The state right after seeding: what reset restores. */
  baseline?: Snapshot
  /** Told after every change of state (the state file saves on it). */
  onChange?: () => void
  /** The state file, when one is configured: closing flushes it. */
  persistence?: { flush: () => Promise<void> }
  ready = false

  constructor (options: EmulatorOptions = {}) {
    this.config = { ...defaultConfig(), ...options.config }
    this.clock = options.clock ?? new VirtualClock()
    this.ids = options.ids ?? createIds()
    this.random = options.random ?? Math.random
    this.requestJournal = new RequestJournal(this.config.requestJournalSize)
    this.orgs = new OrgRegistry({ journalSize: this.config.deliveryJournalSize, maxEndedRuns: this.config.maxEndedRuns })
    this.tokens = new TokenService(options.tokenKey ?? randomBytes(32), this.clock, this.config.tokenTtlSeconds)
    this.delivery = new Dispatcher(this)
    this.runListener = this.delivery
    this.orgs.add(this.bareOrganization())
    this.baseline = takeSnapshot(this.orgs)
    this.ready = options.ready ?? true
  }

  /** Something changed: lets listeners (the state file) know. */
  changed (): void {
    this.onChange?.()
  }

  /** The organization of the configured credentials, empty: the state without a seed. */
  bareOrganization (): Organization {
    return {
      id: DEFAULT_ORG_ID,
      name: 'Demo organization',
      clientId: this.config.clientId,
      clientSecret: this.config.clientSecret,
      users: [],
      secrets: { ...this.config.orgSecrets },
    }
  }
}
