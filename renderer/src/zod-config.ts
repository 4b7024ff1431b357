// The page runs under a CSP without 'unsafe-eval' (docs/reliability.md R9). Zod compiles object parsers with
// `new Function` unless told not to, and its probe for that is reported as a CSP violation even though it is caught;
// jitless parsing needs no eval. Imported first by main.tsx, before any schema parses.
import { z } from 'zod';

z.config({ jitless: true });
