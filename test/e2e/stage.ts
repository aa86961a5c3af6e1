import { expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer, type StartOptions } from '../../server/app';
import { ensureClientBuilt } from './global-build';
import type { LooseAck } from '../../shared/protocol';

/** Debian's chromium, headless, with nothing reaching out to the network (DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = path.resolve('docs/screenshots');

/**
 * Records every Content-Security-Policy violation of the context's pages, from before any page
 * script runs (through the browser's own protocol, not an inline script); `cspViolations`
 * reads them.
 */
export async function recordCspViolations(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The protocol's ack (shared/protocol.ts), loosened so a test reads any field without narrowing. */
export type Ack = LooseAck;

export const emit = (s: Socket, event: string, payload?: unknown) =>
  (payload === undefined ? s.timeout(5000).emitWithAck(event) : s.timeout(5000).emitWithAck(event, payload)) as Promise<Ack>;

/** The chair signs in on the console, as the demo prints it: person id and password. */
export async function signInChair(page: Page, personId: string, password: string) {
  await page.getByLabel('Person-id').fill(personId);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: 'Dagsorden' }).waitFor();
}

/** A member checks in at a seat terminal with the personal code (§ 16). */
export async function checkInAt(page: Page, code: string) {
  await page.getByLabel('Personlig kode').fill(code);
  await page.getByRole('button', { name: 'Meld ind' }).click();
  await page.getByText('Du er registreret som til stede (§ 16).').waitFor();
}

/**
 * The stage of a browser test: the real server on a loopback port with its own SQLite file
 * and the built screens, one chromium, and the sockets and browser contexts the test opens.
 */
export class Stage {
  server!: RunningServer;
  browser!: Browser;
  private dir = '';
  private contexts: BrowserContext[] = [];
  private sockets: Socket[] = [];

  async start(name: string, opts: Partial<StartOptions> = {}): Promise<RunningServer> {
    const staticDir = ensureClientBuilt();
    this.dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
    this.server = await startServer({ dbPath: path.join(this.dir, 'e2e.sqlite'), port: 0, demo: true, staticDir, ...opts });
    this.browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    return this.server;
  }

  /** A plain socket.io client (a seat terminal, the chair's console…) that the test drives. */
  openSocket = async (auth: Record<string, unknown>): Promise<Socket> => {
    const s = io(this.server.url, { auth, transports: ['websocket'], reconnection: false });
    this.sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  };

  /**
   * Members at their seats through plain sockets (§ 16), all checked in; the sockets by
   * person id. Each check-in must be accepted: the test stops at the first that is not.
   */
  checkInSeats = async (persons: { id: string; seatId: string | null }[]): Promise<Map<string, Socket>> => {
    const { demo } = this.server;
    const sockets = new Map<string, Socket>();
    await Promise.all(
      persons.map(async (p) => {
        const s = await this.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
        const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
        expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
        sockets.set(p.id, s);
      }),
    );
    return sockets;
  };

  /** The chair's console as a plain socket, and its actions, each of which must be accepted. */
  chairSocket = async (personId = this.server.demo.setup.chairLine[0]!) => {
    const socket = await this.openSocket({ role: 'chair', personId, password: this.server.demo.chairPasswords[personId] });
    const act = async (body: Record<string, unknown>) => {
      const r = await emit(socket, 'action', body);
      expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
      return r;
    };
    return { socket, act };
  };

  /**
   * The usual chamber for a screen test: the chair's console signed in, the member at index
   * `member` (among the members other than the chair) checked in on a tablet, `others` more
   * members at their seats by socket, the gallery, a secretariat socket, the meeting open.
   */
  scene = async (member: number, others = 35) => {
    const { demo } = this.server;
    const chairId = demo.setup.chairLine[0]!;
    const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId && p.id !== chairId);
    const me = members[member]!;
    const chair = await this.newPage({ width: 1600, height: 1000 }, '/chair');
    await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
    const seat = await this.newPage({ width: 1180, height: 820 }, `/seat#key=${encodeURIComponent(demo.seatKeys[me.seatId!]!)}`);
    await checkInAt(seat, demo.codes[me.id]!);
    const seats = await this.checkInSeats(members.filter((p) => p.id !== me.id).slice(0, others));
    const secretariat = await this.openSocket({ role: 'secretariat', password: demo.secretariatPassword });
    const gallery = await this.newPage({ width: 1280, height: 800 }, '/gallery');
    const { act } = await this.chairSocket(chairId);
    await act({ type: 'meeting.open' });
    return { me, chair, seat, seats, secretariat, gallery, act };
  };

  /** A screen in its own browser context, as a separate person would have it. */
  newPage = async (viewport: { width: number; height: number }, urlPath: string): Promise<Page> => {
    const ctx = await this.browser.newContext({ viewport, locale: 'da-DK' });
    this.contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(`[${urlPath}] page error:`, e.message));
    await page.goto(this.server.url + urlPath);
    return page;
  };

  async close() {
    for (const s of this.sockets) s.disconnect();
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    await this.server?.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
