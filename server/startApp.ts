import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AppConfig } from './env.js';
import { Accounts } from './auth/Accounts.js';
import { AuditLog } from './auth/AuditLog.js';
import { bootstrapAdmin } from './auth/bootstrapAdmin.js';
import { PasswordHasher, type PasswordCost } from './auth/PasswordHasher.js';
import { sessionSyncHooks } from './auth/sessionSyncHooks.js';
import { RefusalTally } from './auth/RefusalTally.js';
import { SessionStore } from './auth/SessionStore.js';
import { SessionWatch } from './auth/SessionWatch.js';
import { SignIn } from './auth/SignIn.js';
import { Branches } from './branches/Branches.js';
import { MeetingAccess } from './meetings/MeetingAccess.js';
import { MeetingDocumentWriter } from './meetings/MeetingDocumentWriter.js';
import { Meetings } from './meetings/Meetings.js';
import { MeetingService } from './meetings/MeetingService.js';
import { MeetingTemplates } from './meetings/MeetingTemplates.js';
import { sql } from 'kysely';
import { AppraisalRounds } from './appraisal/AppraisalRounds.js';
import { AppraisalService } from './appraisal/AppraisalService.js';
import { DocumentVersions } from './documents/DocumentVersions.js';
import { MeetingExports } from './export/MeetingExports.js';
import { MeetingRecordReader } from './export/MeetingRecordReader.js';
import { ServerDocuments } from './documents/ServerDocuments.js';
import { carryOutClusterEvent } from './fanout/carryOutClusterEvent.js';
import { openFanout } from './fanout/openFanout.js';
import { AppMetrics } from './metrics/AppMetrics.js';
import { compileTrustProxy } from './http/clientAddress.js';
import { createHttpApp } from './http/createHttpApp.js';
import { routeUpgrades } from './http/routeUpgrades.js';
import { attachSocketIo } from './moderation/attachSocketIo.js';
import { MeetingEventLog } from './moderation/MeetingEventLog.js';
import { attachMeetingNamespace, type MeetingChannel } from './moderation/meetingNamespace.js';
import { ModerationService } from './moderation/ModerationService.js';
import { SpeechHeadingWriter } from './moderation/SpeechHeadingWriter.js';
import { RectificationAccess } from './rectifications/RectificationAccess.js';
import { RectificationCarryOver } from './rectifications/RectificationCarryOver.js';
import { RectificationProposals } from './rectifications/RectificationProposals.js';
import { RectificationProposalService } from './rectifications/RectificationProposalService.js';
import { Rectifications } from './rectifications/Rectifications.js';
import { RectificationService } from './rectifications/RectificationService.js';
import { RectificationViews } from './rectifications/RectificationViews.js';
import type { Server } from 'socket.io';
import { KyselyDocumentStore } from './storage/KyselyDocumentStore.js';
import { openDatabase } from './storage/openDatabase.js';
import { SyncServer } from './sync/SyncServer.js';

export interface RunningApp {
  /** http://host:port */
  url: string;
  port: number;
  sync: SyncServer;
  /** The generated one-time admin password of a first start, to print once; else null. */
  initialAdminPassword: string | null;
  /** Stops accepting, closes sockets with "going away", flushes storage, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** The clock of sessions, account lockout and the audit log; tests move it instead of waiting. */
  now?: () => number;
  /** The argon2id cost of new password hashes; OWASP's unless a test lowers it. No env var. */
  passwordCost?: PasswordCost;
}

/** Starts every service on one http.Server and resolves once it listens. */
export async function startApp(
  config: AppConfig,
  logger: Logger,
  { now = Date.now, passwordCost }: StartOptions = {},
): Promise<RunningApp> {
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config, logger);
  const fanout = await openFanout(config, logger).catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  const store = await KyselyDocumentStore.open(database.db);
  const accounts = new Accounts(database.db, now);
  const audit = new AuditLog(database.db, now);
  const refusals = new RefusalTally(audit, logger, now);
  const branches = new Branches(database.db);
  const sessions = new SessionStore(
    database.db,
    { idleMs: config.sessionIdleMs, maxAgeMs: config.sessionMaxAgeMs },
    now,
  );
  const sessionWatch = new SessionWatch(sessions, logger);
  const { loginMaxFailures: maxFailures, loginLockMs: lockMs } = config;
  const policy = { maxFailures, lockMs, maxFailuresPerAddress: config.loginMaxFailuresPerAddress };
  const passwords = new PasswordHasher(passwordCost);
  const signIn = new SignIn(accounts, sessions, audit, policy, passwords, now);
  const initialAdminPassword = await bootstrapAdmin(accounts, audit, passwords, {
    username: config.adminUsername,
    password: config.adminPassword,
  });

  const trustProxy = compileTrustProxy(config.trustProxy);
  const meetings = new Meetings(database.db);
  const meetingAccess = new MeetingAccess({ meetings, branches });
  const templates = new MeetingTemplates(database.db);
  const metrics = new AppMetrics({ syncStats: () => sync.stats() });
  const sync: SyncServer = new SyncServer({
    store,
    peers: fanout,
    metrics,
    // Late-bound: the meeting rules below write documents through this very server.
    hooks: sessionSyncHooks({
      sessions,
      audit,
      refusals,
      watch: sessionWatch,
      authorize: (user, name) => meetingAccess.authorizeDocument(user, name),
      trustProxy,
    }),
    limits: config.syncLimits,
    logger,
  });
  const serverDocuments = new ServerDocuments(sync);
  const eventLog = new MeetingEventLog(database.db);
  const headings = new SpeechHeadingWriter(
    { meetings, log: eventLog, documents: serverDocuments },
    config.meetingTimeZone,
  );
  // Assigned once socket.io is attached below; no command can arrive before that.
  let channel: MeetingChannel | null = null;
  const moderation = new ModerationService({
    meetings,
    access: meetingAccess,
    log: eventLog,
    logger,
    publish: (meetingId, state, rosterChanged) =>
      channel?.publishState(meetingId, state, rosterChanged),
    onSpeechStarted: (meeting, speech) => headings.write(meeting, speech),
    onCommand: (result) => metrics.command(result),
  });
  const appraisal = new AppraisalService({
    rounds: new AppraisalRounds(database.db, database.secrets),
    meetings,
    stateFor: (meetingId, user, action) => moderation.stateFor(meetingId, user, action),
    audit,
    minBallots: config.appraisalMinBallots,
    publish: (view) => channel?.publishAppraisal(view),
  });
  const rectificationItems = new Rectifications(database.db);
  const rectificationAccess = new RectificationAccess({
    meetings,
    branches,
    access: meetingAccess,
    items: rectificationItems,
  });
  const rectificationViews = new RectificationViews({
    db: database.db,
    store,
    mayReadDocument: async (user, document) => {
      const found = await meetingAccess.document(user, document);
      return (
        found !== 'unknown' &&
        meetingAccess.can(found.meeting, found.caller, 'document.read', {
          document: found.document,
        })
      );
    },
    progressOf: (ids) => rectificationItems.progressOf(ids),
    timeZone: config.meetingTimeZone,
  });
  const rectifications = new RectificationService({
    items: rectificationItems,
    views: rectificationViews,
    access: rectificationAccess,
    branches,
    audit,
    publish: (view) => channel?.publishRectification(view),
  });
  const records = new MeetingRecordReader({
    meetings,
    branches,
    appraisal,
    rectifications,
    store,
    documents: serverDocuments,
    timeZone: config.meetingTimeZone,
  });
  const rectificationProposals = new RectificationProposalService({
    contentOf: (documentName) => records.content(documentName),
    proposals: new RectificationProposals(database.db),
    items: rectifications,
    views: rectificationViews,
    access: rectificationAccess,
    audit,
    publish: (view) => channel?.publishRectificationProposal(view),
  });
  const carryOver = new RectificationCarryOver({
    itemsOf: (meetingId) => rectifications.listForMeeting(meetingId),
    log: eventLog,
    timeZone: config.meetingTimeZone,
  });
  const versions = new DocumentVersions({ db: database.db, store, documents: serverDocuments });
  const meetingExports = new MeetingExports({
    meetings,
    meetingAccess,
    moderation,
    audit,
    timeZone: config.meetingTimeZone,
    records,
  });
  const meetingService: MeetingService = new MeetingService({
    versions,
    meetings,
    branches,
    accounts,
    audit,
    documents: new MeetingDocumentWriter(meetings, serverDocuments, (meeting) =>
      carryOver.openingSection(meeting),
    ),
    agenda: carryOver,
    closeDocuments: (change) => fanout.broadcast({ type: 'accessChanged', change }),
    moderation: {
      participantsChanged: (meetingId) => moderation.rosterChanged(meetingId),
      statusChanged: async (meetingId, status) => {
        if (status === 'closed') await moderation.meetingClosed(meetingId);
        channel?.publishStatus(meetingId, status);
      },
    },
  });
  // Assigned once socket.io is attached below; sessions cannot end before the server listens.
  let io: Server | null = null;
  fanout.onEvent((event) => carryOutClusterEvent(event, { sync, io, moderation }));

  const server = http.createServer(
    createHttpApp({
      version: config.version,
      meetingTimeZone: config.meetingTimeZone,
      startedAt: Date.now(),
      clientDir: config.clientDir,
      logger,
      auth: {
        accounts,
        sessions,
        signIn,
        audit,
        passwords,
        sessionMaxAgeMs: config.sessionMaxAgeMs,
        closeSockets: (whose) => fanout.broadcast({ type: 'closeSockets', whose }),
      },
      branches,
      meetings,
      meetingService,
      meetingAccess,
      templates,
      moderation,
      appraisal,
      versions,
      rectifications,
      rectificationProposals,
      meetingExports,
      documents: serverDocuments,
      metrics: metrics.registry,
      metricsToken: config.metricsToken,
      trustProxy,
      allowedOrigins: config.allowedOrigins,
      dependencies: {
        database: async () => {
          await sql`SELECT 1`.execute(database.db);
        },
        ...(config.redisUrl ? { redis: () => fanout.check() } : {}),
      },
    }),
  );
  io = attachSocketIo(server, {
    sessions,
    watch: sessionWatch,
    adapter: await fanout.socketIoAdapter(),
    allowedOrigins: config.allowedOrigins,
  });
  channel = attachMeetingNamespace(io, { sessions, watch: sessionWatch, moderation, logger });

  routeUpgrades(server, { sync, allowedOrigins: config.allowedOrigins, logger });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  logger.info({ url, dataDir: config.dataDir }, 'listening');

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Closing engine.io's transports (not disconnecting sockets) lets socket.io clients reconnect.
    io!.engine.close();
    await sync.close(config.shutdownGraceMs);
    await io!.close();
    server.closeAllConnections();
    await closed;
    await refusals.close();
    sessionWatch.close();
    await fanout.close();
    await database.close();
    logger.info('stopped');
  };
  return {
    url,
    port,
    sync,
    initialAdminPassword,
    close: () => (closing ??= close()),
  };
}
