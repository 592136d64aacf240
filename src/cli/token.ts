import { parseArgs } from 'node:util';
import { signToken } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { TOKEN_ROLES, type TokenRole } from '../domain/viewer.js';

const usage = `Usage: npm run token -- --role <${TOKEN_ROLES.join('|')}> --sub <subject> [--expires 8h]
  agent:   --sub is the agent login, e.g. demo.first
  service: --sub is the service code, e.g. TLPE-ENERGY
  citizen: --sub is the citizen id, e.g. 00000000-0000-4000-8000-000000000001`;

const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string', default: '8h' } },
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
console.log(await signToken({ role: values.role as TokenRole, sub: values.sub }, config.jwt.secret, values.expires));
