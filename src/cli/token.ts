import { parseArgs } from 'node:util';
import { createTokenVerifier, signToken } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { TOKEN_ROLES, type TokenRole } from '../domain/viewer.js';

const usage = `Usage: npm run token -- --role <${TOKEN_ROLES.join('|')}> --sub <subject> [--expires 8h]
  --expires: a time span (30m, 8h, 1d), at most JWT_MAX_LIFETIME (24h unless set); 8h by default, or JWT_MAX_LIFETIME if shorter
  agent:   --sub is the agent login, e.g. demo.first
  service: --sub is the service code, e.g. TLPE-ENERGY
  citizen: --sub is the citizen id, e.g. 00000000-0000-4000-8000-000000000001`;

const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string' } },
});
if (!values.role || !values.sub || !(TOKEN_ROLES as readonly string[]).includes(values.role)) {
  console.error(usage);
  process.exit(2);
}
const config = loadConfig();
if (!config.jwt.secret) {
  console.error('No JWT_SECRET is configured: tokens come from the identity provider behind JWKS_URL.');
  process.exit(2);
}
// A working day, or less when the server accepts less.
const expires = values.expires ?? (config.jwt.maxLifetimeSeconds < 8 * 3600 ? `${config.jwt.maxLifetimeSeconds}s` : '8h');
let token: string;
try {
  token = await signToken({ role: values.role as TokenRole, sub: values.sub }, config.jwt.secret, expires);
} catch (error) {
  console.error(`--expires "${expires}": ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
// Checked by the server's own verifier: a token it would refuse is refused now rather than with a 401 later.
try {
  await createTokenVerifier(config.jwt)(token);
} catch (error) {
  console.error(`--expires "${expires}": ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
console.log(token);
