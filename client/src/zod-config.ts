import { z } from 'zod';

// No `new Function` probe: the screens run under a CSP without 'unsafe-eval' (docs/security.md).
// Imported first by main.tsx, so it runs before any module builds a schema.
z.config({ jitless: true });
