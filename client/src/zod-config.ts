// The core's `config` alone (not all of zod): it sets the one global config every schema
// reads, and a screen that builds no schema (the gallery) then loads no more of zod.
import { config } from 'zod/v4/core';

// No `new Function` probe: the screens run under a CSP without 'unsafe-eval' (docs/security.md).
// Imported first by main.tsx, so it runs before any module builds a schema.
config({ jitless: true });
