import { BlockList, isIP } from 'node:net';

// The demo publishes every key and password (`/api/demo`, the printed links): it stays on this
// machine unless `--demo-on-network` says otherwise (issue #11, item 7).

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** An address or host name that only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const h = host.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost') return true;
  const v = isIP(h);
  if (v === 4) return loopback.check(h, 'ipv4');
  if (v === 6) return loopback.check(h, 'ipv6');
  return false;
}

export class DemoOnNetworkError extends Error {
  constructor(readonly host: string) {
    super(
      `--demo publishes every seat key and password, so it listens only on this machine (127.0.0.1, ::1, localhost), not on ${host}. ` +
        `Add --demo-on-network to serve the demo to a network anyway (never a real meeting; see docs/deploy.md).`,
    );
    this.name = 'DemoOnNetworkError';
  }
}

/** The framed warning printed on stderr when the demo is served to a network anyway. */
export function demoOnNetworkWarning(host: string): string {
  const lines = [
    'ADVARSEL / WARNING: DEMO ON A NETWORK',
    '',
    `The demo listens on ${host} (--demo-on-network).`,
    'Every seat key, member code and password is printed below and',
    'listed at /api/demo for anyone who can reach this server:',
    'anyone on this network can act as any member, the chair or the',
    'secretariat. Never use this for a real meeting (docs/deploy.md).',
    '',
    `Demoen lytter på ${host}: alle nøgler, koder og adgangskoder`,
    'kan hentes af alle på netværket. Brug den aldrig til et rigtigt møde.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 6);
  return [bar, ...lines.map((l) => `!! ${l.padEnd(width)} !!`), bar].join('\n');
}
