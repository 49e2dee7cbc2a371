import { z } from 'zod';

// zod compiles object parsers with `new Function`, probing for it when a schema is built; under
// the page's CSP (no 'unsafe-eval') the probe is a violation every page reports. Imported first
// in main.tsx, before any module defines a schema.
z.config({ jitless: true });
