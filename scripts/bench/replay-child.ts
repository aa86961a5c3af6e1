import { performance } from 'node:perf_hooks';
import { MeetingService } from '../../server/meeting/service';
import { openDb } from '../../server/store/db';

// One cold start, as after a restart: a fresh process opens the database and replays.
const db = openDb(process.argv[2]!);
const t = performance.now();
const svc = new MeetingService(db);
const ms = performance.now() - t;
db.close();
process.send?.({ ev: 'replayed', ms, version: svc.state.version, rss: process.memoryUsage().rss });
setTimeout(() => process.exit(0), 10);
