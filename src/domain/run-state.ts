// The run state machine: one pure transition table that every route changing a run goes through.
import { errors } from '../errors.js'
import { ENDED_STATUSES, type RunStatus } from '../schemas/run.js'

/** Everything that can happen to a run. `finish:*` is a PATCH `status` or a termination log. */
export const RUN_OPERATIONS = ['update', 'log', 'finish:SUCCESS', 'finish:FAILURE', 'approve', 'decline', 'tie', 'respond', 'claim', 'ack'] as const
export type RunOperation = typeof RUN_OPERATIONS[number]

/** For each status, the operations it allows and the status each leads to. Anything absent is refused. */
export const TRANSITIONS: Record<RunStatus, Partial<Record<RunOperation, RunStatus>>> = {
  WAITING_FOR_APPROVAL: {
    update: 'WAITING_FOR_APPROVAL',
    log: 'WAITING_FOR_APPROVAL',
    'finish:FAILURE': 'FAILURE',
    approve: 'IN_PROGRESS',
    decline: 'DECLINED',
  },
  IN_PROGRESS: {
    update: 'IN_PROGRESS',
    log: 'IN_PROGRESS',
    'finish:SUCCESS': 'SUCCESS',
    'finish:FAILURE': 'FAILURE',
    tie: 'IN_PROGRESS',
    respond: 'IN_PROGRESS',
    claim: 'IN_PROGRESS',
    ack: 'IN_PROGRESS',
  },
  SUCCESS: {},
  FAILURE: {},
  DECLINED: {},
}

/** The status `operation` leads to from `run.status`; throws 422 with the reason when it is not allowed. */
export function transition (run: { id: string, status: RunStatus }, operation: RunOperation): RunStatus {
  const next = TRANSITIONS[run.status][operation]
  if (next !== undefined) return next
  throw errors.runStateConflict(refusal(run, operation))
}

function refusal ({ id, status }: { id: string, status: RunStatus }, operation: RunOperation): string {
  if (ENDED_STATUSES.has(status)) return `Run ${id} has already ended with status ${status} and can no longer be changed`
  if (operation === 'approve' || operation === 'decline') return `Run ${id} is not waiting for approval (status ${status})`
  if (operation === 'tie') return `Entities can only be tied to a run in status IN_PROGRESS; run ${id} is ${status}`
  if (operation === 'finish:SUCCESS') return `Run ${id} is waiting for approval; it can only be withdrawn (status FAILURE)`
  return `Run ${id} in status ${status} does not allow ${operation}`
}
