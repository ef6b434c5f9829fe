// The emulator's own control plane under /_emulator: readiness, journals, and test controls.
import type { FastifyPluginAsync } from 'fastify'
import { clockRoutes } from './clock.js'
import { deliveryRoutes } from './deliveries.js'
import { faultRoutes } from './faults.js'
import { healthRoutes } from './health.js'
import { stateRoutes } from './state.js'
import { requestRoutes } from './requests.js'

export const controlRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes)
  await app.register(deliveryRoutes)
  await app.register(stateRoutes)
  await app.register(requestRoutes)
  await app.register(clockRoutes)
  await app.register(faultRoutes)
}
