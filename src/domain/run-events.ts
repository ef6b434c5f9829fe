// What happens when a run starts or changes: the delivery to runners listens here.
import type { StoredAction } from '../store/actions.js'
import type { StoredRun } from '../store/runs.js'
import type { Ctx } from './context.js'

/** Notified after a run's change is stored. Listeners must not throw; they run after the caller's answer is decided. */
export interface RunListener {
  /** The run became IN_PROGRESS (at invocation, or when approved): time to reach the runner. */
  started(ctx: Ctx, run: StoredRun, action: StoredAction): void
}

/** Until delivery is installed, a started run just waits for its runner to report. */
export const noDelivery: RunListener = { started: () => {} }
