// buildApp(config): the BFF as a Fastify instance, every plugin and route registered explicitly, in order.
import { randomUUID } from 'node:crypto'
import { serializerCompiler, validatorCompiler } from '@fastify/type-provider-zod'
import { z } from '@ysx/shared'
import Fastify, { type FastifyInstance } from 'fastify'
import type { DestinationStream } from 'pino'
import type { Config } from './platform/config'
import { type DataStore, openDataStore } from './store'
import { createGonganClient } from './platform/departments/gongan-face'
import { createDepartmentReaders } from './platform/departments/readers'
import { createUpstream } from './platform/departments/upstream'
import { createWechatClient } from './platform/departments/wechat'
import { createFieldCipher } from './platform/field-cipher'
import { loggerOptions } from './platform/logger'
import auth from './identity/access-tokens'
import errorHandler from './platform/plugins/error-handler'
import h5 from './platform/plugins/h5'
import openapi from './platform/plugins/openapi'
import rateLimit from './platform/plugins/rate-limit'
import security from './platform/plugins/security'
import underPressure from './platform/plugins/under-pressure'
import authRoutes from './identity/auth-routes'
import dashboardRoutes from './aggregation/dashboard-routes'
import faceRoutes from './identity/face-routes'
import feedbackRoutes from './feedback/routes'
import healthCodeRoutes from './health-code/routes'
import keyRoutes from './keys/routes'
import presentationRoutes from './presentation/routes'
import queryRoutes from './aggregation/query-routes'
import systemRoutes from './system/routes'
import walletRoutes from './wallet/routes'
import { createAuditService } from './audit/audit-service'
import { createAuthService } from './identity/auth-service'
import { createCitizenDataService } from './aggregation/citizen-data-service'
import { createDashboardService } from './aggregation/dashboard-service'
import { createFaceService } from './identity/face-service'
import { createFeedbackService } from './feedback/feedback-service'
import { createActivityService } from './health-code/activity-service'
import { createAppealsService } from './health-code/appeals-service'
import { createHolderService } from './health-code/holders-service'
import { loadRuleSets } from './health-code/rules'
import { createHealthStatusService } from './health-code/status-service'
import { createTransferService } from './health-code/transfer-service'
import { createKeyService } from './keys/key-service'
import { createPresentationService } from './presentation/presentation-service'
import { createProfileService } from './identity/profile-service'
import { createWalletService } from './wallet/wallet-service'

export interface BuildOptions {
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: DestinationStream
  /** A data store to use instead of opening config.dbFile (tests). */
  store?: DataStore
  /** Told of every route as it is added (the contract-parity test lists them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void
  /** The clock services read (tests move it); the system clock by default. */
  now?: () => Date
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

// shared/ turns zod's JIT off for the mini-program (no eval there); on the server the JIT is allowed and faster.
z.config({ jitless: false })

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = loggerOptions(config.logLevel)
  const app = Fastify({
    logger: opts.logStream ? { ...logger, stream: opts.logStream } : logger,
    // A caller's request id is kept only if it looks like one, so it cannot inject into logs.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  })
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  const store = opts.store ?? openDataStore(config.dbFile)
  app.addHook('onClose', async () => store.close())
  const cipher = createFieldCipher(config.dataKey)
  const { repos } = store
  const wechatUpstream = createUpstream({
    name: 'wechat',
    baseUrl: config.departments.urls.wechat,
    timeoutMs: config.departments.timeoutMs,
  })
  const now = opts.now ?? (() => new Date())
  const keys = createKeyService(repos.signingKeys, cipher, config.keys, now)
  await keys.ensureCurrent()
  const { readers, upstreams } = createDepartmentReaders({
    ...config.departments,
    dataAccess: repos.dataAccess,
    now,
  })
  app.addHook('onClose', async () => {
    await Promise.all([wechatUpstream, ...Object.values(upstreams)].map((u) => u.close()))
  })
  const audit = createAuditService(repos.audit, now)
  const profiles = createProfileService(repos.users, cipher, audit, config.auth.stepUpSeconds, now)
  const face = createFaceService({
    users: repos.users,
    challenges: repos.faceChallenges,
    gongan: createGonganClient(upstreams.gongan!),
    dataAccess: repos.dataAccess,
    cipher,
    audit,
    settings: {
      failuresPerDay: config.auth.faceFailuresPerDay,
      challengeTtlSeconds: 120,
      minSimilarity: 0.8,
      minLiveness: 0.7,
    },
    now,
  })

  // Third-party wiring first, then our own error handling, then routes.
  await app.register(security, {
    corsOrigins: config.corsOrigins,
    h5Dir: config.h5Dir,
    production: config.env === 'production',
  })
  await app.register(rateLimit, config.rateLimit)
  await app.register(underPressure, { maxEventLoopDelayMs: config.maxEventLoopDelayMs })
  await app.register(errorHandler)
  await app.register(openapi)
  // The signer is the auth plugin's (decorated below); it is only called once the app is ready.
  const authService = createAuthService({
    users: repos.users,
    sessions: repos.sessions,
    wechat: createWechatClient(wechatUpstream, config.wechat),
    cipher,
    audit,
    signAccess: (claims) => app.signAccess(claims),
    settings: config.auth,
    now,
  })
  await app.register(auth, {
    secret: config.tokenSecret,
    accessTtlSeconds: config.auth.accessTtlSeconds,
    checkSession: authService.checkSession,
  })

  await app.register(systemRoutes, { ping: store.ping })
  await app.register(feedbackRoutes, { feedback: createFeedbackService(repos.feedback, cipher) })
  await app.register(authRoutes, {
    auth: authService,
    profiles,
    loginRateLimitMax: config.auth.loginRateLimitMax,
    wechat: { appId: config.wechat.appId, authorizeUrl: config.wechat.authorizeUrl },
  })
  await app.register(faceRoutes, { face, profiles })
  const rules = loadRuleSets().get(config.healthRulesVersion)
  if (!rules) throw new Error(`no 粤康码 rule set ${config.healthRulesVersion} under bff/rules/health-code`)
  const appeals = createAppealsService({
    repo: repos.healthCode,
    readers,
    weijian: upstreams.weijian!,
    dataAccess: repos.dataAccess,
    now,
  })
  const healthStatus = createHealthStatusService({ repo: repos.healthCode, readers, appeals, keys, rules, now })
  const holders = createHolderService({
    repo: repos.healthCode,
    users: repos.users,
    profiles,
    readers,
    cipher,
    audit,
    now,
  })
  await app.register(dashboardRoutes, {
    dashboard: createDashboardService(readers, profiles, config.departments.dashboardBudgetMs, {
      holders,
      status: healthStatus,
    }),
  })
  await app.register(keyRoutes, { keys })
  const wallet = createWalletService(readers, profiles, cipher, audit)
  await app.register(walletRoutes, { wallet })
  await app.register(presentationRoutes, {
    presentations: createPresentationService({ keys, wallet, profiles, repo: repos.presentations, now }),
    verifyRateLimitMax: config.verifyRateLimitMax,
  })
  await app.register(queryRoutes, { data: createCitizenDataService(readers, profiles, repos.dataAccess) })
  await app.register(healthCodeRoutes, {
    holders,
    status: healthStatus,
    activity: createActivityService({ repo: repos.healthCode, status: healthStatus, profiles, cipher, now }),
    appeals,
    transfers: createTransferService({ status: healthStatus, keys, audit, now }),
    verifyRateLimitMax: config.verifyRateLimitMax,
  })

  if (config.h5Dir) await app.register(h5, { dir: config.h5Dir })
  return app
}
