// The emulator's own control plane under /_emulator: readiness, journals, and test controls.
import type { FastifyPluginAsync } from 'fastify'
import { adminGuard } from './admin-guard.js'
import { clockRoutes } from './clock.js'
import { deliveryRoutes } from './deliveries.js'
import { faultRoutes } from './faults.js'
import { healthRoutes } from './health.js'
import { stateRoutes } from './state.js'
import { requestRoutes } from './requests.js'

export const controlRoutes: FastifyPluginAsync = async (app) => {
  // Every route registered here needs the admin token when one is set, except those admin-guard leaves open.
  const guard = adminGuard(app.emulator.config.adminToken)
  if (guard !== undefined) app.addHook('onRequest', guard)
  await app.register(healthRoutes)
  await app.register(deliveryRoutes)
  await app.register(stateRoutes)
  await app.register(requestRoutes)
  await app.register(clockRoutes)
  await app.register(faultRoutes)
}
