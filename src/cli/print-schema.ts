import { writeFile } from 'node:fs/promises';
import { printSdl } from '../schema/index.js';

const target = new URL('../../schema/schema.graphql', import.meta.url);
await writeFile(target, printSdl());
console.log(`wrote ${target.pathname}`);
